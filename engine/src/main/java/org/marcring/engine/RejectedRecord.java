package org.marcring.engine;

import java.util.Objects;

import org.marcring.codec.MarcFormatException;
import org.marcring.codec.SkippedBytesException;

/**
 * A record the pipeline could not pass on, as reported to the {@link ErrorPolicy}, in input order: its
 * ordinal and byte offset in the input, its raw bytes, the stage that failed and why. Bytes between records
 * that hold no record come the same way, so that they reach the rejects file, but are not a record
 * ({@link #isSkippedBytes()}): the result counts them apart.
 *
 * @param ordinal    0-based index of the record in the input (a message names it {@code ordinal + 1}); for
 *                   skipped bytes, the number of records before them
 * @param byteOffset offset of the record's first byte in the input
 * @param rawBytes   the record's bytes as read (a copy, owned by this object)
 * @param stage      where it failed
 * @param reason     what went wrong, in words
 * @param cause      the exception: a {@link MarcFormatException} from the decoder, or whatever the user's
 *                   function or the encoder threw
 */
public record RejectedRecord(long ordinal, long byteOffset, byte[] rawBytes, Stage stage, String reason,
                             Throwable cause) {

    /** Where in the pipeline a record failed. */
    public enum Stage {
        /** The bytes hold no readable record (a {@link MarcFormatException}). */
        DECODE,
        /** The user's per-record function threw. */
        TRANSFORM,
        /** The output encoder could not represent the record. */
        ENCODE
    }

    public RejectedRecord {
        Objects.requireNonNull(rawBytes, "rawBytes");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Whether these are bytes between records that hold no record (a {@link SkippedBytesException}), not a
     * record.
     */
    public boolean isSkippedBytes() {
        return cause instanceof SkippedBytesException;
    }

    /**
     * The message {@code record 12 at byte 34567 (DECODE): reason}, numbering the record from 1 (its ordinal
     * 11); for skipped bytes {@code 66 bytes skipped at byte 32317, after record 21: reason}.
     */
    public String message() {
        if (isSkippedBytes()) {
            return SkippedBytesException.describeSkipped(ordinal, byteOffset,
                    ((SkippedBytesException) cause).length(), reason);
        }
        return MarcFormatException.describe(ordinal, byteOffset, "(" + stage + ") " + reason);
    }

    @Override
    public String toString() {
        return "RejectedRecord[" + message() + ", " + rawBytes.length + " bytes]";
    }
}
