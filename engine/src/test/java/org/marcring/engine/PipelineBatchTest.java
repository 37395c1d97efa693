package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;

/**
 * Batches of any size and any byte budget change nothing a run yields: the output is byte-identical to the
 * sequential loop's for 1 to 4 parsers, read = written + filtered + rejected, and the rejects come in input
 * order with their raw bytes.
 */
class PipelineBatchTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** Drops every 5th record (by the number in its 001). */
    private static final Function<MarcRecord, MarcRecord> EVERY_5TH = r ->
            Integer.parseInt(r.controlNumber()) % 5 == 4 ? null : r;

    @Test
    void outputIsByteIdenticalForEveryParserCountBatchSizeAndBudget() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int[] bad = {0, 17, 18, 250, 399};
            byte[] input = Fixtures.numberedWithUndecodable(400, bad);
            Sequential.Outcome expected = Sequential.convert(input, ReadOptions.defaults(), EVERY_5TH);
            for (int parsers = 1; parsers <= 4; parsers++) {
                for (int batchBytes : new int[] {1, 700, 8 << 10, 1 << 20}) {
                    for (long budget : new long[] {1, 50_000, 64L << 20}) {
                        String label = parsers + " parsers, batch " + batchBytes + ", budget " + budget;
                        List<RejectedRecord> rejects = new ArrayList<>();
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        PipelineResult r = Pipeline.builder().source(Iso2709Source.of(input, ReadOptions.defaults()))
                                .parsers(parsers).ringSize(8).batchBytes(batchBytes).byteBudget(budget)
                                .transform(EVERY_5TH).sink(out, Iso2709Encoder::new)
                                .errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
                        assertArrayEquals(expected.bytes(), out.toByteArray(), label);
                        assertEquals(400, r.recordsRead(), label);
                        assertTrue(r.isBalanced(), label);
                        assertEquals(bad.length, r.recordsRejected(), label);
                        assertEquals(expected.rejected(), r.recordsRejected(), label);
                        for (int i = 0; i < bad.length; i++) {
                            assertEquals(bad[i], rejects.get(i).ordinal(), label + ": rejects in input order");
                            assertTrue(rejects.get(i).rawBytes().length > 24, label + ": raw bytes kept");
                        }
                    }
                }
            }
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void aStreamedInputGivesTheSameOutputAsAFileWhateverItsReadSizes() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.numberedWithUndecodable(300, 5, 123);
            Sequential.Outcome expected = Sequential.convert(input, ReadOptions.defaults(), null);
            for (int chunk : new int[] {1, 77, 5000}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PipelineResult r = Pipeline.builder()
                        .source(new PipelineStressTest.ChunkedStream(input, chunk, chunk), MarcFormat.ISO2709)
                        .parsers(2).ringSize(4).sink(out, Iso2709Encoder::new)
                        .errorPolicy(ErrorPolicy.skip()).build().run();
                assertArrayEquals(expected.bytes(), out.toByteArray(), "read size " + chunk);
                assertEquals(300, r.recordsRead());
                assertEquals(2, r.recordsRejected());
            }
        });
    }

    @Test
    void theParallelReaderYieldsTheSequentialRecordsWhateverItsThreadCount() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.numberedWithUndecodable(2000, 3, 1999);
            List<String> expected = new ArrayList<>();
            try (var reader = org.marcring.codec.iso2709.Iso2709Reader.of(new ByteArrayInputStream(input),
                    ReadOptions.defaults())) {
                reader.onReject(e -> expected.add("reject " + e.ordinal()));
                reader.forEach(rec -> expected.add(rec.controlNumber()));
            }
            for (int parsers = 1; parsers <= 3; parsers++) {
                List<String> actual = new ArrayList<>();
                try (ParallelReader reader = new ParallelReader(Iso2709Source.of(input, ReadOptions.defaults()),
                        parsers, 4, null)) {
                    reader.onReject(e -> actual.add("reject " + e.ordinal()));
                    reader.forEach(rec -> actual.add(rec.controlNumber()));
                    assertEquals(1998, reader.recordsRead());
                }
                assertEquals(expected, actual, parsers + " parsers");
            }
        });
    }
}
