package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Encoder;

/**
 * Hundreds of short runs with random parser counts, ring sizes, stripes, publish batches, read chunk sizes
 * and faults (seeded, so a failure can be replayed): order and counts are checked every time.
 */
class PipelineStressTest {
    /** Fixed, so that a failure replays; another seed with -Dmarcring.stress.seed=N. */
    private static final long SEED = Long.getLong("marcring.stress.seed", 0x5EED_2026L);
    private static final int RUNS = 500;

    @Test
    void randomRunsKeepOrderAndCounts() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<byte[]> base = Fixtures.numberedRecords(400);
            Random random = new Random(SEED);
            long start = System.nanoTime();
            for (int run = 0; run < RUNS; run++) {
                String where = "run " + run + " (seed " + SEED + ")";
                int count = random.nextInt(random.nextInt(10) == 0 ? 3 : 400);
                int parsers = 1 + random.nextInt(8);
                int ring = 2 << random.nextInt(9);              // 2 .. 512
                int stripe = 1 << random.nextInt(5);            // 1 .. 16
                int batch = 1 + random.nextInt(64);
                int chunk = 1 + random.nextInt(random.nextBoolean() ? 100 : 20_000);
                Set<Integer> undecodable = new HashSet<>();
                int faults = random.nextInt(4);
                for (int i = 0; i < faults && count > 0; i++) {
                    undecodable.add(random.nextInt(count));
                }
                int throwEvery = 2 + random.nextInt(20);
                int dropEvery = 2 + random.nextInt(20);

                List<byte[]> input = new ArrayList<>();
                ByteArrayOutputStream expectedOut = new ByteArrayOutputStream();
                List<Long> expectedRejects = new ArrayList<>();
                long expectedFiltered = 0;
                for (int i = 0; i < count; i++) {
                    if (undecodable.contains(i)) {
                        input.add(Fixtures.undecodable(base.get(i)));
                        expectedRejects.add((long) i);
                    } else {
                        input.add(base.get(i));
                        if (i % throwEvery == 1) {
                            expectedRejects.add((long) i);
                        } else if (i % dropEvery == 0) {
                            expectedFiltered++;
                        } else {
                            expectedOut.writeBytes(base.get(i));
                        }
                    }
                }
                List<Long> rejects = new ArrayList<>();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                List<String> callbackOrder = new ArrayList<>();
                boolean callback = random.nextInt(4) == 0;
                PipelineBuilder b = Pipeline.builder()
                        .source(new ChunkedStream(Fixtures.concat(input), chunk, random.nextLong()))
                        .parsers(parsers).ringSize(ring).stripe(stripe).publishBatch(batch)
                        .transform(r -> transform(r, throwEvery, dropEvery))
                        .errorPolicy(ErrorPolicy.skip(rej -> rejects.add(rej.ordinal())));
                if (callback) {
                    b.sink(r -> callbackOrder.add(r.controlNumber()));
                } else {
                    b.sink(out, Iso2709Encoder::new);
                }
                PipelineResult r = b.build().run();
                assertEquals(count, r.recordsRead(), where);
                assertEquals(expectedRejects, rejects, where);
                assertEquals(expectedFiltered, r.recordsFiltered(), where);
                assertEquals(count - expectedRejects.size() - expectedFiltered, r.recordsWritten(), where);
                assertTrue(r.isBalanced(), where);
                if (callback) {
                    List<String> expectedOrder = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        if (!undecodable.contains(i) && i % throwEvery != 1 && i % dropEvery != 0) {
                            expectedOrder.add(Integer.toString(i));
                        }
                    }
                    assertEquals(expectedOrder, callbackOrder, where);
                } else {
                    assertArrayEquals(expectedOut.toByteArray(), out.toByteArray(), where);
                }
            }
            System.out.printf("%d stress runs in %.1f s%n", RUNS, (System.nanoTime() - start) / 1e9);
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void randomParallelReadersKeepOrderAndStopWhenClosedEarly() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<byte[]> base = Fixtures.numberedRecords(300);
            Random random = new Random(SEED + 1);
            for (int run = 0; run < 200; run++) {
                String where = "reader run " + run + " (seed " + (SEED + 1) + ")";
                int count = random.nextInt(300);
                int parsers = 1 + random.nextInt(8);
                int ring = 2 << random.nextInt(8);
                List<byte[]> input = new ArrayList<>(base.subList(0, count));
                Set<Integer> bad = new HashSet<>();
                for (int i = 0; i < random.nextInt(3) && count > 0; i++) {
                    int k = random.nextInt(count);
                    bad.add(k);
                    input.set(k, Fixtures.undecodable(base.get(k)));
                }
                int stopAfter = random.nextInt(5) == 0 ? random.nextInt(count + 1) : Integer.MAX_VALUE;
                List<Long> rejected = new ArrayList<>();
                List<String> numbers = new ArrayList<>();
                try (ParallelReader reader = new ParallelReader(
                        Iso2709Source.of(new ChunkedStream(Fixtures.concat(input), 1 + random.nextInt(5000),
                                random.nextLong()), org.marcring.codec.io.ReadOptions.defaults()),
                        parsers, ring, null)) {
                    reader.onReject(e -> rejected.add(e.ordinal()));
                    while (numbers.size() < stopAfter && reader.hasNext()) {
                        numbers.add(reader.next().controlNumber());
                    }
                }
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < count && expected.size() < stopAfter; i++) {
                    if (!bad.contains(i)) {
                        expected.add(Integer.toString(i));
                    }
                }
                assertEquals(expected, numbers, where);
                if (stopAfter == Integer.MAX_VALUE) {
                    assertEquals(bad.stream().map(Integer::longValue).sorted().toList(), rejected, where);
                }
            }
            Fixtures.assertNoEngineThreads();
        });
    }

    private static MarcRecord transform(MarcRecord r, int throwEvery, int dropEvery) {
        int n = Integer.parseInt(r.controlNumber());
        if (n % throwEvery == 1) {
            throw new IllegalStateException("unlucky " + n);
        }
        return n % dropEvery == 0 ? null : r;
    }

    /** A stream handing out its bytes in random-sized reads, so records straddle read boundaries. */
    static final class ChunkedStream extends InputStream {
        private final byte[] bytes;
        private final int maxChunk;
        private final Random random;
        private int pos;

        ChunkedStream(byte[] bytes, int maxChunk, long seed) {
            this.bytes = bytes;
            this.maxChunk = maxChunk;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, bytes.length - pos), 1 + random.nextInt(maxChunk));
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
