package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.ReadOptions;

/**
 * Corrupt gzip input in the engine is bad data, as in {@code MarcFormats}: the run fails with a
 * {@link MarcException} naming the fault (not a {@code ZipException} or {@code EOFException}), after the records
 * before it.
 */
class RecordSourcesGzipTest {
    private static final int RECORDS = 2000;

    @TempDir
    Path dir;

    private static byte[] gzippedRecords(MarcFormat format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MarcWriter w = MarcFormats.openWriter(new GZIPOutputStream(bytes), format)) {
            for (int i = 0; i < RECORDS; i++) {
                w.write(MarcRecord.builder().leader("00000nam a2200000 a 4500").controlField("001", "r" + i)
                        .dataField("245", '0', '0', "a", "Title " + i + " " + "x".repeat(i * 37 % 500)).build());
            }
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(value = MarcFormat.class, names = {"ISO2709", "MARCXML", "NDJSON"})
    void aTruncatedGzipFileFailsTheRunWithAMarcException(MarcFormat format) throws IOException {
        byte[] whole = gzippedRecords(format);
        Path file = dir.resolve("cut.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        List<String> written = new ArrayList<>();
        EngineException e = assertThrows(EngineException.class, () -> Pipeline.builder().source(file, MarcFormat.AUTO)
                .parsers(2).sink(r -> written.add(r.controlNumber())).build().run());
        MarcException cause = marcCause(e);
        assertTrue(cause.getMessage().startsWith("corrupt gzip input after "), cause.getMessage());
        assertTrue(e.getMessage().contains("corrupt gzip input"), e.getMessage());
        assertTrue(written.size() > 0 && written.size() < RECORDS, "records before the cut: " + written.size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals("r" + i, written.get(i), "in order");
        }
        Fixtures.assertNoEngineThreads();
    }

    /** The MarcException in {@code e}'s causes, with no I/O exception before it. */
    private static MarcException marcCause(EngineException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof MarcException) {
                return (MarcException) t;
            }
            assertTrue(t instanceof EngineException, "an engine failure caused by bad data, not " + t);
        }
        throw new AssertionError("no MarcException among the causes of " + e);
    }

    @Test
    void aGzipHeaderCutShortIsRefusedWhenTheSourceIsOpened() throws IOException {
        byte[] header = {0x1F, (byte) 0x8B, 8, 0};
        Path file = dir.resolve("header.gz");
        Files.write(file, header);
        MarcException onOpen = assertThrows(MarcException.class,
                () -> RecordSources.open(file, MarcFormat.AUTO, ReadOptions.defaults()));
        assertTrue(onOpen.getMessage().startsWith("corrupt gzip input after 0 decompressed bytes"),
                onOpen.getMessage());
        MarcException ofStream = assertThrows(MarcException.class,
                () -> RecordSources.of(new ByteArrayInputStream(header), MarcFormat.ISO2709, ReadOptions.defaults()));
        assertTrue(ofStream.getMessage().startsWith("corrupt gzip input after 0 decompressed bytes"),
                ofStream.getMessage());
    }

    @Test
    void aGzipHeaderCutShortLeavesNoFileOpen() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "no /proc/self/fd to count open files");
        Path file = dir.resolve("header.gz");
        Files.write(file, new byte[] {0x1F, (byte) 0x8B, 8, 0});
        long before = openFiles(fds);
        for (int i = 0; i < 200; i++) {
            assertThrows(MarcException.class, () -> RecordSources.open(file, MarcFormat.AUTO, ReadOptions.defaults()));
        }
        long after = openFiles(fds);
        assertTrue(after - before < 20, "open files grew from " + before + " to " + after);
    }

    private static long openFiles(Path fds) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(fds)) {
            return s.count();
        }
    }
}
