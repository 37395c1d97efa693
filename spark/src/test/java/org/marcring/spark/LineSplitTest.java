package org.marcring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.io.LineFramer;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;

/**
 * Without Spark: an NDJSON file cut at random into 2-50 byte ranges, each read as {@link LineSplit} bounds it
 * and framed by the codec's {@link LineFramer}, gives exactly the lines of the whole-file read (same offsets,
 * same bytes, same order, none twice).
 */
class LineSplitTest {

    @Test
    void randomCutsIntoRangesGiveExactlyTheWholeFilesLines(@TempDir Path dir) throws IOException {
        Path file = TextFixtures.ndjson(dir, "records.ndjson", 20);
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
        long size = Files.size(file);
        List<String> whole = frames(fs, path, 0, size, size);
        assertTrue(whole.size() > 2000, "lines: " + whole.size());
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            int pieces = 2 + random.nextInt(49);
            TreeSet<Long> cuts = new TreeSet<>();
            while (cuts.size() < pieces - 1) {
                // cuts near line ends as well as anywhere
                cuts.add(1 + (long) (random.nextDouble() * (size - 1)));
            }
            List<String> got = new ArrayList<>();
            long start = 0;
            for (long cut : cuts) {
                got.addAll(frames(fs, path, start, cut, size));
                start = cut;
            }
            got.addAll(frames(fs, path, start, size, size));
            assertEquals(whole, got, "cuts " + cuts);
        }
    }

    @Test
    void aCutRightAfterALineEndGivesThatLineToTheSplitBefore(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("three.ndjson");
        Files.write(file, "{\"a\":1}\n{\"b\":2}\n{\"c\":3}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
        long size = Files.size(file);
        // the line at 8 starts right at the cut: the split [0, 8) reads through it, [8, end) starts after it
        assertEquals(List.of("0:{\"a\":1}", "8:{\"b\":2}"), frames(fs, path, 0, 8, size));
        assertEquals(List.of("16:{\"c\":3}"), frames(fs, path, 8, size, size));
        assertEquals(List.of("0:{\"a\":1}"), frames(fs, path, 0, 7, size));
    }

    /** The lines the split [s, e) reads, as offset:text. */
    private static List<String> frames(FileSystem fs, org.apache.hadoop.fs.Path path, long s, long e, long size)
            throws IOException {
        List<String> out = new ArrayList<>();
        FSDataInputStream in = fs.open(path);
        long start = LineSplit.lineStart(in, s, size);
        long end = LineSplit.lineStart(in, e, size);
        InputStream range = new RangeStream(in, start, end);
        try (LineFramer framer = LineFramer.of(range, LineFramer.Framing.LINES, ReadOptions.defaults())) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                out.add((start + raw.byteOffset()) + ":" + new String(Arrays.copyOfRange(raw.buffer(), raw.offset(),
                        raw.offset() + raw.length()), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
