package org.marcring.codec.io;

import org.marcring.codec.MarcRecord;

/**
 * Writes records, in the order given, to one output in one format. Must be closed: closing
 * writes what the format needs at the end (a closing {@code </collection>}, {@code ]}) and flushes.
 *
 * <pre>{@code
 * try (MarcWriter writer = Iso2709Writer.open(Path.of("out.mrc"))) {
 *     writer.write(record);
 * }
 * }</pre>
 */
public interface MarcWriter extends AutoCloseable {

    /** Writes one record. */
    void write(MarcRecord record);

    /** Number of records written so far. */
    long recordsWritten();

    /** Writes buffered bytes to the output. */
    void flush();

    /** Finishes the output and closes it. */
    @Override
    void close();
}
