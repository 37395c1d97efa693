package org.marcring.codec;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;

/**
 * A data field (tags 010-999): a tag, two indicators and an ordered list of subfields.
 *
 * <pre>{@code
 * DataField title = DataField.of("245", '1', '0', Subfield.of('a', "Pride and prejudice /"),
 *                                                 Subfield.of('c', "Jane Austen."));
 * String a = title.get('a');
 * DataField edited = title.toBuilder().remove('c').add('b', "a novel").build();
 * }</pre>
 *
 * <p>Immutable. The subfields are held as parallel arrays of codes and values, so that reading
 * millions of fields creates no {@link Subfield} objects; {@link #code(int)}, {@link #value(int)} and
 * {@link #subfieldCount()} read them without allocating, and {@link #subfields()} gives them as a list.
 */
public final class DataField implements Field {
    private final String tag;
    private final char indicator1;
    private final char indicator2;
    private final char[] codes;
    private final String[] values;
    private List<Subfield> subfieldList;   // made on first use; racy but benign, as String.hash

    /**
     * A data field.
     *
     * @param tag        the tag
     * @param indicator1 the first indicator ({@code ' '} for blank)
     * @param indicator2 the second indicator
     * @param subfields  the subfields in order (copied)
     */
    public DataField(String tag, char indicator1, char indicator2, List<Subfield> subfields) {
        this.tag = checkTag(tag);
        this.indicator1 = indicator1;
        this.indicator2 = indicator2;
        int n = subfields.size();
        this.codes = new char[n];
        this.values = new String[n];
        for (int i = 0; i < n; i++) {
            Subfield s = Objects.requireNonNull(subfields.get(i), "subfield");
            codes[i] = s.code();
            values[i] = s.value();
        }
    }

    private DataField(String tag, char indicator1, char indicator2, char[] codes, String[] values) {
        this.tag = tag;
        this.indicator1 = indicator1;
        this.indicator2 = indicator2;
        this.codes = codes;
        this.values = values;
    }

    /**
     * A data field made from parallel arrays of codes and values, which it takes over without copying:
     * the caller must not change them afterwards. For decoders; others use the constructor or builder.
     */
    public static DataField ofArrays(String tag, char indicator1, char indicator2, char[] codes, String[] values) {
        checkTag(tag);
        if (codes.length != values.length) {
            throw new IllegalArgumentException(codes.length + " codes but " + values.length + " values");
        }
        for (String v : values) {
            Objects.requireNonNull(v, "subfield value");
        }
        return new DataField(tag, indicator1, indicator2, codes, values);
    }

    private static String checkTag(String tag) {
        Objects.requireNonNull(tag, "tag");
        if (tag.length() != 3) {
            throw new IllegalArgumentException("a tag has 3 characters: '" + tag + "'");
        }
        return tag;
    }

    /**
     * A data field without subfields (to fill with {@link #toBuilder()}); without this overload a call with
     * no subfields would be ambiguous between the two varargs forms.
     */
    public static DataField of(String tag, char indicator1, char indicator2) {
        return new DataField(tag, indicator1, indicator2, List.of());
    }

    /** A data field with the given subfields. */
    public static DataField of(String tag, char indicator1, char indicator2, Subfield... subfields) {
        return new DataField(tag, indicator1, indicator2, Arrays.asList(subfields));
    }

    /**
     * A data field from alternating codes and values:
     * {@code DataField.of("100", '1', ' ', "a", "Austen, Jane,", "d", "1775-1817.")}.
     */
    public static DataField of(String tag, char indicator1, char indicator2, String... codesAndValues) {
        if (codesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("codes and values must come in pairs");
        }
        int n = codesAndValues.length / 2;
        char[] codes = new char[n];
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            String code = codesAndValues[2 * i];
            if (code == null || code.length() != 1) {
                throw new IllegalArgumentException("a subfield code is one character: '" + code + "'");
            }
            codes[i] = code.charAt(0);
            values[i] = Objects.requireNonNull(codesAndValues[2 * i + 1], "subfield value");
        }
        return new DataField(checkTag(tag), indicator1, indicator2, codes, values);
    }

    /** A builder for a new data field with blank indicators. */
    public static Builder builder(String tag) {
        return new Builder(tag, ' ', ' ', new ArrayList<>());
    }

    /** A builder that starts from this field. */
    public Builder toBuilder() {
        return new Builder(tag, indicator1, indicator2, new ArrayList<>(subfields()));
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public char indicator1() {
        return indicator1;
    }

    @Override
    public char indicator2() {
        return indicator2;
    }

    /** Number of subfields. */
    public int subfieldCount() {
        return codes.length;
    }

    /** The code of subfield {@code index} (0-based). */
    public char code(int index) {
        return codes[index];
    }

    /** The value of subfield {@code index} (0-based). */
    public String value(int index) {
        return values[index];
    }

    @Override
    public List<Subfield> subfields() {
        List<Subfield> list = subfieldList;
        if (list == null) {
            Subfield[] array = new Subfield[codes.length];
            for (int i = 0; i < array.length; i++) {
                array[i] = new Subfield(codes[i], values[i]);
            }
            list = subfieldList = new SubfieldList(array);
        }
        return list;
    }

    @Override
    public String get(char code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == code) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public List<String> getAll(char... wanted) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            for (char c : wanted) {
                if (codes[i] == c) {
                    found.add(values[i]);
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public boolean isControl() {
        return false;
    }

    @Override
    public String data() {
        return null;
    }

    @Override
    public String value() {
        return String.join(" ", values);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataField)) {
            return false;
        }
        DataField f = (DataField) o;
        return tag.equals(f.tag) && indicator1 == f.indicator1 && indicator2 == f.indicator2
                && Arrays.equals(codes, f.codes) && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        int h = tag.hashCode();
        h = 31 * h + indicator1;
        h = 31 * h + indicator2;
        h = 31 * h + Arrays.hashCode(codes);
        return 31 * h + Arrays.hashCode(values);
    }

    /** {@code 245 10$aTitle$cAuthor}, with {@code \} for a blank indicator, as in the line dump format. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(tag).append(' ')
                .append(indicator1 == ' ' ? '\\' : indicator1)
                .append(indicator2 == ' ' ? '\\' : indicator2);
        for (int i = 0; i < codes.length; i++) {
            sb.append('$').append(codes[i]).append(values[i]);
        }
        return sb.toString();
    }

    /** The subfields as an unmodifiable list. */
    private static final class SubfieldList extends AbstractList<Subfield> implements RandomAccess {
        private final Subfield[] array;

        SubfieldList(Subfield[] array) {
            this.array = array;
        }

        @Override
        public Subfield get(int index) {
            return array[index];
        }

        @Override
        public int size() {
            return array.length;
        }
    }

    /** Builds or edits a {@link DataField}; not thread-safe, one per use. */
    public static final class Builder {
        private String tag;
        private char indicator1;
        private char indicator2;
        private final List<Subfield> subfields;

        private Builder(String tag, char indicator1, char indicator2, List<Subfield> subfields) {
            this.tag = tag;
            this.indicator1 = indicator1;
            this.indicator2 = indicator2;
            this.subfields = subfields;
        }

        /** Sets the tag. */
        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** Sets both indicators. */
        public Builder indicators(char indicator1, char indicator2) {
            this.indicator1 = indicator1;
            this.indicator2 = indicator2;
            return this;
        }

        /** Appends a subfield. */
        public Builder add(char code, String value) {
            subfields.add(new Subfield(code, value));
            return this;
        }

        /** Appends a subfield. */
        public Builder add(Subfield subfield) {
            subfields.add(Objects.requireNonNull(subfield));
            return this;
        }

        /** Inserts a subfield at {@code index}. */
        public Builder insert(int index, Subfield subfield) {
            subfields.add(index, Objects.requireNonNull(subfield));
            return this;
        }

        /** Removes every subfield with {@code code}. */
        public Builder remove(char code) {
            subfields.removeIf(s -> s.code() == code);
            return this;
        }

        /**
         * Sets the value of the first subfield with {@code code}, or appends one where there is none.
         */
        public Builder set(char code, String value) {
            for (int i = 0; i < subfields.size(); i++) {
                if (subfields.get(i).code() == code) {
                    subfields.set(i, new Subfield(code, value));
                    return this;
                }
            }
            return add(code, value);
        }

        /** Replaces every subfield by what {@code change} makes of it. */
        public Builder replaceAll(UnaryOperator<Subfield> change) {
            subfields.replaceAll(change);
            return this;
        }

        /** The field. */
        public DataField build() {
            return new DataField(tag, indicator1, indicator2, subfields);
        }
    }
}
