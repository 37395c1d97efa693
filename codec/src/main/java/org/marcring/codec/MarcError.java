package org.marcring.codec;

import java.util.Objects;

/**
 * A problem found while reading a record, kept with the record when the reader is permissive.
 *
 * @param severity how bad it is
 * @param tag      the tag of the field concerned, or {@code null} for the leader, directory or record
 * @param position byte offset of the problem inside the raw record, or -1 where it has none
 * @param message  what was wrong and what was done about it
 */
public record MarcError(Severity severity, String tag, int position, String message) {
    /** Checks the components. */
    public MarcError {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** How bad a problem is. */
    public enum Severity {
        /** Worth knowing; nothing was changed (e.g. a length in the leader that lied). */
        INFO,
        /** Repaired without losing data (e.g. an upper-case subfield code made lower-case). */
        WARNING,
        /** Repaired, but data was replaced or dropped (e.g. invalid UTF-8 replaced by U+FFFD). */
        ERROR,
        /** The record could not be read. */
        FATAL
    }

    /** {@code ERROR 245 @123: message}. */
    @Override
    public String toString() {
        return severity + (tag == null ? "" : " " + tag) + (position < 0 ? "" : " @" + position) + ": " + message;
    }
}
