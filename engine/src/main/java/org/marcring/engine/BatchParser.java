package org.marcring.engine;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Fields;

/**
 * A {@link RecordParser} that also decodes a record where it lies in a {@link RecordBatch}, without first
 * copying it into a slot of its own: the ISO 2709 parser does.
 */
interface BatchParser {

    /** Decodes record {@code i} of {@code batch}, as {@link RecordParser#parse} would decode it from a slot. */
    MarcRecord parse(RecordBatch batch, int i);

    /**
     * The fields of record {@code i} of {@code batch} found in its ISO 2709 bytes, where it is a record the
     * decoder reads without remark and an {@link org.marcring.codec.iso2709.Iso2709Transcoder} may write it
     * without decoding; {@code null} otherwise (and always, for a parser of another format).
     */
    default Iso2709Fields plainFields(RecordBatch batch, int i) {
        return null;
    }
}
