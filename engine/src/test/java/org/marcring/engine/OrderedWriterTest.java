package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;

/** The writer stage on hand-made slots: framing bytes, order of counts, and the count check at the end. */
class OrderedWriterTest {

    private static RecordSlot written(String bytes) {
        RecordSlot slot = new RecordSlot();
        slot.clearForRecord();
        slot.clearResult();
        slot.outcome = RecordSlot.WRITTEN;
        slot.output.appendAscii(bytes);
        slot.publishNanos = System.nanoTime();
        return slot;
    }

    private static RecordSlot end(long records) {
        RecordSlot slot = new RecordSlot();
        slot.markEnd(null, 0, records);
        return slot;
    }

    private static OrderedWriter writer(ByteArrayOutputStream out, RunControl control) {
        return new OrderedWriter(new StreamOutput(out), null, "[".getBytes(StandardCharsets.US_ASCII),
                ",".getBytes(StandardCharsets.US_ASCII), "]".getBytes(StandardCharsets.US_ASCII),
                ErrorPolicy.failFast(), null, new Recorder(3), control, System.nanoTime());
    }

    @Test
    void headerSeparatorsAndFooterAroundTheRecords() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunControl control = new RunControl();
        OrderedWriter w = writer(out, control);
        w.onEvent(written("a"), 0, false);
        w.onEvent(written("b"), 1, true);
        w.onEvent(end(2), 2, true);
        assertEquals("[a,b]", out.toString(StandardCharsets.US_ASCII));
        assertTrue(w.committed());
        assertTrue(control.isFinished());
        assertEquals(null, control.failure());
        assertEquals(5, w.bytesOut());
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
}
