package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.marcring.codec.testing.Fixtures.ascii;
import static org.marcring.codec.testing.Fixtures.bytes;
import static org.marcring.codec.testing.Fixtures.concat;
import static org.marcring.codec.testing.Fixtures.record;
import static org.marcring.codec.testing.Fixtures.withDeclaredLength;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte ranges of hand-built files: where a range starts and stops, and a frame that reaches past its stop. */
class RangeFramerTest {
    private static final byte[] A = bytes(record(1, 40));
    private static final byte[] B = bytes(record(2, 80));
    private static final byte[] C = bytes(record(3, 20));

    @Test
    void aRangeStartsAndStopsAtTheVerifiedStartsAtOrAfterItsEnds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.mrc");
        Files.write(file, concat(A, ascii("\n"), B, C));
        try (RangeFramer range = RangeFramer.open(file, 1, A.length + 5)) {
            assertEquals(A.length + 1, range.start());
            assertEquals(A.length + 1 + B.length, range.stop());
            assertEquals(List.of((A.length + 1) + ":" + B.length + ":0"), drain(range));
        }
        try (RangeFramer range = RangeFramer.open(file, 0, 1)) {
            assertEquals(0, range.start());
            assertEquals(A.length + 1, range.stop());
            assertEquals(List.of("0:" + A.length + ":0"), drain(range));
        }
    }

    @Test
    void aFrameReachingPastTheStopIsCutThereAndFlagged(@TempDir Path dir) throws IOException {
        // A's length lies, ending exactly on B's terminator: read whole, A and B are one frame; B is still a
        // verified start, where the next range begins, so the range before must end A there
        byte[] lying = withDeclaredLength(A, A.length + B.length);
        Path file = dir.resolve("f.mrc");
        Files.write(file, concat(lying, B, C));
        List<String> first;
        try (RangeFramer range = RangeFramer.open(file, 0, 10)) {
            assertEquals(A.length, range.stop());
            first = drain(range);
        }
        assertEquals(List.of("0:" + A.length + ":" + RawRecord.TRUNCATED), first);
        try (RangeFramer range = RangeFramer.open(file, 10, Files.size(file))) {
            assertEquals(List.of(A.length + ":" + B.length + ":0", (A.length + B.length) + ":" + C.length + ":0"),
                    drain(range));
        }
    }

    @Test
    void aStreamsRangeWhoseStopIsFoundWhileReadingCutsTheFrameReachingPastIt() {
        // as above, but R(end) becomes known only once the stream has handed out the byte at it (a compressed
        // split learns it on reaching the next split's first block)
        byte[] lying = withDeclaredLength(A, A.length + B.length);
        byte[] input = concat(lying, B, C);
        long[] handedOut = {0};
        ByteArrayInputStream in = new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                handedOut[0] += Math.max(n, 0);
                return n;
            }
        };
        try (RangeFramer range = RangeFramer.of(RecordFramer.of(in, 16),
                () -> handedOut[0] > A.length ? A.length : Long.MAX_VALUE)) {
            assertEquals(0, range.start());
            assertEquals(Long.MAX_VALUE, range.stop());
            assertEquals(List.of("0:" + A.length + ":" + RawRecord.TRUNCATED), drain(range));
            assertEquals(A.length, range.stop());
        }
        // never known: the range runs to the end of the input, framed as the sequential read frames it
        try (RangeFramer range = RangeFramer.of(RecordFramer.of(input), () -> Long.MAX_VALUE)) {
            assertEquals(List.of("0:" + (A.length + B.length) + ":0",
                    (A.length + B.length) + ":" + C.length + ":0"), drain(range));
        }
    }

    @Test
    void aRangeOutsideTheFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.mrc");
        Files.write(file, A);
        assertThrows(IllegalArgumentException.class, () -> RangeFramer.open(file, A.length + 1, A.length + 2));
        assertThrows(IllegalArgumentException.class, () -> RangeFramer.open(file, 5, 4));
    }

    private static List<String> drain(RangeFramer range) {
        List<String> out = new ArrayList<>();
        RawRecord raw = new RawRecord();
        while (range.next(raw)) {
            out.add(raw.byteOffset() + ":" + raw.length() + ":" + raw.defects());
        }
        return out;
    }
}
