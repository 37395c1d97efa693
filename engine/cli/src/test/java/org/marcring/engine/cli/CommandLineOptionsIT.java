package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.io.GzipInput;

/**
 * The command line's options for choosing what is read and written, run on the built jar: the output
 * format from the file name, {@code --input-encoding}, {@code --records} ranges, {@code --indent}, one line
 * format for {@code dump} and {@code --to line}, {@code validate --fail-on}, and {@code count} by framing.
 */
class CommandLineOptionsIT {
    private static final int RECORDS = 20;

    @TempDir
    static Path dir;

    @BeforeAll
    static void twentyRecords() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Iso2709Encoder encoder = new Iso2709Encoder();
        for (int i = 1; i <= RECORDS; i++) {
            bytes.writeBytes(encoder.encode(MarcRecord.builder().controlField("001", "r" + i)
                    .dataField("245", '1', '0', "a", "Caf\u00e9 " + i).build()));
        }
        Files.write(dir.resolve("twenty.mrc"), bytes.toByteArray());
    }

    private static List<String> numbers(Path file) {
        List<String> out = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(gunzipped(file), MarcFormat.AUTO, ReadOptions.strict())) {
            r.forEachRemaining(rec -> out.add(rec.controlNumber()));
        }
        return out;
    }

    private static ByteArrayInputStream gunzipped(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            return new ByteArrayInputStream(GzipInput.isGzip(b, b.length)
                    ? GzipInput.decompress(new ByteArrayInputStream(b)).readAllBytes() : b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        return new String(gunzipped(file).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void convertTakesTheOutputFormatFromTheFileName() {
        String[][] cases = {{"out.xml", "<collection"}, {"out.json.gz", "[{\"leader\""},
            {"out.ndjson", "{\"leader\""}, {"out.mrk", "=LDR  "}, {"out.txt", "LDR "}, {"out.mrc", "00"}};
        for (String[] c : cases) {
            Jar.Result r = Jar.run(dir, "convert", "-q", "-o", c[0], "twenty.mrc");
            assertEquals(0, r.exitCode(), c[0] + ": " + r);
            String written = text(dir.resolve(c[0]));
            assertTrue(written.startsWith(c[1]) || written.contains(c[1]), c[0] + " holds " + written.substring(0, 40));
            if (!c[0].equals("out.txt")) {
                assertEquals(RECORDS, numbers(dir.resolve(c[0])).size(), c[0]);
            }
        }
        Jar.Result unknown = Jar.run(dir, "convert", "-q", "-o", "out.weird", "twenty.mrc");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.stderr().contains("--to"), unknown.stderr());
        Jar.Result stdout = Jar.run(dir, "convert", "-q", "twenty.mrc");
        assertEquals(2, stdout.exitCode(), stdout.toString());
        assertTrue(stdout.stderr().contains("--to is needed"), stdout.stderr());
        assertFalse(Files.exists(dir.resolve("out.weird")));
    }

    @Test
    void convertRecordsSelectsARangeAndSaysWhenItIsPastTheEnd() {
        Jar.Result r = Jar.run(dir, "convert", "-q", "--records", "3-5", "-o", "range.ndjson", "twenty.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("r3", "r4", "r5"), numbers(dir.resolve("range.ndjson")));

        Jar.Result tail = Jar.run(dir, "convert", "-q", "--records", "18-25", "-o", "tail.mrc", "twenty.mrc");
        assertEquals(0, tail.exitCode(), tail.toString());
        assertEquals(List.of("r18", "r19", "r20"), numbers(dir.resolve("tail.mrc")));
        assertTrue(tail.stderr().contains("has 20 records; converted records 18-20"), tail.stderr());

        Jar.Result none = Jar.run(dir, "convert", "-q", "--records", "30-40", "-o", "none.mrc", "twenty.mrc");
        assertEquals(1, none.exitCode(), none.toString());
        assertTrue(none.stderr().contains("has 20 records; --records 30-40 selects none of them"), none.stderr());
    }

    @Test
    void dumpSaysWhenTheRangeIsPastTheEnd() {
        Jar.Result r = Jar.run(dir, "dump", "--records", "30-40", "twenty.mrc");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.stderr().contains("twenty.mrc has 20 records; --records 30-40 selects none of them"), r.stderr());

        Jar.Result part = Jar.run(dir, "dump", "--records", "19-40", "twenty.mrc");
        assertEquals(0, part.exitCode(), part.toString());
        assertTrue(part.out().contains("001 r19\n") && part.out().contains("001 r20\n"), part.out());
        assertTrue(part.stderr().contains("has 20 records; printed records 19-20"), part.stderr());
    }

    @Test
    void dumpAndLineOutputAreOneFormat() {
        Jar.Result dump = Jar.run(dir, "dump", "twenty.mrc");
        assertEquals(0, dump.exitCode(), dump.toString());
        Jar.Result line = Jar.run(dir, "convert", "-q", "--to", "line", "twenty.mrc");
        assertEquals(0, line.exitCode(), line.toString());
        assertArrayEquals(line.stdout(), dump.stdout());
        assertTrue(dump.out().startsWith("LDR ") && dump.out().contains("245 10 $a Caf\u00e9 1\n\nLDR "), dump.out());
    }

    @Test
    void marcXmlIsIndentedOnlyWhenAsked() {
        Jar.Result compact = Jar.run(dir, "convert", "-q", "--to", "xml", "twenty.mrc");
        Jar.Result indented = Jar.run(dir, "convert", "-q", "--indent", "--to", "xml", "twenty.mrc");
        assertEquals(0, compact.exitCode(), compact.toString());
        assertEquals(0, indented.exitCode(), indented.toString());
        assertFalse(compact.out().contains("\n  <record>"), "compact by default");
        assertEquals(RECORDS, indented.out().split("\n  <record>", -1).length - 1);
        Jar.Result wrong = Jar.run(dir, "convert", "-q", "--indent", "--to", "mrc", "twenty.mrc");
        assertEquals(2, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.stderr().contains("--indent applies to marcxml output only"), wrong.stderr());
    }

    @Test
    void inputEncodingOverridesLeader09() {
        // the records are UTF-8 (leader/09 'a'): read as Latin-1, each byte of the é becomes a character
        Jar.Result utf8 = Jar.run(dir, "convert", "-q", "--records", "1", "--to", "ndjson", "twenty.mrc");
        Jar.Result latin1 = Jar.run(dir, "convert", "-q", "--records", "1", "--input-encoding", "latin1", "--to",
                "ndjson", "twenty.mrc");
        assertEquals(0, utf8.exitCode(), utf8.toString());
        assertEquals(0, latin1.exitCode(), latin1.toString());
        assertTrue(utf8.out().contains("Caf\u00e9 1"), utf8.out());
        assertTrue(latin1.out().contains("Caf\u00c3\u00a9 1"), latin1.out());
        Jar.Result bad = Jar.run(dir, "count", "--input-encoding", "ebcdic", "twenty.mrc");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.stderr().contains("known: auto, marc8, utf8, latin1"), bad.stderr());
    }

    @Test
    void validateFailsOnTheChosenSeverity() throws IOException {
        byte[] record = new Iso2709Encoder().encode(MarcRecord.builder().controlField("001", "x").build());
        record[20] = '5'; // entry map not 45..: an INFO item, nothing changed
        Files.write(dir.resolve("info.mrc"), record);
        Jar.Result byDefault = Jar.run(dir, "validate", "info.mrc");
        assertTrue(byDefault.out().contains("\tINFO\t"), byDefault.out());
        assertEquals(0, byDefault.exitCode(), "an INFO item alone passes by default: " + byDefault);
        Jar.Result info = Jar.run(dir, "validate", "--fail-on", "info", "info.mrc");
        assertEquals(1, info.exitCode(), info.toString());
        Jar.Result error = Jar.run(dir, "validate", "--fail-on", "error", "twenty.mrc", "info.mrc");
        assertEquals(0, error.exitCode(), error.toString());
    }

    @Test
    void countFramesIsoWithoutDecodingAndNamesGarbage() throws IOException {
        byte[] clean = Files.readAllBytes(dir.resolve("twenty.mrc"));
        byte[] dirty = new byte[clean.length + 7];
        int cut = clean.length / 2;
        cut = indexOfTerminator(clean, cut) + 1;
        System.arraycopy(clean, 0, dirty, 0, cut);
        System.arraycopy("garbage".getBytes(StandardCharsets.US_ASCII), 0, dirty, cut, 7);
        System.arraycopy(clean, cut, dirty, cut + 7, clean.length - cut);
        Files.write(dir.resolve("dirty.mrc"), dirty);
        Jar.Result r = Jar.run(dir, "count", "--json", "twenty.mrc", "dirty.mrc");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().contains("{\"path\":\"twenty.mrc\",\"records\":20,\"rejected\":0,\"regionsSkipped\":0}"),
                r.out());
        // the garbage is no record: counted apart, and still exit code 1
        assertTrue(r.out().contains("{\"path\":\"dirty.mrc\",\"records\":20,\"rejected\":0,\"regionsSkipped\":1}"),
                r.out());
        long before = 0;
        for (int i = 0; i < cut; i++) {
            before += clean[i] == 0x1D ? 1 : 0;
        }
        assertTrue(r.stderr().contains("dirty.mrc: 7 bytes skipped at byte " + cut + ", after record " + before
                + ": bytes between records that hold no record"), r.stderr());
    }

    private static int indexOfTerminator(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0x1D) {
                return i;
            }
        }
        throw new AssertionError("no terminator after " + from);
    }
}
