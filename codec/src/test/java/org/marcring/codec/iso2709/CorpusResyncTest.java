package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.testing.Corpus;
import org.marcring.codec.testing.Fixtures;
import org.marcring.codec.testing.Fixtures.Frame;

/**
 * A framer opened at an offset x of a corpus file lands on R(x), the first frame of the whole-file read at or
 * after x that is a verified record start (a record terminator and filler before it, a consistent leader and
 * directory), and from there yields exactly the whole-file read's frames. Checked at every 97th offset of every
 * ISO 2709 file of the corpus, and at the offsets where a leader-only check once landed inside a directory;
 * {@code -Dmarcring.resync.stride=1} (the {@code resync-every-offset} profile) checks every offset.
 */
class CorpusResyncTest {
    private static final int STRIDE = Integer.getInteger("marcring.resync.stride", 97);
    /** Frames compared after landing: enough to see a wrong start, few enough to check 100,000 offsets fast. */
    private static final int COMPARED = 3;

    static Stream<Corpus.Entry> iso2709Files() {
        return Corpus.entries(e -> e.isIso2709() && e.bytes > 30).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iso2709Files")
    void everySampledOffsetLandsOnTheNextVerifiedStartOfTheWholeRead(Corpus.Entry file) throws IOException {
        long size = Files.size(file.path);
        List<Long> offsets = new ArrayList<>();
        for (long x = 1 + Math.floorMod(file.relative.hashCode(), STRIDE); x < size; x += STRIDE) {
            offsets.add(x);
        }
        assertLandings(file.path, offsets);
    }

    @Test
    void offsetsWhereALeaderOnlyCheckLandedInsideADirectoryLandOnRecordStarts() throws IOException {
        assertLandings(Corpus.file("mrrc/tests/data/fixtures/realistic.mrc"), List.of(480_416L, 1_322_584L));
        assertLandings(Corpus.file("marc4j/test/resources/pride-and-prejudice-with-many-errors.mrc"),
                List.of(41_505L));
        assertLandings(Corpus.file("solrmarc/test/data/records/uva_001-200.mrc"), List.of(165_272L));
        assertLandings(Corpus.file("solrmarc/test/data/records/uva_001_2000.mrc"),
                List.of(165_269L, 734_275L, 1_124_171L, 1_280_087L, 1_330_383L));
    }

    private static void assertLandings(Path file, List<Long> offsets) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Frame> whole = Fixtures.frames(RecordFramer.open(file));
        long[] starts = verifiedFrameStarts(bytes, whole);
        long[] frameOffsets = whole.stream().mapToLong(f -> f.offset).toArray();
        for (long x : offsets) {
            int i = Arrays.binarySearch(starts, x);
            long expected = i >= 0 ? starts[i] : -i - 1 < starts.length ? starts[-i - 1] : bytes.length;
            try (RecordFramer framer = RecordFramer.open(FileChannel.open(file, StandardOpenOption.READ), x, 4096)) {
                assertEquals(expected, framer.position(), file + " from " + x);
                int k = Arrays.binarySearch(frameOffsets, expected);
                RawRecord raw = new RawRecord();
                for (int n = 0; n < COMPARED && (k >= 0 && k + n < whole.size()); n++) {
                    assertTrue(framer.next(raw), file + " from " + x + ": frame " + n + " missing");
                    Frame want = whole.get(k + n);
                    assertEquals(want.offset, raw.byteOffset(), file + " from " + x);
                    assertEquals(want.bytes.length, raw.length(), file + " from " + x);
                    assertEquals(want.defects, raw.defects(), file + " from " + x);
                }
            }
        }
    }

    /**
     * Offsets of the whole-file frames that are verified record starts, found from the frame list, not by
     * scanning: a verified start that is not a frame boundary of the whole read would fail the landing check.
     */
    static long[] verifiedFrameStarts(byte[] bytes, List<Frame> whole) {
        return whole.stream().mapToLong(f -> f.offset)
                .filter(p -> p > 0 && followsTerminator(bytes, (int) p) && isVerified(bytes, (int) p))
                .toArray();
    }

    private static boolean followsTerminator(byte[] bytes, int p) {
        for (int i = p - 1; i >= Math.max(0, p - RecordFramer.LOOK_BACK); i--) {
            if (!RecordStart.isFiller(bytes[i])) {
                return bytes[i] == RecordFramer.RT;
            }
        }
        return p <= RecordFramer.LOOK_BACK;
    }

    private static boolean isVerified(byte[] bytes, int p) {
        if (p + 24 > bytes.length) {
            return false;
        }
        int length = RecordStart.declaredLength(bytes, p);
        return length >= RecordFramer.MIN_RECORD && p + length <= bytes.length
                && RecordStart.isConsistentRecord(bytes, p, length);
    }
}
