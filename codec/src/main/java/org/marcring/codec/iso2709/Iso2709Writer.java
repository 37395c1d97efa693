package org.marcring.codec.iso2709;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.EncodingWriter;
import org.marcring.codec.io.MarcWriter;

/**
 * Writes records as ISO 2709, one after the other, in UTF-8 (or as the given encoder says).
 *
 * <pre>{@code
 * try (MarcWriter writer = Iso2709Writer.open(Path.of("out.mrc"))) {
 *     writer.write(record);
 * }
 * }</pre>
 */
public final class Iso2709Writer implements MarcWriter {
    private final EncodingWriter writer;

    /** A writer to {@code out} with {@code encoder}; closing the writer closes {@code out}. */
    public Iso2709Writer(OutputStream out, Iso2709Encoder encoder) {
        this.writer = new EncodingWriter(out, encoder);
    }

    /** A UTF-8 writer to {@code out}; closing the writer closes {@code out}. */
    public static Iso2709Writer of(OutputStream out) {
        return new Iso2709Writer(out, new Iso2709Encoder());
    }

    /**
     * A UTF-8 writer to a new or truncated file.
     *
     * @throws UncheckedIOException if the file cannot be created
     */
    public static Iso2709Writer open(Path file) {
        try {
            return of(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(MarcRecord record) {
        writer.write(record);
    }

    @Override
    public long recordsWritten() {
        return writer.recordsWritten();
    }

    @Override
    public void flush() {
        writer.flush();
    }

    @Override
    public void close() {
        writer.close();
    }
}
