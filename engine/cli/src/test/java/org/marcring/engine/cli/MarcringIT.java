package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.line.LineEncoder;
import org.marcring.codec.testing.Corpus;

/**
 * End-to-end tests of the command line: the built {@code marcring.jar} run as a subprocess on generated
 * files and files of the shared corpus, its output read back with the library.
 */
class MarcringIT {
    private static final List<MarcFormat> READABLE = List.of(MarcFormat.ISO2709, MarcFormat.MARCXML,
            MarcFormat.JSON, MarcFormat.NDJSON, MarcFormat.MRK);

    @TempDir
    static Path dir;

    /** 300 generated records (written by the jar's generate command), read back by the library. */
    static List<MarcRecord> generated;

    @BeforeAll
    static void generate() {
        Jar.Result r = Jar.run(dir, "generate", "--records", "300", "--seed", "5", "-o", "gen.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        generated = read(dir.resolve("gen.mrc"));
        assertEquals(300, generated.size());
    }

    // ---- convert

    @Test
    void convertsEveryFormatPairLosslessly() throws Exception {
        Map<MarcFormat, List<MarcRecord>> expected = new TreeMap<>();
        for (MarcFormat from : READABLE) {
            Path in = dir.resolve("pair-in." + from.displayName());
            write(in, from, generated);
            expected.put(from, read(in));
            assertEquals(300, expected.get(from).size(), from.toString());
        }
        // two conversions at a time: each is a JVM start more than work
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Runnable>> checks = new ArrayList<>();
            for (MarcFormat from : READABLE) {
                for (MarcFormat to : MarcFormat.values()) {
                    if (to == MarcFormat.MRK8 || to == MarcFormat.AUTO) {
                        continue; // the same writer as mrk, in UTF-8; auto is read only
                    }
                    checks.add(pool.submit(() -> {
                        Path in = dir.resolve("pair-in." + from.displayName());
                        Path out = dir.resolve("pair-out-" + from.displayName() + "." + to.displayName());
                        Jar.Result r = Jar.run(dir, "convert", "-q", "--to", to.displayName(), "-o",
                                out.toString(), in.toString());
                        return () -> {
                            assertEquals(0, r.exitCode(), from + " -> " + to + ": " + r);
                            if (to == MarcFormat.LINE) {
                                assertArrayEquals(encode(expected.get(from), new LineEncoder()), bytes(out),
                                        from + " -> line");
                            } else {
                                assertSameRecords(expected.get(from), read(out), from + " -> " + to);
                            }
                        };
                    }));
                }
            }
            assertEquals(30, checks.size());
            for (Future<Runnable> check : checks) {
                check.get().run();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsStandardInputAndWritesStandardOutput() throws IOException {
        byte[] mrc = Files.readAllBytes(dir.resolve("gen.mrc"));
        Jar.Result r = Jar.run(dir, mrc, "convert", "--to", "ndjson", "-");
        assertEquals(0, r.exitCode(), r.toString());
        assertSameRecords(generated, readBytes(r.stdout(), MarcFormat.NDJSON), "stdin -> stdout");
        // the summary goes to standard error, on one line
        assertTrue(r.stderr().matches("(?s)marcring: read 300 records, wrote 300, rejected 0 in .* records/s\\)\\s*"),
                r.stderr());
    }

    @Test
    void readsAndWritesGzip() throws IOException {
        Path gz = dir.resolve("gen.mrc.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(dir.resolve("gen.mrc")));
        }
        Jar.Result r = Jar.run(dir, "convert", "--to", "xml", "-o", "gz-out.xml.gz", "gen.mrc.gz");
        assertEquals(0, r.exitCode(), r.toString());
        byte[] out = Files.readAllBytes(dir.resolve("gz-out.xml.gz"));
        assertEquals(0x1F, out[0] & 0xFF, "gzip magic");
        assertEquals(0x8B, out[1] & 0xFF, "gzip magic");
        assertSameRecords(generated, read(dir.resolve("gz-out.xml.gz")), "gzip");
    }

    @Test
    void readsSeveralInputsOfDifferentFormatsInOrderIntoOneOutput() throws IOException {
        Path xml = dir.resolve("several.xml");
        write(xml, MarcFormat.MARCXML, generated.subList(0, 10));
        Path empty = dir.resolve("several-empty.mrc");
        Files.write(empty, new byte[0]);
        Path mrk = dir.resolve("several.mrk");
        write(mrk, MarcFormat.MRK, generated.subList(10, 25));
        Jar.Result r = Jar.run(dir, "convert", "--to", "json", "-o", "several.json", "several.xml",
                "several-empty.mrc", "several.mrk", "gen.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        List<MarcRecord> expected = new ArrayList<>(generated.subList(0, 25));
        expected.addAll(generated);
        // one valid JSON array, even with an empty input between two others
        assertSameRecords(expected, read(dir.resolve("several.json")), "several inputs");
    }

    @Test
    void writesMarc8WhenAsked() throws IOException {
        Jar.Result r = Jar.run(dir, "convert", "--to", "mrc", "--encoding", "marc8", "-o", "marc8.mrc", "gen.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        List<MarcRecord> back = read(dir.resolve("marc8.mrc"));
        byte[] raw = Files.readAllBytes(dir.resolve("marc8.mrc"));
        assertEquals(' ', (char) raw[9], "leader/09 of the first MARC-8 record as written");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("gen.mrc")), raw),
                "the MARC-8 bytes differ from the UTF-8 ones");
        // MARC-8 spells a letter with a diacritic as base and combining mark: compare in composed form
        assertEquals(generated.size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            assertEquals(nfc(generated.get(i)), nfc(back.get(i)), "MARC-8 record " + i);
        }
        Jar.Result xml = Jar.run(dir, "convert", "--to", "xml", "--encoding", "marc8", "gen.mrc");
        assertEquals(2, xml.exitCode(), xml.toString());
        assertTrue(xml.stderr().contains("not applicable"), xml.stderr());
    }

    @Test
    void rejectsBrokenRecordsIntoTheRejectsFileAndExitsWithOne() throws IOException {
        byte[] first = new Iso2709Encoder().encode(generated.get(0));
        byte[] second = new Iso2709Encoder().encode(generated.get(1));
        byte[] garbage = "this is no MARC record at all, just bytes".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(first);
        file.write(garbage);
        file.write(second);
        Files.write(dir.resolve("broken.mrc"), file.toByteArray());
        // what the library's own reader rejects, independently of the engine
        List<byte[]> rejectedByLibrary = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.open(dir.resolve("broken.mrc"))) {
            reader.onReject(e -> rejectedByLibrary.add(e.rawBytes()));
            reader.forEachRemaining(x -> { });
        }
        assertEquals(1, rejectedByLibrary.size());

        Jar.Result r = Jar.run(dir, "convert", "--to", "mrc", "-o", "broken-out.mrc", "--rejects", "rejects.mrc",
                "broken.mrc");
        assertEquals(1, r.exitCode(), r.toString());
        assertArrayEquals(rejectedByLibrary.get(0), Files.readAllBytes(dir.resolve("rejects.mrc")));
        assertTrue(new String(rejectedByLibrary.get(0), StandardCharsets.US_ASCII).contains("no MARC record"));
        assertSameRecords(generated.subList(0, 2), read(dir.resolve("broken-out.mrc")), "good records kept");
        // the garbage is no record: it follows record 1 and is counted apart, the exit code still says so
        assertTrue(r.stderr().contains("broken.mrc: " + garbage.length + " bytes skipped at byte " + first.length
                + ", after record 1: "), r.stderr());
        assertTrue(r.stderr().contains("read 2 records (1 damaged region, " + garbage.length
                + " bytes skipped), wrote 2, rejected 0"), r.stderr());
    }

    @Test
    void strictModeRejectsWhatPermissiveModeRepairs() {
        Jar.Result gen = Jar.run(dir, "generate", "--records", "400", "--damaged", "10", "-o", "damaged.mrc");
        assertEquals(0, gen.exitCode(), gen.toString());
        List<MarcRecord> permissive = new ArrayList<>();
        long libraryRejects;
        long repaired;
        try (Iso2709Reader reader = Iso2709Reader.open(dir.resolve("damaged.mrc"))) {
            reader.onReject(e -> { });
            reader.forEachRemaining(permissive::add);
            libraryRejects = reader.rejectedCount() + reader.regionsSkipped();
        }
        repaired = permissive.stream().filter(MarcRecord::hasErrors).count();
        assertTrue(libraryRejects > 0 && repaired > 0, "the damaged file has both kinds of fault");

        Jar.Result p = Jar.run(dir, "convert", "--to", "mrc", "-o", "perm.mrc", "damaged.mrc");
        assertEquals(1, p.exitCode(), p.toString());
        assertEquals(permissive.size(), read(dir.resolve("perm.mrc")).size());
        Jar.Result s = Jar.run(dir, "convert", "--strict", "--to", "mrc", "-o", "strict.mrc", "damaged.mrc");
        assertEquals(1, s.exitCode(), s.toString());
        long strictWritten = read(dir.resolve("strict.mrc")).size();
        assertTrue(strictWritten < permissive.size(), strictWritten + " < " + permissive.size());
    }

    // ---- errors and exit codes

    @Test
    void failsWithOneClearLineForBadInputsAndOutputs() throws IOException {
        Files.createDirectories(dir.resolve("a-folder"));
        Files.write(dir.resolve("garbage.bin"), "%PDF-1.4 not marc".getBytes(StandardCharsets.US_ASCII));
        assertFails(Jar.run(dir, "count", "missing.mrc"), "missing.mrc: no such file");
        assertFails(Jar.run(dir, "convert", "--to", "xml", "a-folder"), "a-folder: is a directory");
        assertFails(Jar.run(dir, "convert", "--to", "nonsense", "gen.mrc"), "unknown format 'nonsense'");
        assertFails(Jar.run(dir, "convert", "--from", "nonsense", "--to", "xml", "gen.mrc"), "unknown format 'nonsense'");
        assertFails(Jar.run(dir, "convert", "--to", "xml", "garbage.bin"), "garbage.bin: cannot tell the format");
        assertFails(Jar.run(dir, "convert", "--to", "xml", "-o", "no-such-folder/out.xml", "gen.mrc"),
                "no-such-folder/out.xml: cannot write");
        assertFails(Jar.run(dir, "convert", "--to", "xml", "-o", "a-folder", "gen.mrc"), "a-folder: is a directory");
        assertFalse(Files.exists(dir.resolve("no-such-folder")));
        Jar.Result usage = Jar.run(dir, "convert", "gen.mrc");
        assertEquals(2, usage.exitCode(), "--to missing");
        assertTrue(usage.stderr().contains("--to"), usage.stderr());
    }

    @Test
    void anEmptyFileHasNoRecords() throws IOException {
        Files.write(dir.resolve("empty.mrc"), new byte[0]);
        Jar.Result count = Jar.run(dir, "count", "empty.mrc");
        assertEquals(0, count.exitCode(), count.toString());
        assertEquals("0\tempty.mrc", count.out().strip());
        Jar.Result convert = Jar.run(dir, "convert", "--to", "json", "-o", "empty.json", "empty.mrc");
        assertEquals(0, convert.exitCode(), convert.toString());
        assertEquals(0, read(dir.resolve("empty.json")).size());
    }

    @Test
    void debugAddsTheStackTrace() {
        Jar.Result r = Jar.run(dir, "count", "--debug", "missing.mrc");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("\tat org.marcring"), r.stderr());
    }

    // ---- the other commands

    @Test
    void countsEachFileAndTheTotal() {
        Path chabon = Corpus.file("marc4j/test/resources/chabon.mrc");
        Jar.Result r = Jar.run(dir, "count", "gen.mrc", chabon.toString(), "pair-in-never-made.mrc");
        assertEquals(2, r.exitCode(), "a missing file is an error");
        Jar.Result ok = Jar.run(dir, "count", "gen.mrc", chabon.toString());
        assertEquals(0, ok.exitCode(), ok.toString());
        long chabonRecords = read(chabon).size();
        assertEquals("300\tgen.mrc\n" + chabonRecords + "\t" + chabon + "\n" + (300 + chabonRecords) + "\ttotal\n",
                ok.out());
        Jar.Result json = Jar.run(dir, "count", "--json", "gen.mrc");
        assertEquals("{\"files\":[{\"path\":\"gen.mrc\",\"records\":300,\"rejected\":0,\"regionsSkipped\":0}],"
                + "\"total\":300,\"rejected\":0,\"regionsSkipped\":0}",
                json.out().strip());
    }

    @Test
    void statsCountLeader09AsReadAndMarcXmlOutputSaysUnicode() throws IOException {
        Path marc8 = Corpus.file("marc-perl/marc-charset/t/cyrillic.marc");
        Jar.Result stats = Jar.run(dir, "stats", "--json", marc8.toString());
        assertEquals(0, stats.exitCode(), stats.toString());
        assertTrue(stats.out().contains("\"coding\":{\" \":1}"), "one MARC-8 record, as read: " + stats.out());

        Jar.Result convert = Jar.run(dir, "convert", "-q", "-o", "cyrillic.xml", marc8.toString());
        assertEquals(0, convert.exitCode(), convert.toString());
        List<MarcRecord> written = read(dir.resolve("cyrillic.xml"));
        assertEquals(1, written.size());
        assertEquals('a', written.get(0).leader().characterCoding(), "MARCXML is UTF-8 and says so");
        Jar.Result again = Jar.run(dir, "stats", "--json", "cyrillic.xml");
        assertTrue(again.out().contains("\"coding\":{\"a\":1}"), again.out());
    }

    @Test
    void statsCountTypesLevelsCodingsAndTags() {
        Jar.Result r = Jar.run(dir, "stats", "--json", "gen.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        Map<Character, Integer> types = new TreeMap<>();
        int occurrences245 = 0;
        for (MarcRecord rec : generated) {
            types.merge(rec.leader().typeOfRecord(), 1, Integer::sum);
            occurrences245 += rec.getFields("245").size();
        }
        StringBuilder expectedTypes = new StringBuilder("\"type\":{");
        types.forEach((k, v) -> expectedTypes.append(expectedTypes.length() > 8 ? "," : "")
                .append('"').append(k).append("\":").append(v));
        String out = r.out();
        assertTrue(out.startsWith("{\"records\":300,\"withErrors\":0,\"rejected\":0,"), out);
        assertTrue(out.contains(expectedTypes + "}"), out);
        assertTrue(out.contains("\"245\":{\"occurrences\":" + occurrences245 + ","), out);
        Jar.Result text = Jar.run(dir, "stats", "gen.mrc");
        assertTrue(text.out().contains("type (leader/06)"), text.out());
    }

    @Test
    void validateListsEveryProblemTheLibraryFinds() throws IOException {
        Path file = Corpus.file("marc4j/test/resources/bad_too_long_plus_2.mrc");
        List<String> expected = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.open(file)) {
            long[] ordinal = {0};
            reader.onReject(e -> expected.add((++ordinal[0]) + "\tFATAL"));
            while (reader.hasNext()) {
                MarcRecord rec = reader.next();
                ordinal[0]++;
                for (MarcError e : rec.errors()) {
                    expected.add(ordinal[0] + "\t" + e.severity());
                }
            }
        }
        assertFalse(expected.isEmpty(), "the file has problems");
        Jar.Result r = Jar.run(dir, "validate", file.toString());
        assertEquals(1, r.exitCode(), r.toString());
        List<String> got = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            String[] cols = line.split("\t");
            assertEquals(6, cols.length, line);
            assertEquals(file.toString(), cols[0]);
            assertTrue(Long.parseLong(cols[2]) >= 0, "byte offset of " + line);
            got.add(cols[1] + "\t" + cols[4]);
        }
        assertEquals(expected, got);
        Jar.Result clean = Jar.run(dir, "validate", "--json", "gen.mrc");
        assertEquals(0, clean.exitCode(), clean.toString());
        assertEquals("", clean.out());
    }

    @Test
    void dumpPrintsTheChosenRecords() {
        Jar.Result r = Jar.run(dir, "dump", "--records", "2-3", "gen.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        String out = r.out();
        assertTrue(out.contains(generated.get(1).controlNumber()), out);
        assertTrue(out.contains(generated.get(2).controlNumber()), out);
        assertFalse(out.contains(generated.get(0).controlNumber()), out);
        assertFalse(out.contains(generated.get(3).controlNumber()), out);
    }

    @Test
    void generatesTheSameBytesForTheSameSeedInAnyFormat() throws IOException {
        Jar.Result again = Jar.run(dir, "generate", "--records", "300", "--seed", "5", "-o", "gen-again.mrc");
        assertEquals(0, again.exitCode(), again.toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("gen.mrc")), Files.readAllBytes(dir.resolve("gen-again.mrc")));
        Jar.Result xml = Jar.run(dir, "generate", "--records", "300", "--seed", "5", "--to", "xml", "-o", "gen.xml");
        assertEquals(0, xml.exitCode(), xml.toString());
        assertSameRecords(generated, read(dir.resolve("gen.xml")), "generate --to xml");
        Jar.Result size = Jar.run(dir, "generate", "--size", "1MB", "-o", "gen-1mb.mrc");
        assertEquals(0, size.exitCode(), size.toString());
        long bytes = Files.size(dir.resolve("gen-1mb.mrc"));
        assertTrue(bytes >= (1 << 20) && bytes < (1 << 20) + 100_000, "size " + bytes);
        Jar.Result rep = Jar.run(dir, "generate", "--replicate", "gen.mrc", "--records", "700", "-o", "rep.mrc");
        assertEquals(0, rep.exitCode(), rep.toString());
        assertEquals(700, read(dir.resolve("rep.mrc")).size());
    }

    /** The README's main job: {@code java -jar engine/cli/target/marcring.jar bench}, on a small sample. */
    @Test
    void benchPrintsThroughputEfficiencyAndLatency() {
        Jar.Result r = Jar.run(dir, "bench", "--records", "20000");
        assertEquals(0, r.exitCode(), r.toString());
        String out = r.out();
        assertTrue(out.contains("20,000 records"), out);
        assertTrue(out.matches(
                "(?s).*threads +time s +records/s +MB/s +p50 us +p99 us +p99\\.9 us +cpu us/record\n +1 .*"), out);
        // the CPU per record is a number on both rows
        assertTrue(out.matches("(?s).*\n +1 [^\n]* [0-9]+\\.[0-9]{2}\n +[0-9]+ [^\n]* [0-9]+\\.[0-9]{2}\n.*"), out);
        assertTrue(out.matches("(?s).*parallel efficiency: [0-9.]+x speed-up on [0-9]+ threads = [0-9]+%.*"), out);
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("marcring-bench")
                    && f.toFile().lastModified() > System.currentTimeMillis() - 60_000), "sample deleted after");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyCommandHasHelpAndTheJarAVersion() {
        Jar.Result v = Jar.run(dir, "--version");
        assertEquals(0, v.exitCode());
        assertTrue(v.out().startsWith("marcring 0."), v.out());
    }

    // ---- helpers

    private static void assertFails(Jar.Result r, String message) {
        assertEquals(2, r.exitCode(), r.toString());
        String err = r.stderr().strip();
        assertTrue(err.contains(message), err);
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception"), "no exception names: " + err);
    }

    /** Equal content: the same fields, and the same leader apart from the lengths and addresses. */
    static void assertSameRecords(List<MarcRecord> expected, List<MarcRecord> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": record count");
        for (int i = 0; i < expected.size(); i++) {
            MarcRecord e = expected.get(i);
            MarcRecord a = actual.get(i);
            assertEquals(e.fields(), a.fields(), what + ": record " + i);
            String le = e.leader().toString();
            String la = a.leader().toString();
            assertEquals(le.substring(5, 9) + le.substring(10, 12) + le.substring(17),
                    la.substring(5, 9) + la.substring(10, 12) + la.substring(17), what + ": leader of record " + i);
        }
    }

    private static List<String> nfc(MarcRecord record) {
        List<String> fields = new ArrayList<>();
        record.fields().forEach(f -> fields.add(java.text.Normalizer.normalize(f.toString(),
                java.text.Normalizer.Form.NFC)));
        return fields;
    }

    static List<MarcRecord> read(Path file) {
        return read(file, ReadOptions.defaults());
    }

    static List<MarcRecord> read(Path file, ReadOptions options) {
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader reader = MarcFormats.openReader(file, MarcFormat.AUTO, options)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static List<MarcRecord> readBytes(byte[] bytes, MarcFormat format) {
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader reader = MarcFormats.openReader(new java.io.ByteArrayInputStream(bytes), format,
                ReadOptions.defaults())) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static void write(Path file, MarcFormat format, List<MarcRecord> records) {
        try (MarcWriter w = MarcFormats.openWriter(file, format)) {
            records.forEach(w::write);
        }
    }

    private static byte[] encode(List<MarcRecord> records, LineEncoder encoder) {
        ByteArrayBuilder b = new ByteArrayBuilder();
        b.append(encoder.header());
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                b.append(encoder.separator());
            }
            encoder.encode(records.get(i), b);
        }
        b.append(encoder.footer());
        return b.toByteArray();
    }

}
