package org.marcring.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * @param tag        the tag
 * @param indicator1 the first indicator ({@code ' '} for blank)
 * @param indicator2 the second indicator
 * @param subfields  the subfields in order (kept as an unmodifiable list)
 */
public record DataField(String tag, char indicator1, char indicator2, List<Subfield> subfields) implements Field {
    /** Checks the tag and freezes the subfield list. */
    public DataField {
        Objects.requireNonNull(tag, "tag");
        if (tag.length() != 3) {
            throw new IllegalArgumentException("a tag has 3 characters: '" + tag + "'");
        }
        subfields = List.copyOf(subfields);
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
        return new DataField(tag, indicator1, indicator2, List.of(subfields));
    }

    /**
     * A data field from alternating codes and values:
     * {@code DataField.of("100", '1', ' ', "a", "Austen, Jane,", "d", "1775-1817.")}.
     */
    public static DataField of(String tag, char indicator1, char indicator2, String... codesAndValues) {
        if (codesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("codes and values must come in pairs");
        }
        Subfield[] subfields = new Subfield[codesAndValues.length / 2];
        for (int i = 0; i < subfields.length; i++) {
            String code = codesAndValues[2 * i];
            if (code.length() != 1) {
                throw new IllegalArgumentException("a subfield code is one character: '" + code + "'");
            }
            subfields[i] = new Subfield(code.charAt(0), codesAndValues[2 * i + 1]);
        }
        return new DataField(tag, indicator1, indicator2, List.of(subfields));
    }

    /** A builder for a new data field with blank indicators. */
    public static Builder builder(String tag) {
        return new Builder(tag, ' ', ' ', new ArrayList<>());
    }

    /** A builder that starts from this field. */
    public Builder toBuilder() {
        return new Builder(tag, indicator1, indicator2, new ArrayList<>(subfields));
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
        StringBuilder sb = new StringBuilder();
        for (Subfield s : subfields) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(s.value());
        }
        return sb.toString();
    }

    /** {@code 245 10$aTitle$cAuthor}, with {@code \} for a blank indicator, as in the line dump format. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(tag).append(' ')
                .append(indicator1 == ' ' ? '\\' : indicator1)
                .append(indicator2 == ' ' ? '\\' : indicator2);
        for (Subfield s : subfields) {
            sb.append('$').append(s.code()).append(s.value());
        }
        return sb.toString();
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
