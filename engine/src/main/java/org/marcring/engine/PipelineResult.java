package org.marcring.engine;

import java.time.Duration;

/**
 * What one pipeline run did: how many records it read, wrote, filtered out and rejected, how many bytes
 * went in and out, how long it took, the latency from the I/O thread publishing a record to the writer
 * emitting it, and the CPU time each stage's threads used. Immutable.
 *
 * <p>For a completed run, {@code recordsRead == recordsWritten + recordsFiltered + recordsRejected}
 * ({@link #isBalanced()}); a partial result (carried by an {@link EngineException}) counts what was done
 * before the failure, and may have read records it never got to write.
 *
 * @param recordsRead     records framed from the input; bytes between records that hold no record are not
 *                        records (they are counted in {@code regionsSkipped} and {@code bytesSkipped})
 * @param recordsWritten  records passed to the sink
 * @param recordsFiltered records the user's function dropped by returning {@code null}
 * @param recordsRejected records that failed to decode, transform or encode (see {@link ErrorPolicy})
 * @param bytesIn         input bytes framed
 * @param bytesOut        output bytes written (header, separators and footer included); 0 for a callback sink
 * @param elapsedNanos    wall time from start to end of the run
 * @param latency         publish-to-emit latency percentiles, in nanoseconds
 * @param cpu             CPU time of the run's threads by stage
 * @param complete        whether the run reached the end of its input and committed its output
 * @param recordsRepaired records written after the decoder repaired them (see {@link RepairedRecord}); part
 *                        of {@code recordsWritten}
 * @param recordsWithDataDropped records written whose repair replaced or dropped data; part of
 *                        {@code recordsRepaired}
 * @param regionsSkipped  runs of bytes between records that held no record (garbage), skipped; each was
 *                        handed to the {@link ErrorPolicy} as a {@link RejectedRecord} whose
 *                        {@link RejectedRecord#isSkippedBytes()} is true, but none is a record read or rejected
 * @param bytesSkipped    input bytes in those runs
 */
public record PipelineResult(long recordsRead, long recordsWritten, long recordsFiltered, long recordsRejected,
                             long bytesIn, long bytesOut, long elapsedNanos, Latency latency, CpuTime cpu,
                             boolean complete, long recordsRepaired, long recordsWithDataDropped,
                             long regionsSkipped, long bytesSkipped) {

    /** A result with no bytes skipped between records. */
    public PipelineResult(long recordsRead, long recordsWritten, long recordsFiltered, long recordsRejected,
                          long bytesIn, long bytesOut, long elapsedNanos, Latency latency, CpuTime cpu,
                          boolean complete, long recordsRepaired, long recordsWithDataDropped) {
        this(recordsRead, recordsWritten, recordsFiltered, recordsRejected, bytesIn, bytesOut, elapsedNanos,
                latency, cpu, complete, recordsRepaired, recordsWithDataDropped, 0, 0);
    }

    /** A result with no repaired record counted (a run whose records were not decoded, e.g. a writer's). */
    public PipelineResult(long recordsRead, long recordsWritten, long recordsFiltered, long recordsRejected,
                          long bytesIn, long bytesOut, long elapsedNanos, Latency latency, CpuTime cpu,
                          boolean complete) {
        this(recordsRead, recordsWritten, recordsFiltered, recordsRejected, bytesIn, bytesOut, elapsedNanos,
                latency, cpu, complete, 0, 0, 0, 0);
    }

    /**
     * The CPU time, in nanoseconds, that the threads of each stage used from their start to their end: the
     * I/O thread (reading and framing the input, copying records into the ring), the parser threads together
     * (decoding, the user's function, encoding) and the writer thread (emitting in order, counting). Time the
     * JVM spends for the run elsewhere (garbage collection, compilation) and the caller's own thread are not
     * in it. A stage the run has no thread for counts 0 (a {@link ParallelWriter}'s records come from the
     * caller's thread); -1 where the JVM cannot measure thread CPU time or a thread did not end.
     *
     * @param io      the I/O thread
     * @param parsers the parser threads, summed
     * @param writer  the writer thread
     */
    public record CpuTime(long io, long parsers, long writer) {
        /** Not measured. */
        public static final CpuTime UNKNOWN = new CpuTime(-1, -1, -1);

        /** The three stages together, or -1 if any of them is unknown. */
        public long total() {
            return io < 0 || parsers < 0 || writer < 0 ? -1 : io + parsers + writer;
        }

        @Override
        public String toString() {
            return total() < 0 ? "cpu unknown" : String.format("cpu io %.3fs, parsers %.3fs, writer %.3fs",
                    io / 1e9, parsers / 1e9, writer / 1e9);
        }
    }

    /**
     * Publish-to-emit latency of the records of a run, in nanoseconds (all zero when there was no record).
     *
     * @param p50  median
     * @param p99  99th percentile
     * @param p999 99.9th percentile
     * @param max  highest
     */
    public record Latency(long p50, long p99, long p999, long max) {
        /** No records, no latency. */
        public static final Latency NONE = new Latency(0, 0, 0, 0);

        @Override
        public String toString() {
            return String.format("p50=%.1fus p99=%.1fus p99.9=%.1fus max=%.1fus", p50 / 1e3, p99 / 1e3,
                    p999 / 1e3, max / 1e3);
        }
    }

    /** Checks that the latency and CPU figures are given ({@link Latency#NONE}, {@link CpuTime#UNKNOWN} if none). */
    public PipelineResult {
        java.util.Objects.requireNonNull(latency, "latency");
        java.util.Objects.requireNonNull(cpu, "cpu");
    }

    /** Whether every record read is accounted for: written, filtered or rejected. */
    public boolean isBalanced() {
        return recordsRead == recordsWritten + recordsFiltered + recordsRejected;
    }

    /** Wall time of the run. */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /** Records read per second. */
    public double recordsPerSecond() {
        return elapsedNanos <= 0 ? 0 : recordsRead * 1e9 / elapsedNanos;
    }

    /** Input megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() {
        return elapsedNanos <= 0 ? 0 : bytesIn * 1e3 / elapsedNanos;
    }

    /**
     * CPU nanoseconds the engine's threads used per record read ({@link CpuTime#total()} over
     * {@link #recordsRead()}), or -1 when unknown or no record was read.
     */
    public double cpuNanosPerRecord() {
        long total = cpu.total();
        return total < 0 || recordsRead == 0 ? -1 : (double) total / recordsRead;
    }

    @Override
    public String toString() {
        return String.format("%s: read %d (%d regions, %d bytes skipped), written %d (%d repaired, %d with data "
                        + "dropped), filtered %d, rejected %d; "
                        + "%d bytes in, %d out; %.3f s, %.0f records/s, %.1f MB/s; latency %s; %s",
                complete ? "complete" : "partial", recordsRead, regionsSkipped, bytesSkipped, recordsWritten,
                recordsRepaired, recordsWithDataDropped, recordsFiltered, recordsRejected,
                bytesIn, bytesOut, elapsedNanos / 1e9, recordsPerSecond(), megabytesPerSecond(), latency, cpu);
    }
}
