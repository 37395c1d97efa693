package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;

/** 100,000 records (the corpus' realistic file, 50 times): the engine writes the sequential loop's bytes. */
class PipelineLargeFileTest {

    /** The I/O thread allocates nothing per record once every ring entry has held a batch. */
    @Test
    void theIoThreadDoesNotAllocatePerRecord(@TempDir Path dir) throws Exception {
        Path file = Fixtures.replicated(dir, 20); // 40,000 records
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            MeasuringSource source = new MeasuringSource(
                    Iso2709Source.open(file, org.marcring.codec.io.ReadOptions.defaults()), 5_000);
            PipelineResult r = Pipeline.builder().source(source).parsers(2).ringSize(16) // 1 MiB: 700 records
                    .sink(OutputStream.nullOutputStream(), Iso2709Encoder::new).build().run();
            assertEquals(40_000, r.recordsRead());
            long perRecordTimes1000 = source.allocated() * 1000 / 35_000;
            System.out.println("I/O thread: " + source.allocated() + " bytes allocated over 35,000 records");
            assertTrue(source.allocated() < 64 * 1024, "the I/O thread allocated " + source.allocated()
                    + " bytes over 35,000 records (" + perRecordTimes1000 / 1000.0 + " per record)");
        });
    }

    /**
     * The result gives each stage's CPU time: every stage used some, none more than its threads could in the
     * run's wall time, and the time per record is their sum over the records read.
     */
    @Test
    void theResultGivesTheCpuTimeOfEachStage(@TempDir Path dir) throws Exception {
        Path file = Fixtures.replicated(dir, 10); // 20,000 records
        PipelineResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Pipeline.builder().source(file)
                .parsers(2).sink(OutputStream.nullOutputStream(), Iso2709Encoder::new).build().run());
        PipelineResult.CpuTime cpu = r.cpu();
        long slack = 20_000_000; // thread CPU clocks tick in steps of up to a few milliseconds
        assertTrue(cpu.io() > 0 && cpu.io() <= r.elapsedNanos() + slack, cpu + " in " + r.elapsedNanos() + " ns");
        assertTrue(cpu.parsers() > 0 && cpu.parsers() <= 2 * r.elapsedNanos() + slack, cpu + " in "
                + r.elapsedNanos() + " ns");
        assertTrue(cpu.writer() > 0 && cpu.writer() <= r.elapsedNanos() + slack, cpu + " in " + r.elapsedNanos()
                + " ns");
        assertEquals(cpu.io() + cpu.parsers() + cpu.writer(), cpu.total());
        assertEquals((double) cpu.total() / 20_000, r.cpuNanosPerRecord(), 1e-9);
        assertTrue(r.toString().contains(String.format("parsers %.3fs", cpu.parsers() / 1e9)), r.toString());
    }

    /** Counts the bytes the I/O thread allocates between the {@code from}-th record and the end. */
    static final class MeasuringSource implements RecordSource {
        private final RecordSource delegate;
        private final long from;
        private long records;
        private long start = -1;
        private long end = -1;

        MeasuringSource(RecordSource delegate, long from) {
            this.delegate = delegate;
            this.from = from;
        }

        private static long allocatedByThisThread() {
            return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                    .getCurrentThreadAllocatedBytes();
        }

        long allocated() {
            return end - start;
        }

        @Override
        public boolean next(RecordSlot slot) {
            if (records++ == from) {
                start = allocatedByThisThread();
            }
            boolean more = delegate.next(slot);
            if (!more) {
                end = allocatedByThisThread();
            }
            return more;
        }

        @Override
        public long position() {
            return delegate.position();
        }

        @Override
        public boolean readsMayBlock() {
            return delegate.readsMayBlock();
        }

        @Override
        public RecordParser newParser() {
            return delegate.newParser();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Test
    void hundredThousandRecordsByteIdenticalToTheSequentialLoop(@TempDir Path dir) throws Exception {
        Path file = Fixtures.replicated(dir, 50);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            MessageDigest expected = MessageDigest.getInstance("SHA-256");
            long expectedBytes = 0;
            long records = 0;
            try (Iso2709Reader reader = Iso2709Reader.open(file)) {
                Iso2709Encoder encoder = new Iso2709Encoder();
                ByteArrayBuilder out = new ByteArrayBuilder(1 << 16);
                for (MarcRecord r : reader) {
                    out.reset();
                    encoder.encode(r, out);
                    expected.update(out.array(), 0, out.length());
                    expectedBytes += out.length();
                    records++;
                }
            }
            assertEquals(100_000, records);
            byte[] expectedDigest = expected.digest();
            for (int parsers : new int[] {2, 3}) {
                MessageDigest actual = MessageDigest.getInstance("SHA-256");
                PipelineResult r;
                try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), actual)) {
                    r = Pipeline.builder().source(file).parsers(parsers).ringSize(1024)
                            .sink(sink, Iso2709Encoder::new).build().run();
                }
                assertEquals(100_000, r.recordsRead());
                assertEquals(100_000, r.recordsWritten());
                assertEquals(expectedBytes, r.bytesOut());
                assertEquals(Files.size(file), r.bytesIn());
                assertTrue(r.latency().p50() > 0 && r.latency().p50() <= r.latency().max());
                assertArrayEquals(expectedDigest, actual.digest(), "parsers=" + parsers);
                System.out.println("100k records, " + parsers + " parsers: " + r);
            }
            Fixtures.assertNoEngineThreads();
        });
    }
}
