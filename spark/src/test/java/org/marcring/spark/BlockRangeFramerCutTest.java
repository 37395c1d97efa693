package org.marcring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marcring.codec.testing.Fixtures.bytes;
import static org.marcring.codec.testing.Fixtures.record;
import static org.marcring.codec.testing.Fixtures.withDeclaredLength;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.io.compress.bzip2.CBZip2OutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.iso2709.RangeFramer;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;

/**
 * bzip2 files of generated records in 100k blocks (about 7 blocks), with damaged records whose leader length lies
 * and ends on the terminator of a later record, so that read whole such a frame swallows the records after it,
 * and some of them cross the start of a later split. Read split by split, the splits must give exactly the frames
 * of the whole-file read as the codec's plain-file range reader frames it: the sequential read, with a frame
 * that crosses a split's first record cut there and flagged truncated, the next split framing on from that
 * record. The reference is computed apart from the code under test: each split's first block is found by
 * matching its first decompressed bytes in the file's bytes, and the frames are those of {@link RangeFramer}
 * over the decompressed bytes written as a plain file, cut at the same record starts.
 */
class BlockRangeFramerCutTest {
    private static final Configuration CONF = new Configuration();
    private static final int RECORDS = 1800;

    @TempDir
    Path dir;

    @Test
    void aLyingLengthCrossingTheNextSplitsFirstRecordIsCutThereAndThatRecordReadOnce() throws IOException {
        // every third record declares a length that ends on the terminator of the record two after it: read
        // whole, each such frame holds three records, so most split starts fall inside one
        List<byte[]> records = records(0);
        for (int i = 0; i + 2 < records.size(); i += 3) {
            records.set(i, spanning(records, i, 2));
        }
        Damaged file = write(records);
        long size = Files.size(file.bz2);
        for (long splitBytes : new long[] {size / 3 + 1, size / 7 + 1, size / 11 + 1, 4096}) {
            long[] starts = starts(size, splitBytes);
            List<String> expected = reference(file, starts);
            assertTrue(expected.stream().anyMatch(f -> f.startsWith(RawRecord.TRUNCATED + ":")),
                    "a damaged frame crosses a split's first record at splits of " + splitBytes + " bytes");
            assertNotEquals(withoutOffsets(sequential(file.plain)), withoutOffsets(expected));
            assertEquals(expected, splits(file, starts), "splits of " + splitBytes + " compressed bytes");
        }
    }

    @Test
    void splitsAtRandomCutsOfFilesWithRandomDamageGiveTheRangeReadersFrames() throws IOException {
        for (int seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            List<byte[]> records = records(seed);
            for (int i = 0; i < records.size(); i++) {
                int roll = random.nextInt(100);
                if (roll < 12 && i + 3 < records.size()) {
                    records.set(i, spanning(records, i, 1 + random.nextInt(3)));
                } else if (roll < 15) {
                    records.set(i, withDeclaredLength(records.get(i), 99_999));
                }
            }
            Damaged file = write(records);
            long size = Files.size(file.bz2);
            for (int cut = 0; cut < 3; cut++) {
                TreeSet<Long> points = new TreeSet<>();
                int n = 2 + random.nextInt(20);
                while (points.size() < n - 1) {
                    points.add(1 + (long) (random.nextDouble() * (size - 1)));
                }
                long[] starts = new long[n];
                int k = 1;
                for (long p : points) {
                    starts[k++] = p;
                }
                assertEquals(reference(file, starts), splits(file, starts), "seed " + seed + ", cuts " + points);
            }
        }
    }

    @Test
    void aFileOfConcatenatedBzip2StreamsSplitsAsOneStreamDoes() throws IOException {
        // parallel compressors (pbzip2) write one bzip2 stream per block, one after the other
        List<byte[]> records = records(5);
        for (int i = 1; i + 2 < records.size(); i += 7) {
            records.set(i, spanning(records, i, 2));
        }
        Damaged file = write(records, 70_000);
        long size = Files.size(file.bz2);
        boolean cut = false;
        for (long splitBytes : new long[] {size / 5 + 1, 4096, 1000}) {
            long[] starts = starts(size, splitBytes);
            List<String> expected = reference(file, starts);
            cut |= expected.stream().anyMatch(f -> f.startsWith(RawRecord.TRUNCATED + ":"));
            assertEquals(expected, splits(file, starts), "splits of " + splitBytes + " bytes");
        }
        assertTrue(cut, "a damaged frame crosses a split's first record");
    }

    @Test
    void sparkReadsTheDamagedFileInSplitsWithTheRangeReadersFrames() throws IOException {
        List<byte[]> records = records(0);
        for (int i = 0; i + 2 < records.size(); i += 3) {
            records.set(i, spanning(records, i, 2));
        }
        Damaged file = write(records);
        long size = Files.size(file.bz2);
        long splitBytes = 4096;
        List<String> expected = reference(file, starts(size, splitBytes));
        List<Row> rows = TestSpark.session().read().format("marc").option("maxPartitionBytes", splitBytes)
                .load(file.bz2.toString()).select("record_length").collectAsList();
        List<Integer> lengths = new ArrayList<>();
        rows.forEach(r -> lengths.add(r.getInt(0)));
        List<Integer> expectedLengths = new ArrayList<>();
        expected.forEach(f -> expectedLengths.add(Integer.parseInt(f.split(":", 3)[1])));
        lengths.sort(null);
        expectedLengths.sort(null);
        assertEquals(expectedLengths, lengths);
    }

    /** A file's records: its decompressed bytes, and those bytes in bzip2 with 100k blocks. */
    private static final class Damaged {
        final byte[] plain;
        final Path plainFile;
        final Path bz2;

        Damaged(byte[] plain, Path plainFile, Path bz2) {
            this.plain = plain;
            this.plainFile = plainFile;
            this.bz2 = bz2;
        }
    }

    private static List<byte[]> records(int seed) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int n = 0; n < RECORDS; n++) {
            out.add(bytes(record(n, 40 + random.nextInt(600))));
        }
        return out;
    }

    /** Record {@code i} declaring the length that ends on the terminator of record {@code i + more}. */
    private static byte[] spanning(List<byte[]> records, int i, int more) {
        int length = 0;
        for (int j = i; j <= i + more; j++) {
            length += records.get(j).length;
        }
        return withDeclaredLength(records.get(i), length);
    }

    private Damaged write(List<byte[]> records) throws IOException {
        return write(records, Integer.MAX_VALUE);
    }

    /** The records in bzip2 of 100k blocks, a new bzip2 stream every {@code streamBytes} bytes. */
    private Damaged write(List<byte[]> records, int streamBytes) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        records.forEach(all::writeBytes);
        byte[] plain = all.toByteArray();
        Path plainFile = Files.createTempFile(dir, "plain", ".mrc");
        Files.write(plainFile, plain);
        Path bz2 = Files.createTempFile(dir, "damaged", ".mrc.bz2");
        try (OutputStream out = Files.newOutputStream(bz2)) {
            for (int from = 0; from < plain.length; from += streamBytes) {
                ByteArrayOutputStream stream = new ByteArrayOutputStream();
                stream.write('B');
                stream.write('Z');
                try (CBZip2OutputStream blocks = new CBZip2OutputStream(stream, 1)) {
                    blocks.write(plain, from, Math.min(streamBytes, plain.length - from));
                }
                out.write(stream.toByteArray());
            }
        }
        return new Damaged(plain, plainFile, bz2);
    }

    private static long[] starts(long size, long splitBytes) {
        long[] starts = new long[(int) ((size + splitBytes - 1) / splitBytes)];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = k * splitBytes;
        }
        return starts;
    }

    /** The frames of the splits starting at {@code starts} (the first at 0), read by the code under test. */
    private static List<String> splits(Damaged file, long[] starts) throws IOException {
        BZip2Codec codec = codec();
        FileSystem fs = FileSystem.getLocal(CONF);
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.bz2.toUri());
        long size = Files.size(file.bz2);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < starts.length; k++) {
            long end = k + 1 < starts.length ? starts[k + 1] : size;
            try (BlockRangeFramer f = BlockRangeFramer.open(codec, fs.open(path), () -> fs.open(path), starts[k],
                    end, size)) {
                RawRecord raw = new RawRecord();
                while (f.next(raw)) {
                    out.add(frame(raw, k == 0 ? f.byteOffset(raw) : -1));
                }
            }
        }
        return out;
    }

    /**
     * The frames the splits must give: the plain-file range reader's over the decompressed bytes, in ranges that
     * start at each split's first record R: the first verified record start after a record terminator at or
     * after B, the first decompressed byte of the split's first block (a split with no block of its own has the
     * next split's first block, and so the same R).
     */
    private static List<String> reference(Damaged file, long[] starts) throws IOException {
        TreeSet<Long> cuts = new TreeSet<>();
        cuts.add(0L);
        for (int k = 1; k < starts.length; k++) {
            long b = firstBlockAt(file, starts[k]);
            if (b >= 0) {
                try (RecordFramer framer = RecordFramer.of(
                        concat(new byte[] {'?'}, Arrays.copyOfRange(file.plain, (int) b, file.plain.length)))) {
                    if (framer.skipToRecordStart()) {
                        cuts.add(b + framer.position() - 1);
                    }
                }
            }
        }
        cuts.add((long) file.plain.length);
        List<String> out = new ArrayList<>();
        Long from = null;
        for (long cut : cuts) {
            if (from != null) {
                boolean first = from == 0;
                try (RangeFramer range = RangeFramer.open(file.plainFile, from, cut)) {
                    RawRecord raw = new RawRecord();
                    while (range.next(raw)) {
                        out.add(frame(raw, first ? raw.byteOffset() : -1));
                    }
                }
            }
            from = cut;
        }
        return out;
    }

    /**
     * The decompressed offset of the first block a split starting at compressed offset {@code start} reads,
     * found by its first 4 KiB in the decompressed bytes; -1 if there is none.
     */
    private static long firstBlockAt(Damaged file, long start) throws IOException {
        FileSystem fs = FileSystem.getLocal(CONF);
        byte[] head = new byte[4096];
        int n = 0;
        try (SplitCompressionInputStream in = codec().createInputStream(
                fs.open(new org.apache.hadoop.fs.Path(file.bz2.toUri())), null, start, Long.MAX_VALUE,
                SplittableCompressionCodec.READ_MODE.BYBLOCK)) {
            byte[] one = new byte[1];
            while (n < head.length && in.read(one, 0, 1) == 1) {
                head[n++] = one[0];
            }
        }
        if (n == 0) {
            return -1;
        }
        String text = new String(file.plain, StandardCharsets.ISO_8859_1);
        String first = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(first);
        assertTrue(at >= 0 && text.lastIndexOf(first) == at, "the block's first bytes are found once");
        return at;
    }

    private static List<String> sequential(byte[] plain) {
        List<String> out = new ArrayList<>();
        try (RecordFramer framer = RecordFramer.of(plain)) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                out.add(frame(raw, raw.byteOffset()));
            }
        }
        return out;
    }

    private static List<String> withoutOffsets(List<String> frames) {
        List<String> out = new ArrayList<>();
        frames.forEach(f -> out.add(f.replaceFirst("^(\\d+:\\d+):-?\\d+:", "$1:")));
        return out;
    }

    private static String frame(RawRecord raw, long offset) {
        return raw.defects() + ":" + raw.length() + ":" + offset + ":"
                + new String(raw.buffer(), raw.offset(), raw.length(), StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static BZip2Codec codec() {
        BZip2Codec codec = new BZip2Codec();
        codec.setConf(CONF);
        return codec;
    }
}
