package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.RawRecord;

/**
 * Faults injected at every stage: counts, output, rejects and termination are all checked; where a fault
 * meets the threads differently, with two parsers (the ring) and with one (one thread runs the stages).
 */
class PipelineFaultTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    /** Throws for every 7th record (by the ordinal in its 001). */
    private static final Function<MarcRecord, MarcRecord> EVERY_7TH = r -> {
        if (Integer.parseInt(r.controlNumber()) % 7 == 6) {
            throw new IllegalArgumentException("no 7th records please: " + r.controlNumber());
        }
        return r;
    };

    @Test
    void userFunctionThrowingOnEvery7thRecordRejectsExactlyThoseInOrder() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<byte[]> records = Fixtures.numberedRecords(500);
            byte[] input = Fixtures.concat(records);
            List<RejectedRecord> rejects = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(3).ringSize(64)
                    .transform(EVERY_7TH).sink(out, Iso2709Encoder::new)
                    .errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
            long expectedRejects = 500 / 7; // ordinals 6, 13, ..., 496
            assertEquals(500, r.recordsRead());
            assertEquals(expectedRejects, r.recordsRejected());
            assertEquals(500 - expectedRejects, r.recordsWritten());
            assertTrue(r.isBalanced());
            for (int i = 0; i < rejects.size(); i++) {
                RejectedRecord rej = rejects.get(i);
                assertEquals(7L * i + 6, rej.ordinal(), "rejects come in input order");
                assertEquals(RejectedRecord.Stage.TRANSFORM, rej.stage());
                assertInstanceOf(IllegalArgumentException.class, rej.cause());
                assertArrayEquals(records.get((int) rej.ordinal()), rej.rawBytes());
            }
            Sequential.Outcome expected = Sequential.convert(input, ReadOptions.defaults(), EVERY_7TH);
            assertEquals(expectedRejects, expected.rejected());
            assertArrayEquals(expected.bytes(), out.toByteArray());
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void decoderFaultInTheMiddleGoesToTheRejectsFileAndNothingIsLost(@TempDir Path dir) {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<byte[]> records = new ArrayList<>(Fixtures.numberedRecords(301));
            byte[] bad = Fixtures.undecodable(records.get(150));
            records.set(150, bad);
            byte[] input = Fixtures.concat(records);
            Path in = dir.resolve("in.mrc");
            Files.write(in, input);
            Path out = dir.resolve("out.mrc");
            Path rejectsFile = dir.resolve("rejects.mrc");
            List<RejectedRecord> seen = new ArrayList<>();
            PipelineResult r = Pipeline.builder().source(in).parsers(2).ringSize(32)
                    .sink(out, Iso2709Encoder::new).errorPolicy(ErrorPolicy.rejectsFile(rejectsFile, seen::add))
                    .build().run();
            assertEquals(301, r.recordsRead());
            assertEquals(300, r.recordsWritten());
            assertEquals(1, r.recordsRejected());
            assertArrayEquals(bad, Files.readAllBytes(rejectsFile), "the reject's bytes, exactly as read");
            assertEquals(1, seen.size());
            RejectedRecord rej = seen.get(0);
            assertEquals(150, rej.ordinal());
            long offset = 0;
            for (int i = 0; i < 150; i++) {
                offset += records.get(i).length;
            }
            assertEquals(offset, rej.byteOffset());
            assertEquals(RejectedRecord.Stage.DECODE, rej.stage());
            assertInstanceOf(MarcFormatException.class, rej.cause());
            assertTrue(rej.message().startsWith("record 151 at byte " + offset), rej.message());
            List<byte[]> good = new ArrayList<>(records);
            good.remove(150);
            assertArrayEquals(Fixtures.concat(good), Files.readAllBytes(out));
            Fixtures.assertNoEngineThreads();
        });
    }

    @ParameterizedTest(name = "{0} parsers")
    @ValueSource(ints = {1, 2})
    void failFastStopsAtTheFirstRejectAndLeavesNoOutputFile(int parsers, @TempDir Path dir) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Path in = dir.resolve("in.mrc");
            Files.write(in, Fixtures.numberedWithUndecodable(2000, 1000));
            Path out = dir.resolve("out.mrc");
            int baseline = Thread.activeCount();
            EngineException e = assertThrows(EngineException.class, () -> Pipeline.builder().source(in)
                    .parsers(parsers).ringSize(16).sink(out, Iso2709Encoder::new).errorPolicy(ErrorPolicy.failFast())
                    .build().run());
            EngineException.Rejected cause = assertInstanceOf(EngineException.Rejected.class, e.getCause());
            assertEquals(1000, cause.record().ordinal());
            PipelineResult partial = e.partialResult();
            assertNotNull(partial);
            assertFalse(partial.complete());
            assertEquals(1000, partial.recordsWritten(), "records before the reject were written");
            assertEquals(1, partial.recordsRejected());
            assertTrue(partial.recordsRead() >= 1001);
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(in), files.toList(), "no output file, no temporary file");
            }
            Fixtures.assertNoEngineThreads();
            Fixtures.assertThreadCount(baseline);
        });
    }

    @ParameterizedTest(name = "{0} parsers")
    @ValueSource(ints = {1, 2})
    void sinkThatFailsAfterKBytesStopsEverythingWithThePartialCounts(int parsers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.concat(Fixtures.numberedRecords(3000));
            int baseline = Thread.activeCount();
            int k = 200_000;
            FailingStream sink = new FailingStream(k);
            EngineException e = assertThrows(EngineException.class, () -> Pipeline.builder()
                    .source(new ByteArrayInputStream(input)).parsers(parsers).ringSize(128)
                    .sink(sink, Iso2709Encoder::new).build().run());
            assertInstanceOf(IOException.class, e.getCause());
            assertTrue(e.getMessage().contains("disk full"), e.getMessage());
            PipelineResult partial = e.partialResult();
            assertFalse(partial.complete());
            assertTrue(partial.recordsWritten() > 0 && partial.recordsWritten() < 3000, partial.toString());
            assertTrue(sink.accepted <= k);
            Fixtures.assertNoEngineThreads();
            Fixtures.assertThreadCount(baseline);
        });
    }

    @Test
    void truncatedInputMatchesTheSequentialLoop() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] whole = Fixtures.concat(Fixtures.numberedRecords(40));
            byte[] input = Arrays.copyOf(whole, whole.length - 500); // the last record loses its end
            List<RejectedRecord> rejects = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(2).ringSize(8)
                    .sink(out, Iso2709Encoder::new).errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
            Sequential.Outcome expected = Sequential.convert(input, ReadOptions.defaults(), null);
            assertEquals(40, r.recordsRead());
            assertEquals(expected.written(), r.recordsWritten());
            assertEquals(expected.rejected(), r.recordsRejected());
            assertArrayEquals(expected.bytes(), out.toByteArray());
            assertTrue(r.isBalanced());
            assertEquals(input.length, r.bytesIn());

            // strictly, the cut record is rejected, with its bytes
            List<RejectedRecord> strictRejects = new ArrayList<>();
            PipelineResult s = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(2).ringSize(8)
                    .readOptions(ReadOptions.strict()).sink(new ByteArrayOutputStream(), Iso2709Encoder::new)
                    .errorPolicy(ErrorPolicy.skip(strictRejects::add)).build().run();
            assertEquals(39, s.recordsWritten());
            assertEquals(1, strictRejects.size());
            assertEquals(39, strictRejects.get(0).ordinal());
            int lastLength = Fixtures.numberedRecords(40).get(39).length - 500;
            assertEquals(lastLength, strictRejects.get(0).rawBytes().length);
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void garbageBetweenRecordsIsOneSkippedRegionWithItsBytesAndNoRecord() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<byte[]> records = Fixtures.numberedRecords(20);
            byte[] garbage = "THIS IS NOT A RECORD AT ALL".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            List<byte[]> parts = new ArrayList<>(records.subList(0, 10));
            parts.add(garbage);
            parts.addAll(records.subList(10, 20));
            byte[] input = Fixtures.concat(parts);
            List<RejectedRecord> rejects = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(4).ringSize(8)
                    .sink(out, Iso2709Encoder::new).errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
            assertEquals(20, r.recordsRead(), "garbage is not a record");
            assertEquals(20, r.recordsWritten());
            assertEquals(0, r.recordsRejected());
            assertEquals(1, r.regionsSkipped());
            assertEquals(garbage.length, r.bytesSkipped());
            assertTrue(rejects.get(0).isSkippedBytes());
            assertEquals(10, rejects.get(0).ordinal(), "the number of records before it");
            assertArrayEquals(garbage, rejects.get(0).rawBytes());
            assertArrayEquals(Fixtures.concat(records), out.toByteArray());
            assertEquals(RawRecord.GARBAGE, RawRecord.GARBAGE & garbageFlag(input));
        });
    }

    private static int garbageFlag(byte[] input) {
        try (var framer = org.marcring.codec.iso2709.RecordFramer.of(input)) {
            RawRecord raw = new RawRecord();
            int flags = 0;
            while (framer.next(raw)) {
                flags |= raw.defects();
            }
            return flags;
        }
    }

    @Test
    void singleRecordAndEmptyFile(@TempDir Path dir) {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] one = Fixtures.numberedRecords(1).get(0);
            for (int parsers : new int[] {1, 4}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(one)).parsers(parsers)
                        .ringSize(8).sink(out, Iso2709Encoder::new).build().run();
                assertEquals(1, r.recordsRead());
                assertEquals(1, r.recordsWritten());
                assertArrayEquals(one, out.toByteArray());
                assertTrue(r.latency().max() > 0);
            }
            Path empty = Files.createFile(dir.resolve("empty.mrc"));
            Path out = dir.resolve("out.mrc");
            PipelineResult r = Pipeline.builder().source(empty).parsers(3).ringSize(8)
                    .sink(out, Iso2709Encoder::new).build().run();
            assertEquals(0, r.recordsRead());
            assertEquals(0, r.recordsWritten());
            assertTrue(r.complete() && r.isBalanced());
            assertEquals(PipelineResult.Latency.NONE, r.latency());
            assertEquals(0, Files.size(out), "an empty input gives an empty output file");
            Fixtures.assertNoEngineThreads();
        });
    }

    @ParameterizedTest(name = "{0} parsers")
    @ValueSource(ints = {1, 2})
    void closeFromAnotherThreadCancelsTheRun(int parsers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.concat(Fixtures.numberedRecords(5000));
            int baseline = Thread.activeCount();
            CountDownLatch someWritten = new CountDownLatch(100);
            Pipeline pipeline = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(parsers)
                    .ringSize(64).sink(rec -> {
                        someWritten.countDown();
                        sleep(1);
                    }).build();
            Thread closer = new Thread(() -> {
                try {
                    someWritten.await();
                } catch (InterruptedException e) {
                    return;
                }
                pipeline.close();
            });
            closer.start();
            EngineException e = assertThrows(EngineException.class, pipeline::run);
            closer.join();
            assertInstanceOf(CancellationException.class, e.getCause());
            assertTrue(e.partialResult().recordsWritten() >= 100);
            assertTrue(e.partialResult().recordsWritten() < 5000);
            Fixtures.assertNoEngineThreads();
            Fixtures.assertThreadCount(baseline);
        });
    }

    @ParameterizedTest(name = "{0} parsers")
    @ValueSource(ints = {1, 2})
    void interruptingTheRunningThreadCancelsTheRun(int parsers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.concat(Fixtures.numberedRecords(5000));
            CountDownLatch someWritten = new CountDownLatch(50);
            Thread runner = Thread.currentThread();
            Pipeline pipeline = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(parsers)
                    .ringSize(64).sink(rec -> {
                        someWritten.countDown();
                        if (someWritten.getCount() == 0) {
                            runner.interrupt();
                        }
                        sleep(1);
                    }).build();
            EngineException e = assertThrows(EngineException.class, pipeline::run);
            assertTrue(Thread.interrupted(), "the interrupt flag is restored");
            assertInstanceOf(CancellationException.class, e.getCause());
            assertFalse(e.partialResult().complete());
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void errorInUserFunctionDoesNotKillAThreadItStopsTheRun() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.concat(Fixtures.numberedRecords(300));
            EngineException e = assertThrows(EngineException.class, () -> Pipeline.builder()
                    .source(new ByteArrayInputStream(input)).parsers(2).ringSize(16)
                    .transform(r -> {
                        if (r.controlNumber().equals("123")) {
                            throw new StackOverflowError("simulated");
                        }
                        return r;
                    })
                    .sink(new ByteArrayOutputStream(), Iso2709Encoder::new).build().run());
            assertInstanceOf(StackOverflowError.class, e.getCause().getCause());
            assertEquals(123, e.partialResult().recordsWritten(), "everything before it was written, in order");
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void aPipelineRunsOnceAndSeveralRunAtTheSameTime() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.concat(Fixtures.numberedRecords(2000));
            Pipeline p = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(1)
                    .sink(new ByteArrayOutputStream(), Iso2709Encoder::new).build();
            p.run();
            assertThrows(IllegalStateException.class, p::run);

            List<Thread> runners = new ArrayList<>();
            List<ByteArrayOutputStream> outs = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 3; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                outs.add(out);
                Thread t = new Thread(() -> {
                    try {
                        Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(2).ringSize(128)
                                .sink(out, Iso2709Encoder::new).build().run();
                    } catch (Throwable ex) {
                        errors.add(ex);
                    }
                });
                runners.add(t);
                t.start();
            }
            for (Thread t : runners) {
                t.join();
            }
            assertEquals(List.of(), errors);
            for (ByteArrayOutputStream out : outs) {
                assertArrayEquals(input, out.toByteArray());
            }
            Fixtures.assertNoEngineThreads();
        });
    }

    @ParameterizedTest(name = "{0} parsers")
    @ValueSource(ints = {1, 2})
    void closeUnblocksAnInputThatNeverDelivers(int parsers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            java.io.PipedOutputStream feeder = new java.io.PipedOutputStream();
            java.io.PipedInputStream in = new java.io.PipedInputStream(feeder, 1 << 16);
            byte[] one = Fixtures.numberedRecords(1).get(0);
            feeder.write(one); // one record, then silence: the I/O thread blocks in read()
            List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            Pipeline pipeline = Pipeline.builder().source(in).parsers(parsers).ringSize(8).publishBatch(1)
                    .sink(r -> seen.add(r.controlNumber())).build();
            Thread closer = new Thread(() -> {
                sleep(300);
                pipeline.close();
            });
            closer.start();
            long t0 = System.nanoTime();
            EngineException e = assertThrows(EngineException.class, pipeline::run);
            closer.join();
            assertInstanceOf(CancellationException.class, e.getCause());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "stopped promptly");
            assertEquals(List.of("0"), seen, "the record before the silence was delivered");
            Fixtures.assertNoEngineThreads();
            feeder.close();
        });
    }

    @ParameterizedTest(name = "{0} parsers")
    @ValueSource(ints = {1, 2})
    void bytesArePushedOutAsSoonAsTheWriterRunsOutOfWork(int parsers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            java.io.PipedOutputStream feeder = new java.io.PipedOutputStream();
            java.io.PipedInputStream in = new java.io.PipedInputStream(feeder, 1 << 16);
            List<byte[]> records = Fixtures.numberedRecords(2);
            ByteArrayOutputStream out = new ByteArrayOutputStream(); // synchronized
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread runner = new Thread(() -> {
                try {
                    Pipeline.builder().source(in).parsers(parsers).sink(out, Iso2709Encoder::new).build().run();
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            runner.start();
            for (int i = 0; i < 2; i++) {
                feeder.write(records.get(i));
                feeder.flush();
                byte[] expected = Fixtures.concat(records.subList(0, i + 1));
                while (out.size() < expected.length) {
                    sleep(5); // the input is still open: only the idle writer's drain can deliver the bytes
                }
                assertArrayEquals(expected, out.toByteArray());
            }
            feeder.close();
            runner.join();
            assertEquals(List.of(), errors);
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void progressListenerSeesTheFinalCounts() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.numberedWithUndecodable(1000, 500);
            List<Progress> progress = new ArrayList<>();
            PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(2)
                    .sink(new ByteArrayOutputStream(), Iso2709Encoder::new).errorPolicy(ErrorPolicy.skip())
                    .progress(progress::add).build().run();
            Progress last = progress.get(progress.size() - 1);
            assertEquals(1000, last.recordsDone());
            assertEquals(999, last.recordsWritten());
            assertEquals(1, last.recordsRejected());
            assertEquals(input.length, last.bytesIn());
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i).recordsDone() >= progress.get(i - 1).recordsDone());
            }
            assertEquals(999, r.recordsWritten());
        });
    }

    @Test
    void theDisruptorsWaitStrategiesWorkAndStopToo() {
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            byte[] input = Fixtures.concat(Fixtures.numberedRecords(2000));
            List<java.util.function.Supplier<com.lmax.disruptor.WaitStrategy>> strategies = List.of(
                    com.lmax.disruptor.BlockingWaitStrategy::new, com.lmax.disruptor.LiteBlockingWaitStrategy::new,
                    com.lmax.disruptor.YieldingWaitStrategy::new, com.lmax.disruptor.SleepingWaitStrategy::new,
                    IdleWaitStrategy::new);
            for (var strategy : strategies) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(2).ringSize(64)
                        .waitStrategy(strategy.get()).sink(out, Iso2709Encoder::new).build().run();
                assertEquals(2000, r.recordsWritten());
                assertArrayEquals(input, out.toByteArray(), strategy.get().toString());

                // a failing sink stops every thread, whatever the strategy
                assertThrows(EngineException.class, () -> Pipeline.builder().source(new ByteArrayInputStream(input))
                        .parsers(2).ringSize(64).waitStrategy(strategy.get())
                        .sink(new FailingStream(50_000), Iso2709Encoder::new).build().run());
                Fixtures.assertNoEngineThreads();
            }
        });
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A stream that takes {@code limit} bytes and then fails like a full disk. */
    static final class FailingStream extends OutputStream {
        private final int limit;
        volatile int accepted;

        FailingStream(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (accepted + len > limit) {
                throw new IOException("disk full (simulated) after " + accepted + " bytes");
            }
            accepted += len;
        }
    }
}
