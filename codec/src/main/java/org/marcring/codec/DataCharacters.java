package org.marcring.codec;

import java.util.List;

/**
 * The one rule for characters in field data that no output can hold: NUL, the ISO 2709 record and field
 * terminators (U+001D, U+001E) anywhere, and the subfield delimiter (U+001F) in a subfield value. XML 1.0
 * cannot hold them even as character references, and ISO 2709 reserves the separators for its structure.
 * (A subfield delimiter in a control field is kept, as real records hold 007 fields written with
 * "subfields" and ISO 2709, MARC-in-JSON and MARCMaker can write it; so are other C0 controls, such as the
 * escape of MARC-8 sequences kept as they are. The MARCXML encoder replaces those as its
 * {@code InvalidXmlCharacters} says.)
 *
 * <p>Every reader applies this rule to the values of control fields and subfields it has decoded: each
 * such character becomes U+FFFD REPLACEMENT CHARACTER and the value is reported as an
 * {@link MarcError.Severity#ERROR} (data was replaced), so a strict reader refuses the record, a
 * permissive one keeps it with the error listed, and every output then writes the same repaired value.
 */
public final class DataCharacters {

    /** Receives one repaired value: the field's tag and what was replaced. */
    @FunctionalInterface
    public interface RepairListener {
        /**
         * Called once per repaired value.
         *
         * @param index   the index of the field in the list
         * @param tag     the tag of the field holding the value
         * @param message what was replaced, naming the subfield, the first character and its index
         */
        void repaired(int index, String tag, String message);
    }

    private DataCharacters() {
    }

    /**
     * Whether {@code c} is a character no output can hold in data: NUL, U+001D or U+001E anywhere, U+001F in a
     * subfield value.
     */
    private static boolean forbidden(char c, boolean subfield) {
        return c == 0 || c == 0x1D || c == 0x1E || (subfield && c == 0x1F);
    }

    /**
     * The index of the first character of {@code s} no output can hold in data, or -1 if there is none.
     *
     * @param subfield whether {@code s} is a subfield value (else a control field's data)
     */
    public static int indexOfForbidden(String s, boolean subfield) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 && forbidden(c, subfield)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code s} with each character no output can hold in data replaced by U+FFFD.
     *
     * @param subfield whether {@code s} is a subfield value (else a control field's data)
     */
    public static String repaired(String s, boolean subfield) {
        int first = indexOfForbidden(s, subfield);
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 && forbidden(c, subfield) ? '\uFFFD' : c);
        }
        return out.toString();
    }

    /**
     * Applies the rule to {@code fields} in place: each field with a value holding such characters is
     * replaced by the repaired field, and each repaired value is passed to {@code listener}.
     *
     * @return the number of values repaired
     */
    public static int repair(List<Field> fields, RepairListener listener) {
        int repairs = 0;
        for (int f = 0, n = fields.size(); f < n; f++) {
            Field field = fields.get(f);
            if (field instanceof ControlField control) {
                int at = indexOfForbidden(control.data(), false);
                if (at >= 0) {
                    fields.set(f, new ControlField(control.tag(), repaired(control.data(), false)));
                    listener.repaired(f, control.tag(), describe(control.data(), at, null, false));
                    repairs++;
                }
            } else if (field instanceof DataField data) {
                String[] values = null;
                for (int k = 0, count = data.subfieldCount(); k < count; k++) {
                    String value = data.value(k);
                    int at = indexOfForbidden(value, true);
                    if (at >= 0) {
                        if (values == null) {
                            values = new String[count];
                            for (int j = 0; j < count; j++) {
                                values[j] = data.value(j);
                            }
                        }
                        values[k] = repaired(value, true);
                        listener.repaired(f, data.tag(), describe(value, at, data.code(k), true));
                        repairs++;
                    }
                }
                if (values != null) {
                    char[] codes = new char[values.length];
                    for (int j = 0; j < codes.length; j++) {
                        codes[j] = data.code(j);
                    }
                    fields.set(f, DataField.ofArrays(data.tag(), data.indicator1(), data.indicator2(), codes, values));
                }
            }
        }
        return repairs;
    }

    private static String describe(String value, int first, Character code, boolean subfield) {
        int count = 0;
        for (int i = first, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 && forbidden(c, subfield)) {
                count++;
            }
        }
        return String.format("%s character U+%04X at index %d%s replaced by U+FFFD: no output can hold NUL, a"
                        + " record or field terminator or (in a subfield) a subfield delimiter in data",
                code == null ? "data:" : "subfield $" + code + ":", (int) value.charAt(first), first,
                count > 1 ? " (" + count + " such characters in the value)" : "");
    }
}
