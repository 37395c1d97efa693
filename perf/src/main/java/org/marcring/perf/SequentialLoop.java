package org.marcring.perf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Reader;

/**
 * The plain sequential codec loop the engine is measured against: one thread reads each record, encodes it
 * into a buffer and writes the buffer out every 64 KiB — the engine's work without the engine.
 */
final class SequentialLoop {
    private SequentialLoop() {
    }

    /**
     * Converts every record of {@code reader} to {@code to} into {@code out} (header, separators and footer
     * included), closing the reader; returns the number of records.
     */
    static long convert(Iso2709Reader reader, MarcFormat to, OutputStream out) {
        RecordEncoder encoder = to.newEncoder();
        ByteArrayBuilder buffer = new ByteArrayBuilder(1 << 17);
        long n = 0;
        try (reader) {
            buffer.append(encoder.header());
            while (reader.hasNext()) {
                if (n++ > 0) {
                    buffer.append(encoder.separator());
                }
                encoder.encode(reader.next(), buffer);
                if (buffer.length() >= 1 << 16) {
                    buffer.writeTo(out);
                    buffer.reset();
                }
            }
            buffer.append(encoder.footer());
            buffer.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}
