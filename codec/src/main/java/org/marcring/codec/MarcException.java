package org.marcring.codec;

/**
 * The one exception type that marcring's readers and writers throw for bad data: any input, of any
 * bytes, ends in a record, a record with errors, or a {@code MarcException} (or a subtype).
 * I/O failures of the underlying stream are reported as {@link java.io.UncheckedIOException}.
 */
public class MarcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public MarcException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public MarcException(String message, Throwable cause) {
        super(message, cause);
    }
}
