package org.marcring.spark;

import java.util.Locale;

/** What the reader does with a record it cannot read cleanly, as the {@code mode} option of Spark's own sources. */
public enum ReadMode {
    /**
     * Keep every record: a damaged one with its {@code errors}, one that cannot be read at all with its
     * bytes in {@code _corrupt_record} and no fields.
     */
    PERMISSIVE,
    /** Leave out every record that has errors or cannot be read. */
    DROPMALFORMED,
    /** Fail the query at the first record that has errors or cannot be read, naming its file and offset. */
    FAILFAST;

    /** The mode named by an option value (any case); PERMISSIVE for {@code null}. */
    public static ReadMode of(String option) {
        if (option == null) {
            return PERMISSIVE;
        }
        try {
            return valueOf(option.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be PERMISSIVE, DROPMALFORMED or FAILFAST: " + option, e);
        }
    }
}
