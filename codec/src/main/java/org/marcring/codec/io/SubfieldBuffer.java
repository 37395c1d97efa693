package org.marcring.codec.io;

import java.util.Arrays;

import org.marcring.codec.DataField;

/**
 * Collects the subfields of the data field a reader is reading, as the parallel arrays of codes and
 * values that {@link DataField#ofArrays} takes, without a {@code Subfield} object per subfield.
 * Reused from field to field; not thread-safe.
 */
public final class SubfieldBuffer {
    private char[] codes = new char[16];
    private String[] values = new String[16];
    private int size;

    /** Forgets the subfields collected, to start a new field. */
    public void clear() {
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    /** Adds a subfield. */
    public void add(char code, String value) {
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        codes[size] = code;
        values[size] = value;
        size++;
    }

    /** Number of subfields collected. */
    public int size() {
        return size;
    }

    /** A data field with the subfields collected (copied out: the buffer can be reused at once). */
    public DataField toField(String tag, char indicator1, char indicator2) {
        return DataField.ofArrays(tag, indicator1, indicator2, Arrays.copyOf(codes, size),
                Arrays.copyOf(values, size));
    }

    /** The subfields collected, as {@code $a value$b value}, for messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append('$').append(codes[i]).append(values[i]);
        }
        return sb.toString();
    }
}
