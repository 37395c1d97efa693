package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;

/** The writer stage on hand-made batches: framing bytes, order of counts and rejects, and the count check. */
class OrderedWriterTest {

    /** A batch of records as a parser leaves it: each record's output, separated by a comma, all written. */
    private static RecordBatch written(String... outputs) {
        RecordBatch batch = new RecordBatch(1024);
        batch.clear();
        for (String o : outputs) {
            byte[] raw = ("raw-" + o).getBytes(StandardCharsets.US_ASCII);
            batch.append(raw, 0, raw.length, batch.count, 0, 0, -1);
        }
        batch.clearResults(false);
        for (int i = 0; i < outputs.length; i++) {
            if (i > 0) {
                batch.output.appendAscii(",");
            }
            batch.output.appendAscii(outputs[i]);
            batch.outcomes[i] = RecordBatch.WRITTEN;
            batch.written++;
        }
        batch.publishNanos = System.nanoTime();
        return batch;
    }

    private static RecordBatch end(long records) {
        RecordBatch batch = new RecordBatch(1024);
        batch.markEnd(null, 0, records);
        return batch;
    }

    private static OrderedWriter writer(ByteArrayOutputStream out, RunControl control) {
        return new OrderedWriter(new StreamOutput(out), null, "[".getBytes(StandardCharsets.US_ASCII),
                ",".getBytes(StandardCharsets.US_ASCII), "]".getBytes(StandardCharsets.US_ASCII),
                ErrorPolicy.failFast(), null, new Recorder(3), null, control, null, System.nanoTime());
    }

    @Test
    void headerSeparatorsAndFooterAroundTheRecords() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunControl control = new RunControl();
        OrderedWriter w = writer(out, control);
        w.onEvent(written("a", "b"), 0, false);
        w.onEvent(written("c"), 1, true);
        w.onEvent(end(3), 2, true);
        assertEquals("[a,b,c]", out.toString(StandardCharsets.US_ASCII));
        assertTrue(w.committed());
        assertTrue(control.isFinished());
        assertEquals(null, control.failure());
        assertEquals(7, w.bytesOut());
        assertEquals(3, w.written());
    }

    @Test
    void readCountThatDoesNotAddUpFailsLoudlyWithoutCommitting() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunControl control = new RunControl();
        OrderedWriter w = writer(out, control);
        w.onEvent(written("a"), 0, false);
        w.onEvent(end(2), 1, true); // the producer says 2 records, the writer saw 1
        assertInstanceOf(IllegalStateException.class, control.failure());
        assertTrue(control.failure().getMessage().contains("read 2 records but written 1"),
                control.failure().getMessage());
        assertFalse(w.committed());
        w.onShutdown();
        assertFalse(out.toString(StandardCharsets.US_ASCII).contains("]"), "no footer after a failure");
    }

    @Test
    void rejectsOfABatchReachThePolicyInInputOrderWithTheirRawBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunControl control = new RunControl();
        List<RejectedRecord> rejects = new ArrayList<>();
        OrderedWriter w = new OrderedWriter(new StreamOutput(out), null, new byte[0], new byte[] {','},
                new byte[0], ErrorPolicy.skip(rejects::add), null, new Recorder(3), null, control, null,
                System.nanoTime());
        RecordBatch batch = written("a", "b", "c", "d");
        batch.output.reset();
        batch.output.appendAscii("a,c");
        batch.written = 2;
        for (int i : new int[] {3, 1}) {
            batch.outcomes[i] = RecordBatch.REJECTED;
            batch.errors[i] = new IllegalArgumentException("bad " + i);
            batch.stages[i] = RejectedRecord.Stage.DECODE;
            batch.rejected++;
        }
        w.onEvent(batch, 0, true);
        w.onEvent(end(4), 1, true);
        assertEquals("a,c", out.toString(StandardCharsets.US_ASCII));
        assertEquals(List.of(1L, 3L), rejects.stream().map(RejectedRecord::ordinal).toList());
        assertEquals("raw-b", new String(rejects.get(0).rawBytes(), StandardCharsets.US_ASCII));
        assertEquals("raw-d", new String(rejects.get(1).rawBytes(), StandardCharsets.US_ASCII));
        assertEquals(2, w.written());
        assertEquals(2, w.rejected());
        assertTrue(w.committed());
    }
}
