package org.marcring.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;

/**
 * The reference the engine must match: the plain one-thread codec loop, Iso2709Reader into
 * Iso2709Encoder, with a record that fails to decode, transform or encode skipped and its ordinal kept.
 */
final class Sequential {
    /** What the sequential loop produced. */
    record Outcome(byte[] bytes, long read, long written, long filtered, long rejected) {
    }

    private Sequential() {
    }

    static Outcome convert(Path file, ReadOptions options, Function<MarcRecord, MarcRecord> transform)
            throws IOException {
        try (Iso2709Reader reader = Iso2709Reader.open(file, options)) {
            return convert(reader, transform);
        }
    }

    static Outcome convert(byte[] input, ReadOptions options, Function<MarcRecord, MarcRecord> transform) {
        try (Iso2709Reader reader = Iso2709Reader.of(input, options)) {
            return convert(reader, transform);
        }
    }

    private static Outcome convert(Iso2709Reader reader, Function<MarcRecord, MarcRecord> transform) {
        long[] rejected = {0};
        reader.onReject(e -> {
            if (!(e instanceof org.marcring.codec.SkippedBytesException)) {
                rejected[0]++; // bytes skipped between records are not records
            }
        });
        Iso2709Encoder encoder = new Iso2709Encoder();
        ByteArrayBuilder out = new ByteArrayBuilder(1 << 16);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        long written = 0;
        long filtered = 0;
        long read = 0;
        while (reader.hasNext()) {
            MarcRecord r = reader.next();
            read++;
            try {
                if (transform != null) {
                    r = transform.apply(r);
                }
            } catch (RuntimeException e) {
                rejected[0]++;
                continue;
            }
            if (r == null) {
                filtered++;
                continue;
            }
            out.reset();
            try {
                encoder.encode(r, out);
            } catch (RuntimeException e) {
                rejected[0]++;
                continue;
            }
            all.write(out.array(), 0, out.length());
            written++;
        }
        return new Outcome(all.toByteArray(), read + reader.rejectedCount(), written, filtered, rejected[0]);
    }
}
