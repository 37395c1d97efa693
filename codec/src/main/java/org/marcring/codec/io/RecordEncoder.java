package org.marcring.codec.io;

import org.marcring.codec.MarcRecord;

/**
 * Turns one record into the bytes of one output format. An encoder may keep scratch state, so each
 * thread uses its own instance; the bytes around the records (an XML prolog, JSON brackets, the
 * separators between records) come from {@link #header()}, {@link #separator()} and
 * {@link #footer()}, so that records can be encoded in parallel and joined in order afterwards.
 */
public interface RecordEncoder {

    /**
     * Appends the encoding of {@code record} to {@code out}.
     *
     * @throws org.marcring.codec.MarcException if the record cannot be represented in this format
     */
    void encode(MarcRecord record, ByteArrayBuilder out);

    /** Bytes written once before the first record. */
    default byte[] header() {
        return new byte[0];
    }

    /** Bytes written between two records. */
    default byte[] separator() {
        return new byte[0];
    }

    /** Bytes written once after the last record (also when there was none). */
    default byte[] footer() {
        return new byte[0];
    }
}
