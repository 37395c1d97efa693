package org.marcring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.bzip2.CBZip2OutputStream;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.LineRecordReader;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.io.LineFramer;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;

/**
 * An irregular NDJSON file of corpus records (blank lines, CRLF, damaged lines, no last line end) in bzip2 with
 * 100k blocks, so some 30 blocks: cut at random into 2-50 compressed byte ranges, each read as
 * {@link BlockLineStream} bounds it and framed by the codec's {@link LineFramer}, the ranges give exactly the
 * lines of the whole-file read (same bytes, same order, none twice, none lost; the first range's offsets too),
 * and each range exactly the lines Hadoop's own {@code LineRecordReader} reads for that split.
 */
class BlockLineStreamTest {
    private static final Configuration CONF = new Configuration();

    @TempDir
    static Path dir;
    private static Path plain;
    private static Path bz2;

    @BeforeAll
    static void compress() throws IOException {
        plain = TextFixtures.ndjson(dir, "records.ndjson", 11);
        bz2 = dir.resolve("records.ndjson.bz2");
        try (OutputStream out = Files.newOutputStream(bz2)) {
            out.write('B');
            out.write('Z');
            try (CBZip2OutputStream blocks = new CBZip2OutputStream(out, 1)) {
                Files.copy(plain, blocks);
            }
        }
    }

    @Test
    void randomCutsIntoCompressedRangesGiveExactlyTheWholeFilesLines() throws IOException {
        List<String> whole;
        try (InputStream in = Files.newInputStream(plain)) {
            whole = lines(in, true);
        }
        assertTrue(whole.size() > 2000, "lines: " + whole.size());
        assertTrue(Files.size(plain) > 20 * 100_000, "blocks: " + Files.size(plain) / 100_000);
        long size = Files.size(bz2);
        Random random = new Random(5);
        for (int round = 0; round < 12; round++) {
            int pieces = 2 + random.nextInt(49);
            TreeSet<Long> cuts = new TreeSet<>();
            while (cuts.size() < pieces - 1) {
                cuts.add(1 + (long) (random.nextDouble() * (size - 1)));
            }
            cuts.add(size);
            List<String> got = new ArrayList<>();
            long start = 0;
            for (long cut : cuts) {
                List<String> lines = range(start, cut);
                if (start == 0) {
                    assertEquals(whole.subList(0, lines.size()), lines, "the first range's offsets");
                }
                got.addAll(lines);
                start = cut;
            }
            assertEquals(withoutOffsets(whole), withoutOffsets(got), "cuts " + cuts);
        }
    }

    @Test
    void eachRangeHoldsTheLinesHadoopsLineRecordReaderGivesThatSplit() throws IOException {
        long size = Files.size(bz2);
        Random random = new Random(9);
        JobConf job = new JobConf(CONF);
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(bz2.toUri());
        for (int round = 0; round < 4; round++) {
            TreeSet<Long> cuts = new TreeSet<>();
            while (cuts.size() < 12) {
                cuts.add(1 + (long) (random.nextDouble() * (size - 1)));
            }
            cuts.add(size);
            long start = 0;
            for (long cut : cuts) {
                List<String> hadoop = new ArrayList<>();
                LineRecordReader reader = new LineRecordReader(job,
                        new org.apache.hadoop.mapred.FileSplit(path, start, cut - start, new String[0]));
                try {
                    LongWritable key = reader.createKey();
                    Text value = reader.createValue();
                    while (reader.next(key, value)) {
                        hadoop.add(value.toString());
                    }
                } finally {
                    reader.close();
                }
                assertEquals(hadoop, rangeLines(start, cut), "range [" + start + ", " + cut + ")");
                start = cut;
            }
        }
    }

    /** The bytes of the compressed range [s, e) as lines without their line ends (LF or CRLF). */
    private static List<String> rangeLines(long s, long e) throws IOException {
        BZip2Codec codec = new BZip2Codec();
        codec.setConf(CONF);
        FileSystem fs = FileSystem.getLocal(CONF);
        byte[] bytes;
        try (InputStream in = BlockLineStream.open(codec, fs.open(new org.apache.hadoop.fs.Path(bz2.toUri())), s,
                e)) {
            bytes = in.readAllBytes();
        }
        List<String> out = new ArrayList<>();
        if (bytes.length == 0) {
            return out;
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        int n = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            out.add(lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i]);
        }
        return out;
    }

    @Test
    void sparkReadsABzip2NdjsonFileInSeveralPartitionsWithTheUncompressedFilesRows() {
        long splitBytes = 16384;
        org.apache.spark.sql.Dataset<Row> compressed = TestSpark.session().read().format("marc")
                .option("maxPartitionBytes", splitBytes).load(bz2.toString());
        assertTrue(compressed.rdd().getNumPartitions() > 4, "partitions: " + compressed.rdd().getNumPartitions());
        assertEquals(sorted(TestSpark.session().read().format("marc").load(plain.toString())), sorted(compressed));
    }

    private static List<String> sorted(org.apache.spark.sql.Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        df.selectExpr("coalesce(leader, '')", "record_length", "size(errors)").collectAsList()
                .forEach(r -> out.add(r.getString(0) + "/" + r.getInt(1) + "/" + r.getInt(2)));
        out.sort(null);
        return out;
    }

    /** The lines of the compressed range [s, e), as offset:text (offset -1 after the first range). */
    private static List<String> range(long s, long e) throws IOException {
        BZip2Codec codec = new BZip2Codec();
        codec.setConf(CONF);
        FileSystem fs = FileSystem.getLocal(CONF);
        return lines(BlockLineStream.open(codec, fs.open(new org.apache.hadoop.fs.Path(bz2.toUri())), s, e), s == 0);
    }

    private static List<String> withoutOffsets(List<String> lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.substring(l.indexOf(':') + 1)));
        return out;
    }

    private static List<String> lines(InputStream in, boolean offsets) {
        List<String> out = new ArrayList<>();
        try (LineFramer framer = LineFramer.of(in, LineFramer.Framing.LINES, ReadOptions.defaults())) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                out.add((offsets ? raw.byteOffset() : -1) + ":" + raw.defects() + ":"
                        + new String(raw.buffer(), raw.offset(), raw.length(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
