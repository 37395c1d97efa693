package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marcring.codec.testing.Fixtures.ascii;
import static org.marcring.codec.testing.Fixtures.bytes;
import static org.marcring.codec.testing.Fixtures.concat;
import static org.marcring.codec.testing.Fixtures.frames;
import static org.marcring.codec.testing.Fixtures.record;
import static org.marcring.codec.testing.Fixtures.withDeclaredLength;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.testing.Fixtures;
import org.marcring.codec.testing.Fixtures.Frame;

/** The framer on hand-built bytes: every kind of damage real files hold, every source, and split reading. */
class RecordFramerTest {

    private static final byte[] A = bytes(record(1));
    private static final byte[] B = bytes(record(2, 300));
    private static final byte[] C = bytes(record(3, 50));

    @Test
    void cleanRecordsComeOutWithOrdinalsAndOffsets() {
        List<Frame> frames = frames(concat(A, B, C));
        assertEquals(3, frames.size());
        long offset = 0;
        byte[][] expected = {A, B, C};
        for (int i = 0; i < 3; i++) {
            Frame f = frames.get(i);
            assertEquals(i, f.ordinal);
            assertEquals(offset, f.offset);
            assertEquals(0, f.defects);
            assertEquals(expected[i].length, f.declared);
            assertArrayEquals(expected[i], f.bytes);
            offset += expected[i].length;
        }
    }

    @Test
    void emptyInputHasNoFrames() {
        assertEquals(List.of(), frames(new byte[0]).stream().map(Frame::toString).collect(Collectors.toList()));
        assertEquals(0, frames(ascii("\n\r\n \t\0\u001a")).size());
    }

    @Test
    void aLongRunOfZerosIsOneSkippedRegionNotSilence() throws IOException {
        byte[] zeros = new byte[200_000];
        byte[] input = concat(A, zeros, B);
        for (RecordFramer framer : List.of(RecordFramer.of(input),
                RecordFramer.of(new java.io.ByteArrayInputStream(input), 4096))) {
            RawRecord raw = new RawRecord();
            List<String> got = new ArrayList<>();
            while (framer.next(raw)) {
                got.add(raw.ordinal() + "@" + raw.byteOffset() + (raw.has(RawRecord.GARBAGE)
                        ? " garbage " + raw.spanLength() + " kept " + raw.length() : " record " + raw.length()));
            }
            assertEquals(List.of("0@0 record " + A.length,
                    "1@" + A.length + " garbage 200000 kept " + RecordFramer.OVERSIZED_HEAD,
                    "1@" + (A.length + 200_000) + " record " + B.length), got);
            assertEquals(1, framer.regionsSkipped());
            assertEquals(200_000, framer.bytesSkipped());
            assertEquals(2, framer.recordsFramed());
        }
    }

    @Test
    void anInputOfNothingButZerosIsReportedAsSkippedBytesInBoundedMemory() {
        long size = 50L << 20;
        java.io.InputStream zeros = new java.io.InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        RecordFramer framer = RecordFramer.of(zeros);
        RawRecord raw = new RawRecord();
        assertTrue(framer.next(raw));
        assertTrue(raw.has(RawRecord.GARBAGE));
        assertEquals(size, raw.spanLength());
        assertTrue(raw.describeDefects().startsWith(size + " bytes of padding"), raw.describeDefects());
        assertFalse(framer.next(raw));
        assertEquals(0, framer.recordsFramed());
    }

    @Test
    void shortPaddingAndBlankLinesBetweenRecordsStaySilent() {
        assertEquals(2, frames(concat(A, new byte[4096], B)).size(), "4 KiB of NUL padding");
        assertEquals(2, frames(concat(A, ascii("\r\n".repeat(40_000)), B)).size(), "80 KB of blank lines");
    }

    @Test
    void lengthTooShortIsOverruledByTheTerminator() {
        byte[] lying = withDeclaredLength(A, A.length - 10);
        List<Frame> frames = frames(concat(lying, B));
        assertEquals(2, frames.size());
        assertEquals(RawRecord.LENGTH_MISMATCH, frames.get(0).defects);
        assertEquals(A.length - 10, frames.get(0).declared);
        assertArrayEquals(lying, frames.get(0).bytes);
        assertEquals(0, frames.get(1).defects);
        assertEquals(A.length, frames.get(1).offset);
        assertArrayEquals(B, frames.get(1).bytes);
    }

    @Test
    void lengthTooLongIsOverruledByTheTerminator() {
        byte[] lying = withDeclaredLength(A, A.length + 10);
        List<Frame> frames = frames(concat(lying, B, C));
        assertEquals(3, frames.size());
        assertEquals(RawRecord.LENGTH_MISMATCH, frames.get(0).defects);
        assertArrayEquals(lying, frames.get(0).bytes);
        assertArrayEquals(B, frames.get(1).bytes);
        assertTrue(frames.get(1).defects == 0 && frames.get(2).defects == 0);
    }

    @Test
    void lengthPastTheEndOfTheInputIsOverruledByTheTerminator() {
        byte[] lying = withDeclaredLength(B, B.length + 5000);
        List<Frame> frames = frames(concat(A, lying));
        assertEquals(2, frames.size());
        assertEquals(RawRecord.LENGTH_MISMATCH, frames.get(1).defects);
        assertArrayEquals(lying, frames.get(1).bytes);
    }

    @Test
    void nonNumericLengthIsFlaggedAndTheRecordFoundByItsTerminator() {
        byte[] bad = A.clone();
        bad[2] = 'x';
        List<Frame> frames = frames(concat(bad, B));
        assertEquals(2, frames.size());
        assertEquals(RawRecord.LENGTH_NOT_NUMERIC, frames.get(0).defects);
        assertEquals(-1, frames.get(0).declared);
        assertArrayEquals(bad, frames.get(0).bytes);
        assertArrayEquals(B, frames.get(1).bytes);
    }

    @Test
    void finalRecordCutByTheEndOfInputIsTruncatedNotDropped() {
        for (int cut = 1; cut < B.length; cut += 7) {
            byte[] input = concat(A, Arrays.copyOf(B, cut));
            List<Frame> frames = frames(input);
            assertEquals(2, frames.size(), "cut at " + cut);
            Frame last = frames.get(1);
            assertTrue(last.has(RawRecord.TRUNCATED), "cut at " + cut + ": " + last);
            assertEquals(A.length, last.offset);
            assertArrayEquals(Arrays.copyOf(B, cut), last.bytes, "cut at " + cut);
            assertEquals(cut >= 5 ? B.length : -1, last.declared, "cut at " + cut);
        }
    }

    @Test
    void recordCutShortInTheMiddleOfTheInputDoesNotSwallowTheNextRecord() {
        // a transfer that broke off inside A, followed by a whole record B: A's length runs into B
        byte[] cutA = Arrays.copyOf(A, A.length - 30);
        List<Frame> frames = frames(concat(cutA, B, C));
        assertEquals(3, frames.size(), frames.toString());
        assertArrayEquals(cutA, frames.get(0).bytes);
        assertTrue(frames.get(0).has(RawRecord.TRUNCATED), frames.get(0).toString());
        assertArrayEquals(B, frames.get(1).bytes);
        assertEquals(0, frames.get(1).defects);
        assertEquals(cutA.length, frames.get(1).offset);
        assertArrayEquals(C, frames.get(2).bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "  \t", "\0\0\0\0", "\u001a", "\n\u001a\0 "})
    void fillBetweenAndAroundRecordsIsSkipped(String fill) {
        byte[] f = ascii(fill);
        byte[] input = concat(f, A, f, B, f, C, f);
        List<Frame> frames = frames(input);
        assertEquals(3, frames.size());
        assertEquals(f.length, frames.get(0).offset);
        assertEquals(2L * f.length + A.length, frames.get(1).offset);
        assertEquals(3L * f.length + A.length + B.length, frames.get(2).offset);
        assertTrue(frames.stream().allMatch(x -> x.defects == 0));
        assertArrayEquals(C, frames.get(2).bytes);
    }

    @Test
    void leadingNulFillIsSkipped() {
        byte[] input = concat(new byte[512], A);
        List<Frame> frames = frames(input);
        assertEquals(1, frames.size());
        assertEquals(512, frames.get(0).offset);
        assertEquals(0, frames.get(0).defects);
    }

    @Test
    void garbageBetweenRecordsComesOutAsOneGarbageFrameWithItsBytes() {
        byte[] junk = ascii("<html>not a record</html>");
        List<Frame> frames = frames(concat(A, junk, B));
        assertEquals(3, frames.size());
        assertEquals(RawRecord.GARBAGE, frames.get(1).defects);
        assertEquals(A.length, frames.get(1).offset);
        assertArrayEquals(junk, frames.get(1).bytes);
        assertEquals(A.length + junk.length, frames.get(2).offset);
        assertArrayEquals(B, frames.get(2).bytes);
        assertEquals(0, frames.get(2).defects);
    }

    @Test
    void garbageAtTheEndOfTheInputIsReported() {
        byte[] junk = ascii("trailing junk");
        List<Frame> frames = frames(concat(A, junk));
        assertEquals(2, frames.size());
        assertArrayEquals(junk, frames.get(1).bytes);
        assertTrue(frames.get(1).defects != 0);
    }

    @Test
    void strayTerminatorBetweenRecordsIsReportedNotLost() {
        List<Frame> frames = frames(concat(A, new byte[] {RecordFramer.RT}, B));
        assertEquals(3, frames.size());
        assertEquals(RawRecord.GARBAGE, frames.get(1).defects);
        assertEquals(1, frames.get(1).bytes.length);
        assertArrayEquals(B, frames.get(2).bytes);
    }

    /** A record of more than 99,999 bytes, written with a record length of zeros. */
    private static byte[] oversizeRecord() {
        MarcRecord.Builder b = MarcRecord.builder().controlField("001", "big");
        String value = "x".repeat(9000);
        for (int i = 0; i < 12; i++) {
            b.addField(DataField.of("500", ' ', ' ', "a", value));
        }
        return new Iso2709Encoder(org.marcring.codec.text.Utf8Text.INSTANCE,
                org.marcring.codec.text.ProblemSink.IGNORE, true).encode(b.build());
    }

    @Test
    void recordOver99999BytesWithZeroLengthIsFoundByItsTerminator() {
        byte[] big = oversizeRecord();
        assertTrue(big.length > 99_999);
        assertEquals("00000", new String(big, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        List<Frame> frames = frames(concat(A, big, B));
        assertEquals(3, frames.size());
        assertEquals(RawRecord.LENGTH_MISMATCH, frames.get(1).defects);
        assertEquals(0, frames.get(1).declared);
        assertArrayEquals(big, frames.get(1).bytes);
        assertArrayEquals(B, frames.get(2).bytes);
    }

    @Test
    void recordOver99999BytesWithAWrongLengthIsFoundByItsTerminator() {
        byte[] big = withDeclaredLength(oversizeRecord(), 99_999);
        List<Frame> frames = frames(concat(big, A));
        assertEquals(2, frames.size());
        assertEquals(RawRecord.LENGTH_MISMATCH, frames.get(0).defects);
        assertEquals(99_999, frames.get(0).declared);
        assertArrayEquals(big, frames.get(0).bytes);
        assertArrayEquals(A, frames.get(1).bytes);
    }

    @Test
    void runWithoutTerminatorComesOutAsOneOversizedRecordEndingAtTheNextTerminator() {
        byte[] run = new byte[2500];
        Arrays.fill(run, (byte) 'x');
        run[2499] = RecordFramer.RT;
        List<Frame> frames = frames(RecordFramer.of(concat(run, A)).maxRecordBytes(1000));
        assertEquals(2, frames.size());
        assertEquals(RawRecord.OVERSIZED, frames.get(0).defects);
        assertEquals(1000, frames.get(0).bytes.length);
        assertEquals(2500, frames.get(0).span);
        assertArrayEquals(A, frames.get(1).bytes);
        assertEquals(2500, frames.get(1).offset);
        assertEquals(0, frames.get(1).defects);
    }

    @Test
    void oversizedRunEndsWhereAWholeRecordEndingAtItsTerminatorStarts() {
        byte[] run = new byte[2500];
        Arrays.fill(run, (byte) '9');
        // the run has no terminator of its own: the next one is A's, and A is framed whole after the run
        for (int chunk : new int[] {64, 100, 4096}) {
            List<Frame> frames = frames(RecordFramer.of(new ByteArrayInputStream(concat(run, A, B)), chunk)
                    .maxRecordBytes(1000));
            assertEquals(3, frames.size(), "chunk " + chunk);
            assertEquals(RawRecord.OVERSIZED, frames.get(0).defects);
            assertEquals(2500, frames.get(0).span);
            assertArrayEquals(Arrays.copyOf(run, 1000), frames.get(0).bytes);
            assertArrayEquals(A, frames.get(1).bytes);
            assertEquals(2500, frames.get(1).offset);
            assertArrayEquals(B, frames.get(2).bytes);
        }
    }

    @Test
    void oversizedRunKeepsOnlyItsHead() {
        byte[] run = new byte[3 * RecordFramer.OVERSIZED_HEAD];
        Arrays.fill(run, (byte) '9');
        List<Frame> frames = frames(RecordFramer.of(run).maxRecordBytes(RecordFramer.OVERSIZED_HEAD + 100));
        assertEquals(1, frames.size());
        assertEquals(RecordFramer.OVERSIZED_HEAD, frames.get(0).bytes.length);
        assertEquals(run.length, frames.get(0).span);
    }

    @Test
    void endlessRunFromAStreamIsOneRecordInBoundedMemory() {
        long total = 40L << 20; // 40 MiB of bytes that hold no terminator
        InputStream endless = new InputStream() {
            long left = total;

            @Override
            public int read() {
                return left-- > 0 ? '9' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) '9');
                left -= n;
                return n;
            }
        };
        int limit = 64 * 1024;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            List<RawRecord> seen = new ArrayList<>();
            try (RecordFramer framer = RecordFramer.of(endless).maxRecordBytes(limit)) {
                RawRecord raw = new RawRecord();
                while (framer.next(raw)) {
                    assertTrue(raw.length() <= limit);
                    assertEquals(0, raw.byteOffset());
                    assertEquals(total, raw.spanLength());
                    assertEquals(RawRecord.OVERSIZED, raw.defects());
                    seen.add(raw);
                }
                assertEquals(total, framer.position());
            }
            assertEquals(1, seen.size());
        });
    }

    // ---------------------------------------------------------------- sources

    /** A mixed input: clean records, fill, a lying length, garbage, a record cut at the end. */
    private static byte[] mixedInput() {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] r = bytes(record(i, 10 + i * 37 % 500));
            if (i % 9 == 4) {
                r = withDeclaredLength(r, r.length + 3);
            }
            parts.add(r);
            if (i % 5 == 2) {
                parts.add(ascii("\r\n"));
            }
            if (i == 17) {
                parts.add(ascii("?? junk ??"));
            }
        }
        byte[] last = bytes(record(99, 200));
        parts.add(Arrays.copyOf(last, last.length / 2));
        return concat(parts.toArray(new byte[0][]));
    }

    private static List<String> describe(List<Frame> frames) {
        return frames.stream().map(Frame::toString).collect(Collectors.toList());
    }

    @Test
    void streamThatReturnsFewBytesPerReadGivesTheSameFrames() {
        byte[] input = mixedInput();
        List<String> expected = describe(frames(input));
        assertEquals(40 + 1 + 1, expected.size());
        Random random = new Random(42);
        for (int trial = 0; trial < 400; trial++) {
            // small buffers and reads put record starts (and their 5 length digits) across buffer ends
            int maxRead = 1 + random.nextInt(trial < 50 ? 8 : 400);
            int chunk = 1 + random.nextInt(200);
            long seed = random.nextLong();
            InputStream chunky = new ChunkyInputStream(input, maxRead, seed);
            List<String> actual = describe(frames(RecordFramer.of(chunky, chunk)));
            assertEquals(expected, actual, "chunk " + chunk + ", reads of at most " + maxRead + " bytes, seed " + seed);
        }
        assertEquals(expected, describe(frames(RecordFramer.of(new ChunkyInputStream(input, 3, 1)))));
    }

    @Test
    void byteBufferSourcesGiveTheSameFrames() {
        byte[] input = mixedInput();
        List<String> expected = describe(frames(input));
        ByteBuffer heap = ByteBuffer.wrap(concat(ascii("PREFIX"), input)).position(6);
        assertEquals(expected, describe(frames(RecordFramer.of(heap.slice()))));
        heap.position(6);
        assertEquals(expected, describe(frames(RecordFramer.of(heap))));
        ByteBuffer direct = ByteBuffer.allocateDirect(input.length);
        direct.put(input).flip();
        assertEquals(expected, describe(frames(RecordFramer.of(direct))));
        byte[] padded = concat(ascii("0123"), input, ascii("9999"));
        assertEquals(expected, describe(frames(RecordFramer.of(padded, 4, input.length))));
    }

    @Test
    void channelSourceGivesTheSameFrames() {
        byte[] input = mixedInput();
        List<String> expected = describe(frames(input));
        assertEquals(expected, describe(frames(RecordFramer.of(
                Channels.newChannel(new ChunkyInputStream(input, 50, 7)), 64))));
        assertEquals(expected, describe(frames(RecordFramer.of(
                Channels.newChannel(new ByteArrayInputStream(input))))));
    }

    @Test
    void positionAndRecordsFramedFollowTheInput() {
        byte[] input = concat(A, ascii("\n"), B);
        try (RecordFramer framer = RecordFramer.of(input)) {
            RawRecord raw = new RawRecord();
            assertEquals(0, framer.position());
            assertTrue(framer.next(raw));
            assertEquals(A.length, framer.position());
            assertTrue(framer.next(raw));
            assertEquals(input.length, framer.position());
            assertEquals(2, framer.recordsFramed());
            assertFalse(framer.next(raw));
            assertFalse(framer.next(raw));
        }
    }

    // ---------------------------------------------------------------- split reading

    @Test
    void openAtARecordStartReadsFromThere(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.mrc");
        Files.write(file, concat(A, B, C));
        List<Frame> frames = frames(RecordFramer.open(file, A.length));
        assertEquals(2, frames.size());
        assertEquals(A.length, frames.get(0).offset);
        assertArrayEquals(B, frames.get(0).bytes);
    }

    @Test
    void openInsideARecordSkipsToTheNextRecordStart(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.mrc");
        Files.write(file, concat(A, ascii("\n"), B, C));
        for (long start = 1; start <= A.length + 1; start++) {
            List<Frame> frames = frames(RecordFramer.open(file, start));
            assertEquals(2, frames.size(), "from " + start);
            assertEquals(A.length + 1, frames.get(0).offset, "from " + start);
            assertArrayEquals(B, frames.get(0).bytes);
        }
    }

    @Test
    void openPastTheLastRecordFindsNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.mrc");
        Files.write(file, concat(A, B));
        assertEquals(0, frames(RecordFramer.open(file, A.length + 1)).size());
        assertEquals(0, frames(RecordFramer.open(file, A.length + B.length)).size());
    }

    @Test
    void readingRandomRangesGivesExactlyTheWholeFilesRecords(@TempDir Path dir) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            parts.add(bytes(record(i, 5 + random.nextInt(random.nextInt(10) == 0 ? 3000 : 200))));
            if (random.nextInt(10) == 0) {
                parts.add(ascii(random.nextBoolean() ? "\n" : "\r\n"));
            }
        }
        byte[] input = concat(parts.toArray(new byte[0][]));
        Path file = dir.resolve("big.mrc");
        Files.write(file, input);
        List<String> whole = describeOffsets(frames(RecordFramer.open(file)));
        assertEquals(300, whole.size());
        assertRangesGiveTheWhole(file, whole, random, 25);
    }

    @Test
    void readingRandomRangesOfADamagedFileGivesExactlyTheWholeFilesFrames(@TempDir Path dir) throws IOException {
        // lying lengths, garbage, a record cut short mid-stream and one at the end: frames that cannot be
        // verified as record starts, which a range must still read up to where the next range starts
        List<byte[]> parts = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 120; i++) {
            byte[] r = bytes(record(i, 5 + random.nextInt(300)));
            switch (random.nextInt(8)) {
                case 0: r = withDeclaredLength(r, r.length + 1 + random.nextInt(50)); break;
                case 1: r = withDeclaredLength(r, random.nextInt(r.length)); break;
                case 2: parts.add(ascii("junk " + i)); break;
                case 3: r = Arrays.copyOf(r, r.length / 2); break;
                default: break;
            }
            parts.add(r);
        }
        byte[] last = bytes(record(999, 100));
        parts.add(Arrays.copyOf(last, 60));
        Path file = dir.resolve("damaged.mrc");
        Files.write(file, concat(parts.toArray(new byte[0][])));
        List<String> whole = describeOffsets(frames(RecordFramer.open(file)));
        assertTrue(whole.size() >= 120, "frames: " + whole.size());
        assertRangesGiveTheWhole(file, whole, random, 40);
    }

    static void assertRangesGiveTheWhole(Path file, List<String> whole, Random random, int trials) throws IOException {
        long size = Files.size(file);
        for (int trial = 0; trial < trials; trial++) {
            int ranges = 2 + random.nextInt(49);
            long[] cuts = new long[ranges + 1];
            for (int i = 1; i < ranges; i++) {
                cuts[i] = (long) (random.nextDouble() * size);
            }
            cuts[ranges] = size;
            Arrays.sort(cuts);
            List<String> joined = new ArrayList<>();
            for (int i = 0; i < ranges; i++) {
                joined.addAll(readRange(file, cuts[i], cuts[i + 1]));
            }
            assertEquals(whole, joined, "ranges " + Arrays.toString(cuts));
        }
    }

    /** The frames of the range {@code [start, end)}, read by a {@link RangeFramer}. */
    static List<String> readRange(Path file, long start, long end) throws IOException {
        List<String> found = new ArrayList<>();
        try (RangeFramer range = RangeFramer.open(file, start, end)) {
            RawRecord raw = new RawRecord();
            while (range.next(raw)) {
                found.add(raw.byteOffset() + ":" + raw.length() + ":" + raw.defects());
            }
        }
        return found;
    }

    private static List<String> describeOffsets(List<Frame> frames) {
        return frames.stream().map(f -> f.offset + ":" + f.bytes.length + ":" + f.defects).collect(Collectors.toList());
    }

    /** Returns between 1 and {@code maxRead} bytes per read, at random. */
    static final class ChunkyInputStream extends InputStream {
        private final byte[] data;
        private final int maxRead;
        private final Random random;
        private int pos;

        ChunkyInputStream(byte[] data, int maxRead, long seed) {
            this.data = data;
            this.maxRead = maxRead;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(maxRead)), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void rawRecordDescribesItsDefects() {
        RawRecord raw = new RawRecord(A, 0, A.length, 3, 100);
        assertTrue(raw.isClean());
        assertEquals("", raw.describeDefects());
        assertEquals("RawRecord[#3 @100, " + A.length + " bytes]", raw.toString());
        raw.set(A, 0, 80, 4, 200, RawRecord.LENGTH_MISMATCH, 90);
        assertEquals("leader record length 90 but the record terminator is at byte 79 (length 80)",
                raw.describeDefects());
        raw.set(A, 0, 7, 5, 300, RawRecord.GARBAGE, -1);
        assertEquals("7 bytes between records that hold no record", raw.describeDefects());
        raw.set(A, 0, 70, 6, 400, RawRecord.TRUNCATED | RawRecord.LENGTH_NOT_NUMERIC, -1);
        assertEquals("leader record length is not a number; record found by its terminator; "
                + "record cut short after 70 bytes, before the record terminator", raw.describeDefects());
        assertTrue(raw.has(RawRecord.TRUNCATED) && !raw.has(RawRecord.OVERSIZED));
        raw.set(A, 0, 64, 7, 500, RawRecord.OVERSIZED, 12345);
        assertEquals("no record terminator within the record size limit: a run of 64 bytes from input byte 500 to 564"
                + " was skipped (its first 64 bytes kept)", raw.describeDefects());
        assertArrayEquals(Arrays.copyOf(A, 64), raw.copy());
        assertEquals(12345, raw.declaredLength());
    }

    @Test
    void fixturesAreWhatTheTestsAssume() {
        assertEquals(A.length, Fixtures.frames(A).get(0).declared);
        assertTrue(B.length > 300 && C.length > 50);
    }
}
