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

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.codec.testing.Corpus;

/**
 * A bzip2 ISO 2709 file of about 5 MB of corpus records (one damaged file among them), so several 900k blocks,
 * read in compressed byte ranges (4 KiB ranges: most hold no block start): the ranges together give the
 * whole-file read's frames, in order, none twice, none lost.
 */
class BlockRangeFramerTest {
    private static final String[] SOURCES = {
        "mrrc/tests/data/fixtures/realistic.mrc",
        "marc4j/test/resources/pride-and-prejudice-with-many-errors.mrc",
        "solrmarc/test/data/records/uva_001_2000.mrc",
    };

    @TempDir
    static Path dir;
    private static Path bz2;
    private static final Configuration CONF = new Configuration();

    @BeforeAll
    static void compress() throws IOException {
        bz2 = dir.resolve("several-blocks.mrc.bz2");
        BZip2Codec codec = new BZip2Codec();
        codec.setConf(CONF);
        try (OutputStream out = codec.createOutputStream(Files.newOutputStream(bz2))) {
            for (String s : SOURCES) {
                Files.copy(Corpus.file(s), out);
            }
        }
    }

    @ParameterizedTest(name = "ranges of {0} compressed bytes")
    @ValueSource(ints = {4096, 65536, 262144, 1048576})
    void rangesTogetherGiveTheWholeFilesFramesInOrder(int rangeBytes) throws IOException {
        List<String> whole = whole();
        long size = Files.size(bz2);
        List<String> ranges = new ArrayList<>();
        List<Long> firstOffsets = new ArrayList<>();
        BZip2Codec codec = new BZip2Codec();
        codec.setConf(CONF);
        FileSystem fs = FileSystem.getLocal(CONF);
        for (long start = 0; start < size; start += rangeBytes) {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(bz2.toUri());
            try (BlockRangeFramer f = BlockRangeFramer.open(codec, fs.open(path), () -> fs.open(path), start,
                    Math.min(size, start + rangeBytes), size)) {
                RawRecord raw = new RawRecord();
                while (f.next(raw)) {
                    ranges.add(text(raw));
                    if (start == 0) {
                        firstOffsets.add(f.byteOffset(raw));
                    } else {
                        assertEquals(BlockRangeFramer.UNKNOWN_OFFSET, f.byteOffset(raw));
                    }
                }
            }
        }
        assertTrue(whole.size() > 4000, "records: " + whole.size());
        assertEquals(whole.size(), ranges.size());
        assertEquals(whole, ranges);
        assertEquals(wholeOffsets().subList(0, firstOffsets.size()), firstOffsets);
    }

    @Test
    void sparkReadsABzip2FileInSeveralPartitionsWithTheWholeFilesRecords() throws IOException {
        assertTrue(Files.size(bz2) > 4 * 65536, "compressed bytes: " + Files.size(bz2));
        Dataset<Row> df = TestSpark.session().read().format("marc").option("maxPartitionBytes", 65536)
                .load(bz2.toString());
        assertTrue(df.rdd().getNumPartitions() > 1, "partitions: " + df.rdd().getNumPartitions());
        assertEquals(whole().size(), df.count());
    }

    private static InputStream decompressed() throws IOException {
        BZip2Codec codec = new BZip2Codec();
        codec.setConf(CONF);
        return codec.createInputStream(Files.newInputStream(bz2));
    }

    private static List<String> whole() throws IOException {
        List<String> out = new ArrayList<>();
        try (RecordFramer framer = RecordFramer.of(decompressed())) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                out.add(text(raw));
            }
        }
        return out;
    }

    private static List<Long> wholeOffsets() throws IOException {
        List<Long> out = new ArrayList<>();
        try (RecordFramer framer = RecordFramer.of(decompressed())) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                out.add(raw.byteOffset());
            }
        }
        return out;
    }

    private static String text(RawRecord raw) {
        return raw.defects() + ":" + new String(raw.buffer(), raw.offset(), raw.length(), StandardCharsets.ISO_8859_1);
    }
}
