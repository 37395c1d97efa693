package org.marcring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.testing.Corpus;

/**
 * {@code df.write.format("marc")}: read, written in each output format and read back (by the codec for each
 * format, by the source itself for ISO 2709) gives the records read at first; save modes apply.
 */
class MarcWriteTest {
    private static final String FILE = "solrmarc/test/data/records/uva_001_2000.mrc";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"iso2709", "marcxml", "json", "ndjson"})
    void readWriteReadIsTheIdentity(String format, @TempDir Path dir) throws IOException {
        Path file = Corpus.file(FILE);
        List<String> original = sortedRecords(List.of(file), MarcFormat.ISO2709);
        Dataset<Row> df = TestSpark.session().read().format("marc").option("maxPartitionBytes", 1 << 20)
                .load(file.toString());
        Path out = dir.resolve("out");
        df.write().format("marc").option("format", format).save(out.toString());
        List<Path> parts = parts(out);
        assertTrue(parts.size() >= 2, "one file per partition: " + parts);
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "Spark's commit protocol ran");
        assertEquals(original, sortedRecords(parts, MarcFormat.of(format)));
        if (format.equals("iso2709")) {
            String[] record = {"concat(substring(leader, 6, 4), substring(leader, 11, 2), substring(leader, 18))",
                "control_fields", "data_fields"};
            List<String> again = TestSpark.session().read().format("marc").load(out.toString())
                    .selectExpr(record).collectAsList().stream().map(Row::toString).sorted()
                    .collect(Collectors.toList());
            List<String> first = df.selectExpr(record).collectAsList().stream().map(Row::toString).sorted()
                    .collect(Collectors.toList());
            assertEquals(first, again);
        }
    }

    @Test
    void marc8OutputReadsBackAsTheSameRecords(@TempDir Path dir) throws IOException {
        Path file = Corpus.file(FILE);
        Path out = dir.resolve("marc8");
        TestSpark.session().read().format("marc").load(file.toString())
                .write().format("marc").option("encoding", "marc8").save(out.toString());
        List<Path> parts = parts(out);
        for (Path p : parts) {
            byte[] b = Files.readAllBytes(p);
            assertEquals(' ', (char) b[9], p + ": leader/09 says MARC-8");
        }
        assertEquals(sortedRecords(List.of(file), MarcFormat.ISO2709), sortedRecords(parts, MarcFormat.ISO2709));
    }

    @Test
    void saveModesApply(@TempDir Path dir) {
        Path file = Corpus.file(FILE);
        Dataset<Row> df = TestSpark.session().read().format("marc").load(file.toString()).limit(10);
        String out = dir.resolve("modes").toString();
        df.write().format("marc").save(out);
        assertThrows(Exception.class, () -> df.write().format("marc").save(out));
        df.write().format("marc").mode(SaveMode.Append).save(out);
        assertEquals(20, TestSpark.session().read().format("marc").load(out).count());
        df.write().format("marc").mode(SaveMode.Overwrite).save(out);
        assertEquals(10, TestSpark.session().read().format("marc").load(out).count());
    }

    @Test
    void partitionByWritesOneDirectoryPerValueWithTheRecordsOfThatValue(@TempDir Path dir) throws IOException {
        Path file = Corpus.file(FILE);
        Dataset<Row> df = TestSpark.session().read().format("marc").load(file.toString())
                .selectExpr("*", "substring(leader, 8, 1) AS level");
        Path out = dir.resolve("by-level");
        df.write().format("marc").partitionBy("level").save(out.toString());
        List<Row> levels = df.groupBy("level").count().collectAsList();
        assertTrue(levels.size() >= 2, "levels: " + levels);
        for (Row level : levels) {
            Path sub = out.resolve("level=" + level.getString(0));
            List<Path> parts = parts(sub);
            long records = 0;
            for (Path p : parts) {
                try (MarcReader reader = MarcFormats.openReader(p, MarcFormat.ISO2709, ReadOptions.defaults())) {
                    while (reader.hasNext()) {
                        assertEquals(level.getString(0).charAt(0), reader.next().leader().bibliographicLevel(), p.toString());
                        records++;
                    }
                }
            }
            assertEquals(level.getLong(1), records, sub.toString());
        }
    }

    private static List<Path> parts(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** The records of the files, each as its leader and fields, sorted (part files hold partitions in any order). */
    private static List<String> sortedRecords(List<Path> files, MarcFormat format) {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            try (MarcReader reader = MarcFormats.openReader(f, format, ReadOptions.defaults())) {
                while (reader.hasNext()) {
                    MarcRecord r = reader.next();
                    // the record length, leader/09 (the coding of the bytes) and the base address depend on the
                    // output, not on the record
                    String l = r.leader().toString();
                    out.add(l.substring(5, 9) + l.substring(10, 12) + l.substring(17) + r.fields());
                }
            }
        }
        out.sort(null);
        return out;
    }
}
