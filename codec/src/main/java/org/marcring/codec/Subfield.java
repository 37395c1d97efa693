package org.marcring.codec;

import java.util.Objects;

/**
 * One subfield of a data field: a code ({@code 'a'}) and its value.
 *
 * @param code  the subfield code, normally a lower-case letter or a digit
 * @param value the text, never {@code null}
 */
public record Subfield(char code, String value) {
    /** Checks that the value is present. */
    public Subfield {
        Objects.requireNonNull(value, "subfield value");
    }

    /** Shorthand for {@code new Subfield(code, value)}. */
    public static Subfield of(char code, String value) {
        return new Subfield(code, value);
    }

    /** {@code $a value}, as in the line dump format. */
    @Override
    public String toString() {
        return "$" + code + value;
    }
}
