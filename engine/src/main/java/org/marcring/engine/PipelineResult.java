package org.marcring.engine;

import java.time.Duration;

/**
 * What one pipeline run did: how many records it read, wrote, filtered out and rejected, how many bytes
 * went in and out, how long it took, and the latency from the I/O thread publishing a record to the writer
 * emitting it. Immutable.
 *
 * <p>For a completed run, {@code recordsRead == recordsWritten + recordsFiltered + recordsRejected}
 * ({@link #isBalanced()}); a partial result (carried by an {@link EngineException}) counts what was done
 * before the failure, and may have read records it never got to write.
 *
 * @param recordsRead     records framed from the input (garbage between records counts as one record)
 * @param recordsWritten  records passed to the sink
 * @param recordsFiltered records the user's function dropped by returning {@code null}
 * @param recordsRejected records that failed to decode, transform or encode (see {@link ErrorPolicy})
 * @param bytesIn         input bytes framed
 * @param bytesOut        output bytes written (header, separators and footer included); 0 for a callback sink
 * @param elapsedNanos    wall time from start to end of the run
 * @param latency         publish-to-emit latency percentiles, in nanoseconds
 * @param complete        whether the run reached the end of its input and committed its output
 */
public record PipelineResult(long recordsRead, long recordsWritten, long recordsFiltered, long recordsRejected,
                             long bytesIn, long bytesOut, long elapsedNanos, Latency latency, boolean complete) {

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

    @Override
    public String toString() {
        return String.format("%s: read %d, written %d, filtered %d, rejected %d; %d bytes in, %d out; %.3f s, "
                        + "%.0f records/s, %.1f MB/s; latency %s",
                complete ? "complete" : "partial", recordsRead, recordsWritten, recordsFiltered, recordsRejected,
                bytesIn, bytesOut, elapsedNanos / 1e9, recordsPerSecond(), megabytesPerSecond(), latency);
    }
}
