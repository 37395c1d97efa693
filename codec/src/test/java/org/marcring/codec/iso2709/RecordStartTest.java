package org.marcring.codec.iso2709;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marcring.codec.testing.Fixtures.ascii;
import static org.marcring.codec.testing.Fixtures.bytes;
import static org.marcring.codec.testing.Fixtures.concat;
import static org.marcring.codec.testing.Fixtures.frames;
import static org.marcring.codec.testing.Fixtures.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verified record-start rule on hand-built records: each check of the leader and directory bites. */
class RecordStartTest {
    private static final byte[] A = bytes(record(1, 40));
    private static final byte[] B = bytes(record(2, 60));

    @Test
    void aWholeRecordIsConsistent() {
        assertTrue(RecordStart.isConsistentRecord(A, 0, A.length));
        assertEquals(A.length, RecordStart.declaredLength(A, 0));
    }

    @Test
    void aLengthOtherThanTheDeclaredOneIsNotConsistent() {
        assertFalse(RecordStart.isConsistentRecord(concat(A, B), 0, A.length + B.length));
    }

    @Test
    void aBaseAddressThatIsNotAfterWholeDirectoryEntriesIsNotConsistent() {
        byte[] r = A.clone();
        int base = Integer.parseInt(new String(r, 12, 5, US_ASCII));
        // move the base address back by one entry's worth minus one: 0x1E no longer at base - 1
        byte[] moved = String.format("%05d", base - 1).getBytes(US_ASCII);
        System.arraycopy(moved, 0, r, 12, 5);
        assertFalse(RecordStart.isConsistentRecord(r, 0, r.length));
    }

    @Test
    void aDirectoryEntryWhoseFieldDoesNotEndOnAFieldTerminatorIsNotConsistent() {
        byte[] r = A.clone();
        // the first entry's length, one byte longer: its field now ends on the next field's first byte
        int at = 24 + 3;
        int length = Integer.parseInt(new String(r, at, 4, US_ASCII));
        System.arraycopy(String.format("%04d", length + 1).getBytes(US_ASCII), 0,
                r, at, 4);
        assertFalse(RecordStart.isConsistentRecord(r, 0, r.length));
    }

    @Test
    void aTagWithAControlByteIsNotConsistent() {
        byte[] r = A.clone();
        r[24] = 0x1F;
        assertFalse(RecordStart.isConsistentRecord(r, 0, r.length));
    }

    @Test
    void aZeroLengthFieldIsNotConsistent() {
        byte[] r = A.clone();
        System.arraycopy(ascii("0000"), 0, r, 24 + 3, 4);
        assertFalse(RecordStart.isConsistentRecord(r, 0, r.length));
    }

    @Test
    void fillerIsNulEndOfFileBlanksAndLineEnds() {
        for (byte b : ascii("\0\u001a \t\r\n")) {
            assertTrue(RecordStart.isFiller(b), "byte " + b);
        }
        assertFalse(RecordStart.isFiller(RecordFramer.RT));
        assertFalse(RecordStart.isFiller((byte) '0'));
    }

    @Test
    void aFramerOpenedOnAConsistentRecordNotAfterATerminatorSkipsIt(@TempDir Path dir) throws IOException {
        // "xx" before B is neither a terminator nor filler: B there is no verified start, C after B's 0x1D is
        byte[] c = bytes(record(3, 20));
        Path file = dir.resolve("f.mrc");
        Files.write(file, concat(A, ascii("xx"), B, c));
        try (RecordFramer framer = RecordFramer.open(file, A.length + 2)) {
            assertEquals(A.length + 2 + B.length, framer.position());
        }
        // after a terminator and filler it is one
        Files.write(file, concat(A, ascii("\r\n"), B, c));
        try (RecordFramer framer = RecordFramer.open(file, A.length + 1)) {
            assertEquals(A.length + 2, framer.position());
        }
        assertEquals(3, frames(RecordFramer.open(file)).size());
    }
}
