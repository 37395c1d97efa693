package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.testing.Corpus;

/**
 * Every text format through the engine against the codec's own sequential readers and writers: the same
 * records in the same order from every MARCXML, JSON and MARCMaker file of the corpus, and the same bytes
 * when converting between formats.
 */
class FormatsTest {
    /** Permissive reading whose rejects are thrown, so that both sides show them alike. */
    private static final ReadOptions THROWING = ReadOptions.defaults().withRejectsThrown();

    /**
     * Where a repair was made: the engine's readers see one record at a time, so in the text formats a line
     * number counts from the record's first line, not the file's (a known difference).
     */
    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile(
            "line \\d+(, column \\d+)?");

    static Stream<String> textFiles() {
        List<String> files = new ArrayList<>();
        for (Corpus.Entry e : Corpus.entries(e -> e.format.equals("xml") || e.format.equals("json"))) {
            files.add(e.relative);
        }
        files.addAll(List.of("marc4j/test/resources/brkrtest.mrk", "marc4j/test/resources/brkrtest.mrk8",
                "marc4j/test/resources/brkrtest1.mrk8", "marc4j/test/resources/u17_marc4j.mrk8",
                "marc-perl/marc-marcmaker/t/camel.mrk"));
        return files.stream();
    }

    private static MarcFormat formatOf(String relative) {
        if (relative.endsWith(".mrk8")) {
            return MarcFormat.MRK8;
        }
        if (relative.endsWith(".mrk")) {
            return MarcFormat.MRK;
        }
        return MarcFormat.AUTO; // detected, by both sides
    }

    /** Each record's text and errors, each reject as "REJECT"; null where the reader cannot be opened. */
    private static List<String> drain(MarcReader reader) {
        List<String> out = new ArrayList<>();
        try (reader) {
            while (true) {
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    MarcRecord r = reader.next();
                    out.add(r + " " + POSITION.matcher(r.errors().toString()).replaceAll("line ?"));
                } catch (MarcFormatException e) {
                    out.add("REJECT");
                }
            }
        } catch (RuntimeException e) {
            out.add("STOPPED");
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFiles")
    void sameRecordsAsTheSequentialReader(String relative) throws IOException {
        Path file = Corpus.file(relative);
        MarcFormat format = formatOf(relative);
        List<String> expected;
        try {
            expected = drain(MarcFormats.openReader(file, format, THROWING));
        } catch (RuntimeException e) {
            expected = null; // format not recognised
        }
        List<String> actual;
        try {
            actual = drain(ParallelReader.open(file, format, THROWING));
        } catch (RuntimeException e) {
            actual = null;
        }
        if (expected == null || actual == null) {
            assertEquals(expected == null, actual == null, "both sides recognise the format, or neither");
            return;
        }
        if (!expected.contains("REJECT") && !expected.contains("STOPPED")) {
            assertEquals(expected, actual);
        } else {
            // a damaged document: the sequential reader may stop there, the engine goes on after it;
            // every record the sequential reader gave, the engine gives too, in the same order
            List<String> records = new ArrayList<>(expected);
            records.removeIf(s -> s.equals("REJECT") || s.equals("STOPPED"));
            int k = 0;
            for (String s : actual) {
                if (k < records.size() && s.equals(records.get(k))) {
                    k++;
                }
            }
            assertEquals(records.size(), k, "the engine gives every record the sequential reader gives");
        }
        Fixtures.assertNoEngineThreads();
    }

    @Test
    void isoToMarcXmlAndBackByteIdenticalToTheSequentialWriters() throws IOException {
        Path iso = Corpus.file("traject/test/test_support/test_data.utf8.mrc");
        for (MarcFormat to : List.of(MarcFormat.MARCXML, MarcFormat.JSON, MarcFormat.NDJSON, MarcFormat.MRK8)) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (MarcReader in = MarcFormats.openReader(iso, MarcFormat.ISO2709, THROWING);
                 MarcWriter out = MarcFormats.openWriter(expected, to)) {
                in.forEachRemaining(out::write);
            }
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            PipelineResult r = Pipeline.builder().source(iso).parsers(3).ringSize(16).sink(actual, to).build().run();
            assertEquals(30, r.recordsWritten());
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "ISO 2709 -> " + to);

            // and back: the text format read by the engine gives the sequential reader's ISO 2709 bytes
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            Pipeline.builder().source(new ByteArrayInputStream(actual.toByteArray()), to).parsers(2)
                    .sink(back, MarcFormat.ISO2709).build().run();
            ByteArrayOutputStream backExpected = new ByteArrayOutputStream();
            try (MarcReader in = MarcFormats.openReader(new ByteArrayInputStream(actual.toByteArray()), to,
                    THROWING); MarcWriter out = MarcFormats.openWriter(backExpected, MarcFormat.ISO2709)) {
                in.forEachRemaining(out::write);
            }
            assertArrayEquals(backExpected.toByteArray(), back.toByteArray(), to + " -> ISO 2709");
        }
        Fixtures.assertNoEngineThreads();
    }

    @Test
    void formatDetectedGzipReadThroughAndBomSkipped(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path xml = Corpus.file("traject/test/test_support/test_data.utf8.marc.xml");
        byte[] bytes = Files.readAllBytes(xml);
        Path gz = dir.resolve("x.xml.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(bytes);
        }
        List<String> expected = drain(MarcFormats.openReader(xml, MarcFormat.MARCXML, THROWING));
        assertEquals(30, expected.size());
        assertEquals(expected, drain(ParallelReader.open(gz, MarcFormat.AUTO, THROWING)));
        assertEquals(expected, drain(ParallelReader.open(xml, MarcFormat.AUTO, THROWING)));
    }

    @Test
    void jsonDocumentsFramedByObjects() throws IOException {
        String record = "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"%s\"},"
                + "{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"braces { [ and \\\"quotes\\\" }\"}]}}]}";
        String array = "[\n  " + String.format(record, "a1") + ",\n  " + String.format(record, "a2") + "\n]\n";
        String sequence = String.format(record, "s1") + "\n\n" + String.format(record, "s2") + " 42 "
                + String.format(record, "s3") + String.format(record, "s4").substring(0, 40);
        for (int chunk : new int[] {1, 9, 100_000}) {
            assertEquals(List.of("a1", "a2"), ids(array, chunk, new ArrayList<>()));
            List<RejectedRecord> rejects = new ArrayList<>();
            assertEquals(List.of("s1", "s2", "s3"), ids(sequence, chunk, rejects));
            assertEquals(2, rejects.size(), "the stray 42 and the cut last object");
            assertEquals("42", new String(rejects.get(0).rawBytes(), StandardCharsets.UTF_8).trim());
            assertTrue(rejects.get(1).reason().contains("not closed"), rejects.get(1).reason());
        }
    }

    private static List<String> ids(String json, int chunk, List<RejectedRecord> rejects) throws IOException {
        List<String> ids = new ArrayList<>();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Pipeline.builder()
                .source(new JsonRecordSource(org.marcring.codec.io.ByteWindow.of(new PipelineStressTest.ChunkedStream(bytes, chunk, chunk)),
                        THROWING, () -> new ReaderParser(in -> org.marcring.codec.json.MarcJsonReader.open(
                        in, THROWING))))
                .parsers(2).ringSize(8).sink(r -> ids.add(r.controlNumber()))
                .errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
        return ids;
    }
}
