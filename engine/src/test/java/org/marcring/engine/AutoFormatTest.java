package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.ReadOptions;

/**
 * Every entry point that reads a path takes the format its bytes show by default ({@link MarcFormat#AUTO}),
 * so a MARCXML or MARC-in-JSON file reads the same through the sequential reader, the engine and the
 * parallel reader; and none takes {@code null} for "detect".
 */
class AutoFormatTest {
    @TempDir
    Path dir;

    private static List<MarcRecord> records(int n) {
        List<MarcRecord> records = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            records.add(MarcRecord.builder().controlField("001", "r" + i)
                    .dataField("245", '1', '0', "a", "Title " + i).build());
        }
        return records;
    }

    private Path write(MarcFormat format, List<MarcRecord> records) {
        Path file = dir.resolve("in." + format.displayName());
        try (MarcWriter w = MarcFormats.openWriter(file, format)) {
            records.forEach(w::write);
        }
        return file;
    }

    private static List<String> numbers(Iterable<MarcRecord> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.controlNumber()));
        return out;
    }

    @Test
    void pipelineSourcePathDetectsMarcXmlAndJson() {
        List<String> expected = numbers(records(40));
        for (MarcFormat format : List.of(MarcFormat.MARCXML, MarcFormat.JSON, MarcFormat.NDJSON, MarcFormat.ISO2709)) {
            Path file = write(format, records(40));
            List<MarcRecord> got = new ArrayList<>();
            PipelineResult r = Pipeline.builder().source(file).parsers(2).sink(got::add).build().run();
            assertEquals(expected, numbers(got), format.toString());
            assertEquals(0, r.recordsRejected(), format.toString());
        }
    }

    @Test
    void parallelReaderOpenPathDetectsMarcXml() {
        Path file = write(MarcFormat.MARCXML, records(25));
        List<String> got;
        try (ParallelReader reader = ParallelReader.open(file)) {
            got = numbers(reader);
            assertEquals(0, reader.rejectedCount());
        }
        assertEquals(numbers(records(25)), got);
        try (MarcReader sequential = MarcFormats.openReader(file)) {
            assertEquals(got, numbers(sequential));
        }
    }

    @Test
    void pipelineStreamSourceDetectsTheFormatWhenAskedTo() {
        Path file = write(MarcFormat.MARCXML, records(3));
        List<MarcRecord> got = new ArrayList<>();
        Pipeline.builder().source(new ByteArrayInputStream(readAll(file)), MarcFormat.AUTO).parsers(1).sink(got::add)
                .build().run();
        assertEquals(List.of("r1", "r2", "r3"), numbers(got));
    }

    private static byte[] readAll(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void nullIsNoFormatAtAnyEntryPoint() {
        Path file = write(MarcFormat.ISO2709, records(1));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> MarcFormats.openReader(file, null, ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("MarcFormat.AUTO"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Pipeline.builder().source(file, null));
        assertThrows(NullPointerException.class, () -> ParallelReader.open(file, null, ReadOptions.defaults()));
        assertThrows(NullPointerException.class, () -> RecordSources.open(file, null, ReadOptions.defaults()));
    }

    @Test
    void autoIsReadOnly() {
        assertEquals(MarcFormat.AUTO, MarcFormat.of("auto"));
        assertTrue(MarcFormat.AUTO.isReadable());
        assertThrows(IllegalStateException.class, MarcFormat.AUTO::newEncoder);
        assertThrows(IllegalStateException.class, () -> MarcFormats.openWriter(dir.resolve("x"), MarcFormat.AUTO));
    }
}
