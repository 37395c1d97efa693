package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A batch of records: appended one after the other, full at its capacity, and its memory let go after a large one. */
class RecordBatchTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void recordsAreAppendedOneAfterTheOtherWithTheirDescriptions() {
        RecordBatch batch = new RecordBatch(16);
        batch.clear();
        batch.append(bytes("xxabcxx"), 2, 3, 7, 100, 1, 3);
        batch.append(bytes("defg"), 0, 4, 8, 103, 0, -1);
        assertEquals(2, batch.count);
        assertEquals(7, batch.dataLength);
        assertArrayEquals(bytes("abc"), batch.copyOfRaw(0));
        assertArrayEquals(bytes("defg"), batch.copyOfRaw(1));
        assertEquals(8, batch.ordinals[1]);
        assertEquals(103, batch.offsets[1]);
        RecordSlot slot = new RecordSlot();
        batch.load(0, slot);
        assertEquals(3, slot.rawLength());
        assertEquals(7, slot.ordinal());
        assertEquals(100, slot.byteOffset());
        assertEquals(1, slot.defects());
        assertEquals(3, slot.declaredLength());
    }

    @Test
    void aBatchIsFullAtItsByteCapacityOrItsMostRecords() {
        RecordBatch batch = new RecordBatch(10);
        batch.clear();
        batch.append(bytes("123456789"), 0, 9, 0, 0, 0, -1);
        assertFalse(batch.isFull(100));
        assertTrue(batch.isFull(1), "one record is the most");
        batch.append(bytes("0"), 0, 1, 1, 9, 0, -1);
        assertTrue(batch.isFull(100), "10 bytes fill a 10-byte batch");
    }

    @Test
    void theArraysALargeRecordGrewAreLetGoWhenTheBatchIsCleared() {
        RecordBatch batch = new RecordBatch(64);
        batch.clear();
        batch.append(new byte[1000], 0, 1000, 0, 0, 0, -1);
        assertTrue(batch.data.length >= 1000);
        batch.clearResults(false);
        batch.output.append(new byte[1000], 0, 1000);
        batch.clear();
        batch.clearResults(false);
        assertTrue(batch.data.length <= 96, "back to the capacity and half of it for the record that fills it");
        assertEquals(0, batch.count);
        assertTrue(batch.output.array().length <= 4 * 64, "the output of a large batch is let go");
    }

    @Test
    void manyShortRecordsGrowThePerRecordArrays() {
        RecordBatch batch = new RecordBatch(1 << 16);
        batch.clear();
        for (int i = 0; i < 1000; i++) {
            batch.append(bytes("r" + i), 0, ("r" + i).length(), i, i, 0, -1);
        }
        batch.clearResults(true);
        assertEquals(1000, batch.count);
        assertEquals(999, batch.ordinals[999]);
        assertTrue(batch.outcomes.length >= 1000);
        assertTrue(batch.records.length >= 1000);
        assertArrayEquals(bytes("r999"), batch.copyOfRaw(999));
    }
}
