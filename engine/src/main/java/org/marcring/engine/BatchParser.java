package org.marcring.engine;

import org.marcring.codec.MarcRecord;

/**
 * A {@link RecordParser} that also decodes a record where it lies in a {@link RecordBatch}, without first
 * copying it into a slot of its own: the ISO 2709 parser does.
 */
interface BatchParser {

    /** Decodes record {@code i} of {@code batch}, as {@link RecordParser#parse} would decode it from a slot. */
    MarcRecord parse(RecordBatch batch, int i);
}
