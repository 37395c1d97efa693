package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;

/** {@link PipelineBuilder#offeredRate(double)}: pacing, and latency measured from the scheduled time. */
class PacedPipelineTest {

    @Test
    void recordsAreOfferedNoFasterThanTheRate() throws Exception {
        byte[] input = Fixtures.concat(Fixtures.numberedRecords(200));
        Recorder recorder = new Recorder(3);
        PipelineResult result = Pipeline.builder().source(Iso2709Source.of(input, ReadOptions.defaults()))
                .offeredRate(2000).latencyRecorder(recorder).parsers(2)
                .sink(OutputStream.nullOutputStream(), MarcFormat.ISO2709).build().run();
        assertEquals(200, result.recordsWritten());
        // the last record is scheduled 199 intervals of 0.5 ms after the first
        assertTrue(result.elapsedNanos() >= TimeUnit.MICROSECONDS.toNanos(99_500), result.toString());
        Histogram h = recorder.getIntervalHistogram();
        assertEquals(200, h.getTotalCount(), "every record's latency goes to the caller's recorder too");
    }

    @Test
    void aStallCountsForEveryRecordScheduledDuringIt() throws Exception {
        byte[] input = Fixtures.concat(Fixtures.numberedRecords(120));
        Recorder recorder = new Recorder(3);
        // one parser, a ring of 4: while record 10 stalls for 60 ms the ring fills and the I/O thread waits,
        // so the records scheduled meanwhile (one per ms) are published late
        PipelineResult result = Pipeline.builder().source(Iso2709Source.of(input, ReadOptions.defaults()))
                .offeredRate(1000).latencyRecorder(recorder).parsers(1).ringSize(4).stripe(1).publishBatch(1)
                .transform(r -> {
                    if ("10".equals(r.controlNumber())) {
                        try {
                            Thread.sleep(60);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return r;
                })
                .sink(OutputStream.nullOutputStream(), MarcFormat.ISO2709).build().run();
        assertEquals(120, result.recordsWritten());
        Histogram h = recorder.getIntervalHistogram();
        assertEquals(120, h.getTotalCount());
        // records 11 to 40 were scheduled at least 20 ms before the stall ended: stamped with their
        // scheduled time they all show it; stamped when actually published, only the few in the ring would
        long delayed = h.getTotalCount() - h.getCountBetweenValues(0, TimeUnit.MILLISECONDS.toNanos(20));
        assertTrue(delayed >= 30, "records with latency of 20 ms or more: " + delayed);
        assertTrue(h.getMaxValue() >= TimeUnit.MILLISECONDS.toNanos(59), "max " + h.getMaxValue());
    }

    @Test
    void theRateMustBePositive() {
        PipelineBuilder b = Pipeline.builder();
        assertThrows(IllegalArgumentException.class, () -> b.offeredRate(0));
        assertThrows(IllegalArgumentException.class, () -> b.offeredRate(-5));
        assertThrows(IllegalArgumentException.class, () -> b.offeredRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> b.offeredRate(Double.POSITIVE_INFINITY));
    }
}
