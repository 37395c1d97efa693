package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.marcring.codec.MarcException;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.json.MarcJsonFramer;
import org.marcring.codec.xml.MarcXmlFramer;

/**
 * Fuzzes the text formats' framers ({@link MarcXmlFramer}, {@link MarcJsonFramer}, {@link LineFramer}) with
 * arbitrary bytes. Whatever the input, framing ends (or refuses the input with a {@link MarcException}) and
 * hands out non-empty pieces no larger than the size limit, in input order, without overlap, each the input's
 * bytes at its offset, with ordinals counting up from 0; a stream read in 7-byte chunks is framed exactly as
 * the same bytes in one read. The JSON and line framers skip nothing but filler and separators.
 *
 * <p>Runs its seeds and committed findings as a regression test by default; {@code JAZZER_FUZZ=1}
 * fuzzes (see docs/robustness.md).
 */
class TextFramerFuzzTest {
    /** A small limit, so that oversized runs are reachable by short inputs. */
    private static final int MAX = 2048;
    private static final ReadOptions OPTIONS = ReadOptions.defaults().withMaxRecordBytes(MAX).withMaxNestingDepth(16);

    @FuzzTest(maxDuration = "10m")
    void xml(byte[] data) {
        check(data, in -> MarcXmlFramer.of(in, OPTIONS), null);
    }

    @FuzzTest(maxDuration = "10m")
    void json(byte[] data) {
        check(data, in -> MarcJsonFramer.of(in, OPTIONS), " \t\r\n\u001a\u0000[],");
    }

    @FuzzTest(maxDuration = "10m")
    void lines(byte[] data) {
        check(data, in -> LineFramer.of(in, LineFramer.Framing.LINES, OPTIONS), " \t\r\n\u001a\u0000");
    }

    @FuzzTest(maxDuration = "10m")
    void blankLines(byte[] data) {
        check(data, in -> LineFramer.of(in, LineFramer.Framing.BLANK_LINES, OPTIONS), " \t\r\n\u001a\u0000");
    }

    /** @param skippable the bytes that may lie between pieces, or {@code null} for any */
    private static void check(byte[] data, Function<InputStream, TextFramer> framers, String skippable) {
        if (data == null) {
            return;
        }
        List<long[]> whole = frames(framers.apply(new ByteArrayInputStream(data)), data, skippable);
        List<long[]> chunked = frames(framers.apply(new ChunkedStream(data, 7)), data, skippable);
        assertEquals(whole.size(), chunked.size(), "pieces framed from one read and from 7-byte reads");
        for (int i = 0; i < whole.size(); i++) {
            long[] a = whole.get(i);
            long[] b = chunked.get(i);
            assertTrue(a[0] == b[0] && a[1] == b[1] && a[2] == b[2] && a[3] == b[3],
                    "piece " + i + " framed alike from one read and from 7-byte reads");
        }
    }

    /** Frames all of {@code data}; each piece as {offset, length, defects, refused}. */
    private static List<long[]> frames(TextFramer framer, byte[] data, String skippable) {
        List<long[]> out = new ArrayList<>();
        RawRecord raw = new RawRecord();
        long covered = 0;
        try (framer) {
            while (framer.next(raw)) {
                // garbage takes no ordinal: it carries that of the record after it
                assertEquals(framer.recordsFramed() - (raw.has(RawRecord.GARBAGE) ? 0 : 1), raw.ordinal(),
                        "record ordinals count up from 0");
                assertTrue(raw.length() > 0, "no empty piece");
                assertTrue(raw.length() <= MAX, "no piece beyond the limit");
                assertTrue(raw.byteOffset() >= covered, "pieces in input order, without overlap");
                assertOnly(skippable, data, covered, raw.byteOffset());
                byte[] copy = raw.copy();
                for (int i = 0; i < copy.length; i++) {
                    assertEquals(data[(int) raw.byteOffset() + i], copy[i], "piece bytes are the input's");
                }
                covered = raw.byteOffset() + raw.length();
                out.add(new long[] {raw.byteOffset(), raw.length(), raw.defects(), 0});
                assertTrue(out.size() <= data.length, "framing ends");
            }
            assertOnly(skippable, data, covered, data.length);
        } catch (MarcException e) {
            out.add(new long[] {covered, -1, -1, 1}); // refused at the same place either way
        }
        return out;
    }

    private static void assertOnly(String skippable, byte[] data, long from, long to) {
        if (skippable == null) {
            return;
        }
        for (long i = from; i < to; i++) {
            char c = (char) (data[(int) i] & 0xFF);
            assertTrue(skippable.indexOf(c) >= 0, "byte " + i + " skipped between records is filler or a separator");
        }
    }

    /** A stream that returns at most {@code chunk} bytes per read. */
    private static final class ChunkedStream extends ByteArrayInputStream {
        private final int chunk;

        ChunkedStream(byte[] data, int chunk) {
            super(data);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
