package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link RecordFramer} with arbitrary bytes. Whatever the input, framing ends, hands out
 * non-empty records no larger than the size limit, in input order, accounts for every byte that is not
 * fill between records, and frames a stream read in small chunks exactly as the same bytes in one array.
 *
 * <p>Runs its seeds and committed findings as a regression test by default; {@code JAZZER_FUZZ=1}
 * fuzzes (see docs/robustness.md).
 */
class FramerFuzzTest {
    /** A small limit, so that oversized runs are reachable by short inputs. */
    private static final int MAX = 2048;

    @FuzzTest(maxDuration = "10m")
    void frame(byte[] data) {
        if (data == null) {
            return;
        }
        List<long[]> whole = frames(RecordFramer.of(data).maxRecordBytes(MAX), data);
        List<long[]> chunked = frames(RecordFramer.of(new ByteArrayInputStream(data), 7).maxRecordBytes(MAX), data);
        assertEquals(whole.size(), chunked.size(), "records framed from an array and from a stream");
        for (int i = 0; i < whole.size(); i++) {
            long[] a = whole.get(i);
            long[] b = chunked.get(i);
            assertTrue(a[0] == b[0] && a[1] == b[1] && a[2] == b[2],
                    "record " + i + " framed alike from an array and from a stream");
        }
    }

    /** Frames all of {@code data}, checking coverage; each frame as {offset, length, defects}. */
    private static List<long[]> frames(RecordFramer framer, byte[] data) {
        List<long[]> out = new ArrayList<>();
        RawRecord raw = new RawRecord();
        long covered = 0;
        try (framer) {
            while (framer.next(raw)) {
                // garbage takes no ordinal: it carries that of the record after it
                assertEquals(framer.recordsFramed() - (raw.has(RawRecord.GARBAGE) ? 0 : 1), raw.ordinal(),
                        "record ordinals count up from 0");
                assertTrue(raw.length() > 0, "no empty record");
                assertTrue(raw.length() <= MAX, "no record beyond the limit");
                assertTrue(raw.byteOffset() >= covered, "records in input order");
                assertOnlyFill(data, covered, raw.byteOffset());
                byte[] copy = raw.copy();
                for (int i = 0; i < copy.length; i++) {
                    assertEquals(data[(int) raw.byteOffset() + i], copy[i], "record bytes are the input's");
                }
                covered = raw.byteOffset() + raw.spanLength();
                out.add(new long[] {raw.byteOffset(), raw.spanLength(), raw.defects()});
                assertTrue(out.size() <= data.length, "framing ends");
            }
            assertOnlyFill(data, covered, data.length);
            assertEquals(data.length, framer.position(), "the whole input is consumed");
        }
        return out;
    }

    private static void assertOnlyFill(byte[] data, long from, long to) {
        for (long i = from; i < to; i++) {
            byte b = data[(int) i];
            assertTrue(b == 0 || b == 0x1A || b == '\n' || b == '\r' || b == ' ' || b == '\t',
                    "byte " + i + " skipped between records is fill, not data");
        }
    }
}
