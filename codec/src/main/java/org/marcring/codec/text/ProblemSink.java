package org.marcring.codec.text;

import org.marcring.codec.MarcError;

/**
 * Receives the problems a {@link TextDecoder} or {@link TextEncoder} finds. The reader behind it
 * knows the record, the field and the mode: in strict mode it throws, in permissive mode it keeps
 * the problem with the record.
 */
@FunctionalInterface
public interface ProblemSink {

    /**
     * Reports a problem.
     *
     * @param severity how bad it is
     * @param index    index of the offending byte in the array being decoded (or of the character
     *                 in the string being encoded)
     * @param message  what was wrong and what was done about it
     */
    void report(MarcError.Severity severity, int index, String message);

    /** A sink that ignores everything. */
    ProblemSink IGNORE = (severity, index, message) -> { };
}
