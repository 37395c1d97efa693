package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.engine.generate.CorpusGenerator;
import org.marcring.engine.generate.Damage;
import org.marcring.engine.generate.GenerationReport;
import org.marcring.engine.generate.GeneratorOptions;

/**
 * Nothing is lost under faults, on generated input with every kind of {@link Damage} at random positions:
 * each input record is written, filtered or rejected (with its raw bytes in the rejects file), the output
 * is the sequential loop's in the same order, a sink that runs out of space received a prefix of that
 * output, an interrupted run leaves no output file, and no engine thread outlives a run. Extends
 * {@link PipelineFaultTest}, which injects single faults into numbered records.
 */
class PipelineDamageMatrixTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** Drops records whose control number hashes to 0 mod 11; throws for 0 mod 13: filtered and rejected. */
    private static final Function<MarcRecord, MarcRecord> FILTER_AND_FAIL = r -> {
        int h = Math.floorMod(String.valueOf(r.controlNumber()).hashCode(), 143);
        if (h % 13 == 0) {
            throw new IllegalStateException("transform refuses " + r.controlNumber());
        }
        return h % 11 == 0 ? null : r;
    };

    @Test
    void damagedRecordsAtRandomPositionsAreEachWrittenFilteredOrRejected(@TempDir Path dir) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Set<Damage> kindsSeen = EnumSet.noneOf(Damage.class);
            for (int seed = 1; seed <= 4; seed++) {
                Path in = dir.resolve("in-" + seed + ".mrc");
                GenerationReport report = new CorpusGenerator(GeneratorOptions.defaults().withRecords(300)
                        .withSeed(seed).withDamagedShare(0.15)).writeTo(in);
                for (Damage d : Damage.values()) {
                    if (report.damaged(d) > 0) {
                        kindsSeen.add(d);
                    }
                }
                byte[] input = Files.readAllBytes(in);
                Sequential.Outcome expected = Sequential.convert(in, ReadOptions.defaults(), FILTER_AND_FAIL);
                for (int parsers : new int[] {1, 3}) {
                    Path out = dir.resolve("out-" + seed + "-" + parsers + ".mrc");
                    Path rejectsFile = dir.resolve("rejects-" + seed + "-" + parsers + ".mrc");
                    List<RejectedRecord> rejects = new ArrayList<>();
                    PipelineResult r = Pipeline.builder().source(in).parsers(parsers).ringSize(16)
                            .transform(FILTER_AND_FAIL).sink(out, Iso2709Encoder::new)
                            .errorPolicy(ErrorPolicy.rejectsFile(rejectsFile, rejects::add)).build().run();
                    String where = "seed " + seed + ", " + parsers + " parsers: " + r;
                    assertTrue(r.complete(), where);
                    assertEquals(r.recordsRead(), r.recordsWritten() + r.recordsFiltered() + r.recordsRejected(), where);
                    assertEquals(expected.written(), r.recordsWritten(), where);
                    assertEquals(expected.filtered(), r.recordsFiltered(), where);
                    assertEquals(expected.rejected(), r.recordsRejected(), where);
                    assertArrayEquals(expected.bytes(), Files.readAllBytes(out), "output in input order, " + where);
                    assertEquals(r.recordsRejected(), rejects.stream().filter(x -> !x.isSkippedBytes()).count(), where);
                    assertEquals(r.regionsSkipped(), rejects.stream().filter(RejectedRecord::isSkippedBytes).count(),
                            where);
                    ByteArrayOutputStream rejectBytes = new ByteArrayOutputStream();
                    long previous = -1;
                    for (RejectedRecord rej : rejects) {
                        // skipped bytes carry the ordinal of the record after them, and take none
                        assertTrue(rej.ordinal() > previous, "rejects in input order, " + where);
                        if (!rej.isSkippedBytes()) {
                            previous = rej.ordinal();
                        }
                        byte[] raw = rej.rawBytes();
                        assertArrayEquals(Arrays.copyOfRange(input, (int) rej.byteOffset(), (int) rej.byteOffset() + raw.length),
                                raw, "a reject's bytes are the input's at its offset, " + where);
                        rejectBytes.write(raw);
                    }
                    assertArrayEquals(rejectBytes.toByteArray(), Files.readAllBytes(rejectsFile),
                            "the rejects file holds every reject's raw bytes, " + where);
                    Fixtures.assertNoEngineThreads();
                }
            }
            assertEquals(EnumSet.allOf(Damage.class), kindsSeen, "the matrix covers every kind of damage");
        });
    }

    @Test
    void aSinkThatRunsOutOfSpaceReceivedAPrefixOfTheOutputAndTheRunStops(@TempDir Path dir) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Path in = dir.resolve("in.mrc");
            new CorpusGenerator(GeneratorOptions.defaults().withRecords(1500).withSeed(9).withDamagedShare(0.05))
                    .writeTo(in);
            byte[] expected = Sequential.convert(in, ReadOptions.defaults(), null).bytes();
            for (int limit : new int[] {0, 1, 4096, 100_000, expected.length - 1}) {
                DiskFull sink = new DiskFull(limit);
                EngineException e = assertThrows(EngineException.class, () -> Pipeline.builder().source(in)
                        .parsers(2).ringSize(32).sink(sink, Iso2709Encoder::new).errorPolicy(ErrorPolicy.skip())
                        .build().run(), "limit " + limit);
                assertInstanceOf(IOException.class, e.getCause(), "limit " + limit);
                assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
                assertFalse(e.partialResult().complete());
                byte[] got = sink.bytes.toByteArray();
                assertEquals(limit, got.length, "the sink took bytes up to its limit");
                assertArrayEquals(Arrays.copyOf(expected, got.length), got, "what reached the sink is in order");
                Fixtures.assertNoEngineThreads();
            }
        });
    }

    @Test
    void anInterruptedRunToAFileLeavesNoOutputFileAndNoThread(@TempDir Path dir) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Path in = dir.resolve("in.mrc");
            new CorpusGenerator(GeneratorOptions.defaults().withRecords(5000).withSeed(3).withDamagedShare(0.05))
                    .writeTo(in);
            Path out = dir.resolve("out.mrc");
            CountDownLatch someDone = new CountDownLatch(200);
            Thread runner = Thread.currentThread();
            Pipeline pipeline = Pipeline.builder().source(in).parsers(2).ringSize(64).transform(r -> {
                someDone.countDown();
                if (someDone.getCount() == 0) {
                    runner.interrupt();
                }
                return r;
            }).sink(out, Iso2709Encoder::new).errorPolicy(ErrorPolicy.skip()).build();
            EngineException e = assertThrows(EngineException.class, pipeline::run);
            assertTrue(Thread.interrupted(), "the interrupt flag is restored");
            assertInstanceOf(CancellationException.class, e.getCause());
            assertFalse(e.partialResult().complete());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(in), files.toList(), "no output file, complete-looking or temporary");
            }
            Fixtures.assertNoEngineThreads();
        });
    }

    /** A device that fills up: takes {@code limit} bytes, then throws as a full disk does. */
    private static final class DiskFull extends OutputStream {
        private final int limit;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        DiskFull(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int room = limit - bytes.size();
            bytes.write(b, off, Math.min(room, len));
            if (len > room) {
                throw new IOException("No space left on device");
            }
        }
    }
}
