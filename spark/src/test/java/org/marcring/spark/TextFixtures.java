package org.marcring.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.iso2709.Iso2709Decoder;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.codec.json.MarcJsonEncoder;
import org.marcring.codec.testing.Corpus;

/**
 * Text-format files made from the records of a corpus file, with what real files carry between records:
 * NDJSON with blank lines, CRLF line ends, leading blanks, damaged lines and no line end after the last line.
 */
final class TextFixtures {
    static final String SOURCE = "mrrc/tests/data/fixtures/realistic.mrc";

    private TextFixtures() {
    }

    /** The records of the corpus file {@link #SOURCE}. */
    static List<MarcRecord> records() {
        List<MarcRecord> out = new ArrayList<>();
        Iso2709Decoder decoder = new Iso2709Decoder();
        try (RecordFramer framer = RecordFramer.open(Corpus.file(SOURCE))) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                out.add(decoder.decode(raw));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** An NDJSON file of {@link #records()}, irregular between lines as real files are (seeded by {@code seed}). */
    static Path ndjson(Path dir, String name, long seed) throws IOException {
        Random random = new Random(seed);
        MarcJsonEncoder encoder = MarcJsonEncoder.lines();
        ByteArrayBuilder out = new ByteArrayBuilder(1 << 20);
        ByteArrayBuilder line = new ByteArrayBuilder(1 << 14);
        for (MarcRecord r : records()) {
            line.reset();
            encoder.encode(r, line);
            int len = line.length();
            while (len > 0 && (line.array()[len - 1] == '\n' || line.array()[len - 1] == '\r')) {
                len--;
            }
            switch (random.nextInt(12)) {
                case 0: append(out, "\n\n"); break;
                case 1: append(out, "   "); break;
                case 2: append(out, "{\"leader\": \"damaged line\", \"fields\": [\n"); break;
                default: break;
            }
            for (int i = 0; i < len; i++) {
                out.append(line.array()[i]);
            }
            append(out, random.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        out.setLength(out.length() - 1); // no line end after the last line
        Path file = dir.resolve(name);
        Files.write(file, java.util.Arrays.copyOf(out.array(), out.length()));
        return file;
    }

    private static void append(ByteArrayBuilder out, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append(b);
        }
    }
}
