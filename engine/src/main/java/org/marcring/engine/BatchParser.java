package org.marcring.engine;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.iso2709.Iso2709Transcoder;

/**
 * A {@link RecordParser} that also decodes a record where it lies in a {@link RecordBatch}, without first
 * copying it into a slot of its own: the ISO 2709 parser does.
 */
interface BatchParser {

    /** Decodes record {@code i} of {@code batch}, as {@link RecordParser#parse} would decode it from a slot. */
    MarcRecord parse(RecordBatch batch, int i);

    /**
     * Appends record {@code i} of {@code batch}, written by {@code transcoder} straight from its ISO 2709 bytes,
     * to {@code out} where it is a clean frame the decoder reads without remark; {@code false}, with {@code out}
     * as it was, where it must be decoded (and always, for a parser of another format).
     */
    default boolean transcode(RecordBatch batch, int i, Iso2709Transcoder transcoder, ByteArrayBuilder out) {
        return false;
    }
}
