package org.marcring.codec;

import java.util.List;
import java.util.Objects;

/**
 * A control field (tags 001-009): a tag and unstructured data, e.g. the control number in 001 or
 * the fixed-length data elements in 008.
 *
 * @param tag  the tag, {@code 00X}
 * @param data the data, never {@code null}
 */
public record ControlField(String tag, String data) implements Field {
    /** Checks the tag and data. */
    public ControlField {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(data, "data");
        if (tag.length() != 3) {
            throw new IllegalArgumentException("a tag has 3 characters: '" + tag + "'");
        }
    }

    /** Shorthand for {@code new ControlField(tag, data)}. */
    public static ControlField of(String tag, String data) {
        return new ControlField(tag, data);
    }

    @Override
    public boolean isControl() {
        return true;
    }

    @Override
    public char indicator1() {
        return ' ';
    }

    @Override
    public char indicator2() {
        return ' ';
    }

    @Override
    public List<Subfield> subfields() {
        return List.of();
    }

    @Override
    public String value() {
        return data;
    }

    /** {@code 001  data}, as in the line dump format. */
    @Override
    public String toString() {
        return tag + "  " + data;
    }
}
