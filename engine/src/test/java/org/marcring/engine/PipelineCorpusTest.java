package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.testing.Corpus;

/**
 * The engine's output is byte-identical to the sequential codec loop on every valid ISO 2709 file of the
 * shared corpus: all parser counts and ring sizes on a few files, one rotating combination on the rest.
 */
class PipelineCorpusTest {
    static final int[] PARSERS = {1, 2, 3, 4, 8};
    static final int[] RINGS = {8, 64, 4096};
    /** Files given every combination: many records, MARC-8 and UTF-8. */
    static final List<String> FULL = List.of(
            "solrmarc/test/data/records/uva_001_2000.mrc",
            "marc4j/test/resources/pride-and-prejudice-fixed.mrc",
            "traject/test/test_support/test_data.utf8.mrc");

    static Stream<Arguments> fullCombinations() {
        List<Arguments> args = new ArrayList<>();
        for (String f : FULL) {
            for (int n : PARSERS) {
                for (int ring : RINGS) {
                    args.add(Arguments.of(f, n, ring));
                }
            }
        }
        return args.stream();
    }

    static Stream<Arguments> everyValidFile() {
        List<Corpus.Entry> files = Corpus.entries(Corpus.Entry::isValidIso2709);
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (Corpus.Entry e : files) {
            int n = PARSERS[i % PARSERS.length];
            int ring = 8 << (2 * (i % 6)); // 8 .. 8192 / 4 steps: 8, 32, 128, 512, 2048, 8192
            ring = Math.min(ring, 4096);
            args.add(Arguments.of(e.relative, n, ring));
            i++;
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} parsers={1} ring={2}")
    @MethodSource("fullCombinations")
    void everyCombinationOnLargeFiles(String file, int parsers, int ring) throws IOException {
        assertSameAsSequential(Corpus.file(file), parsers, ring);
    }

    @ParameterizedTest(name = "{0} parsers={1} ring={2}")
    @MethodSource("everyValidFile")
    void everyValidFileMatchesSequentialLoop(String file, int parsers, int ring) throws IOException {
        assertSameAsSequential(Corpus.file(file), parsers, ring);
    }

    @Test
    void fileSinkWritesTheSameBytesAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path in = Corpus.file(FULL.get(0));
        Path out = dir.resolve("out.mrc");
        PipelineResult r = Pipeline.builder().source(in).parsers(2).ringSize(256)
                .sink(out, Iso2709Encoder::new).errorPolicy(ErrorPolicy.skip()).build().run();
        Sequential.Outcome expected = Sequential.convert(in, ReadOptions.defaults(), null);
        assertArrayEquals(expected.bytes(), Files.readAllBytes(out));
        assertEquals(expected.bytes().length, r.bytesOut());
        assertEquals(Files.size(in), r.bytesIn());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }

    static void assertSameAsSequential(Path file, int parsers, int ring) throws IOException {
        Sequential.Outcome expected = Sequential.convert(file, ReadOptions.defaults(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PipelineResult r = Pipeline.builder().source(file).parsers(parsers).ringSize(ring)
                .sink(out, Iso2709Encoder::new).errorPolicy(ErrorPolicy.skip()).build().run();
        assertTrue(r.complete());
        assertTrue(r.isBalanced(), r.toString());
        assertEquals(expected.read(), r.recordsRead(), "read");
        assertEquals(expected.written(), r.recordsWritten(), "written");
        assertEquals(expected.rejected(), r.recordsRejected(), "rejected");
        assertArrayEquals(expected.bytes(), out.toByteArray(), "bytes of " + file);
        assertEquals(out.size(), r.bytesOut());
    }
}
