package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A slot's buffer: one size from first use on, so that the ring's memory is flat whatever the input. */
class RecordSlotTest {

    @Test
    void aSlotTakesItsBufferAtTheKeptSizeOnFirstUseAndKeepsIt() {
        RecordSlot slot = new RecordSlot();
        assertEquals(0, slot.raw().length, "nothing is allocated before the slot is used");
        byte[] raw = slot.rawBuffer(100);
        assertEquals(RecordSlot.KEEP, raw.length);
        assertSame(raw, slot.rawBuffer(RecordSlot.KEEP), "a record that fits reuses the array");
    }

    @Test
    void aLargeRecordsBufferIsLetGoWithTheNextRecord() {
        RecordSlot slot = new RecordSlot();
        byte[] small = slot.rawBuffer(10);
        byte[] large = slot.rawBuffer(RecordSlot.KEEP * 3);
        assertTrue(large.length >= RecordSlot.KEEP * 3);
        assertTrue(small != large);
        assertEquals(RecordSlot.KEEP, slot.rawBuffer(10).length, "back to the kept size");
    }
}
