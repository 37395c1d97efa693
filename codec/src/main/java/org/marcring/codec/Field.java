package org.marcring.codec;

import java.util.List;

/**
 * A variable field of a MARC record: either a {@link ControlField} (tags 001-009, data only) or a
 * {@link DataField} (two indicators and subfields).
 *
 * <p>The subfield accessors are defined for both kinds so that lookups read as in pymarc,
 * {@code record.get("245").get('a')}; on a control field they find nothing.
 */
public sealed interface Field permits ControlField, DataField {

    /** The three-character tag, e.g. {@code "245"}. */
    String tag();

    /** Whether this is a control field (tag 00X). */
    boolean isControl();

    /** The first indicator; blank for a control field. */
    char indicator1();

    /** The second indicator; blank for a control field. */
    char indicator2();

    /** The subfields in order; empty for a control field. */
    List<Subfield> subfields();

    /** The data of a control field; {@code null} for a data field (see {@link #value()}). */
    String data();

    /**
     * The value of the first subfield with {@code code}, or {@code null} where there is none.
     */
    default String get(char code) {
        for (Subfield s : subfields()) {
            if (s.code() == code) {
                return s.value();
            }
        }
        return null;
    }

    /** The values of all subfields with any of the given codes, in field order. */
    default List<String> getAll(char... codes) {
        List<String> values = new java.util.ArrayList<>();
        for (Subfield s : subfields()) {
            for (char c : codes) {
                if (s.code() == c) {
                    values.add(s.value());
                    break;
                }
            }
        }
        return values;
    }

    /** Whether there is a subfield with {@code code}. */
    default boolean has(char code) {
        return get(code) != null;
    }

    /**
     * The text of the field: the data of a control field, or the subfield values of a data field
     * joined by single spaces (as pymarc's {@code value()}).
     */
    String value();

    /** Whether {@code tag} is a control field tag: {@code 001} to {@code 009} (and {@code 000}). */
    static boolean isControlTag(String tag) {
        return tag.length() == 3 && tag.charAt(0) == '0' && tag.charAt(1) == '0';
    }
}
