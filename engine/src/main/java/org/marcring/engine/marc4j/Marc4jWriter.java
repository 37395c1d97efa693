package org.marcring.engine.marc4j;

import java.util.Objects;

import org.marc4j.converter.CharConverter;
import org.marc4j.marc.Record;
import org.marcring.codec.io.MarcWriter;

/**
 * A marc4j {@link org.marc4j.MarcWriter} that writes through one of marcring's writers (ISO 2709,
 * MARCXML, MARC-in-JSON, …), so that a marc4j pipeline gets marcring's encoders by changing the line
 * that creates its writer. Records are converted with {@link Marc4jRecords#fromMarc4j(Record)};
 * marc4j's character converters do not apply (marcring writes Unicode, or MARC-8 where its writer is
 * made so).
 */
public final class Marc4jWriter implements org.marc4j.MarcWriter, AutoCloseable {
    private final MarcWriter writer;
    private CharConverter converter;

    /** A marc4j writer over {@code writer}; closing it closes {@code writer}. */
    public Marc4jWriter(MarcWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public void write(Record record) {
        try {
            writer.write(Marc4jRecords.fromMarc4j(record));
        } catch (RuntimeException e) {
            throw new org.marc4j.MarcException(e.getMessage(), e);
        }
    }

    /** Kept for the interface; marcring's writers do their own character conversion. */
    @Override
    public void setConverter(CharConverter converter) {
        this.converter = converter;
    }

    @Override
    public CharConverter getConverter() {
        return converter;
    }

    @Override
    public boolean expectsUnicode() {
        return true;
    }

    /** Number of records written. */
    public long recordsWritten() {
        return writer.recordsWritten();
    }

    @Override
    public void close() {
        writer.close();
    }
}
