package org.marcring.perf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.marcring.codec.MarcFormatException;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Conversion;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;

/**
 * The plain sequential codec loop the engine is measured against: one thread frames each record, writes it
 * into a buffer (straight from its bytes where the encoder can transcode a plain record, as the engine's
 * parsers do; otherwise decoded and encoded) and writes the buffer out every 64 KiB — the engine's work
 * without the engine.
 */
final class SequentialLoop {
    private SequentialLoop() {
    }

    /** {@link #convert(RecordFramer, ReadOptions, MarcFormat, OutputStream)} of a file, default options. */
    static long convert(Path file, MarcFormat to, OutputStream out) {
        try {
            return convert(RecordFramer.open(file), ReadOptions.defaults(), to, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Converts every record {@code framer} finds to {@code to} into {@code out} (header, separators and footer
     * included), closing the framer; returns the number of records written (records that cannot be read are
     * skipped, as a permissive reader skips them).
     */
    static long convert(RecordFramer framer, ReadOptions options, MarcFormat to, OutputStream out) {
        RecordEncoder encoder = to.newEncoder();
        Iso2709Conversion conversion = new Iso2709Conversion(options, encoder);
        RawRecord raw = new RawRecord();
        ByteArrayBuilder buffer = new ByteArrayBuilder(1 << 17);
        long n = 0;
        try (framer) {
            buffer.append(encoder.header());
            while (framer.next(raw)) {
                int mark = buffer.length();
                if (n > 0) {
                    buffer.append(encoder.separator());
                }
                try {
                    conversion.encode(raw, buffer);
                } catch (MarcFormatException e) {
                    buffer.truncate(mark);
                    continue;
                }
                n++;
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
