package org.marcring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.SequentialReader;
import org.marcring.codec.json.MarcJsonEncoder;
import org.marcring.codec.json.MarcJsonReader;
import org.marcring.codec.testing.Corpus;
import org.marcring.codec.xml.MarcXmlReader;

/**
 * {@code spark.read.format("marc")} of the text formats against the codec's sequential readers of the same
 * files: NDJSON split by lines at several split sizes, damaged lines kept as corrupt rows, the format by file
 * extension or by option; MARCXML (namespace prefix declared on the collection) and MARC-in-JSON arrays read
 * whole by one task.
 */
class MarcTextSourceTest {

    @Test
    void ndjsonSplitReadsGiveTheCodecsSequentialRecordsAtEverySplitSize(@TempDir Path dir) throws IOException {
        Path file = TextFixtures.ndjson(dir, "records.ndjson", 3);
        Sequential want = sequential(file, MarcJsonReader::openLines);
        assertTrue(want.rejected > 0, "the fixture has damaged lines");
        for (long splitBytes : new long[] {32768, 200_000}) {
            Dataset<Row> df = TestSpark.session().read().format("marc")
                    .option("maxPartitionBytes", splitBytes).load(file.toString());
            assertTrue(df.rdd().getNumPartitions() >= Files.size(file) / splitBytes,
                    "partitions: " + df.rdd().getNumPartitions());
            Rows got = rows(df);
            assertEquals(want.records, got.records, "split size " + splitBytes);
            assertEquals(want.rejected, got.corrupt, "split size " + splitBytes);
            assertEquals(got.offsets.size(), got.offsets.stream().distinct().count(), "no offset twice");
        }
    }

    @Test
    void theFormatFollowsTheExtensionOrTheFormatOption(@TempDir Path dir) throws IOException {
        Path jsonl = TextFixtures.ndjson(dir, "records.jsonl", 4);
        Path txt = Files.copy(jsonl, dir.resolve("records.txt"));
        Sequential want = sequential(jsonl, MarcJsonReader::openLines);
        assertEquals(want.records, rows(TestSpark.session().read().format("marc")
                .option("maxPartitionBytes", 65536).load(jsonl.toString())).records);
        assertEquals(want.records, rows(TestSpark.session().read().format("marc").option("format", "ndjson")
                .option("maxPartitionBytes", 65536).load(txt.toString())).records);
        Path gz = dir.resolve("records.jsonl.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(jsonl, out);
        }
        Dataset<Row> compressed = TestSpark.session().read().format("marc").option("maxPartitionBytes", 65536)
                .load(gz.toString());
        assertEquals(1, compressed.rdd().getNumPartitions());
        assertEquals(want.records, rows(compressed).records);
    }

    @Test
    void dropMalformedLeavesOutTheDamagedLines(@TempDir Path dir) throws IOException {
        Path file = TextFixtures.ndjson(dir, "records.ndjson", 5);
        Sequential want = sequential(file, MarcJsonReader::openLines);
        long clean = want.records.stream().filter(s -> s.endsWith("|0")).count();
        assertEquals(clean, TestSpark.session().read().format("marc").option("mode", "DROPMALFORMED")
                .option("maxPartitionBytes", 65536).load(file.toString()).count());
    }

    @Test
    void marcXmlIsReadWholeByOneTaskWithTheCollectionsNamespacePrefix() throws IOException {
        Path file = Corpus.file("marc-perl/marc-xml/t/batch-ns.xml");
        Dataset<Row> df = TestSpark.session().read().format("marc").option("maxPartitionBytes", 4096)
                .load(file.toString());
        assertEquals(1, df.rdd().getNumPartitions());
        Sequential want = sequential(file, MarcXmlReader::open);
        assertEquals(10, want.records.size());
        Rows got = rows(df);
        assertEquals(want.records, got.records);
        assertEquals(0, got.corrupt);
    }

    @Test
    void aMarcInJsonArrayIsReadWholeByOneTask(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("records.json");
        MarcJsonEncoder encoder = MarcJsonEncoder.array();
        ByteArrayBuilder buf = new ByteArrayBuilder(1 << 20);
        List<MarcRecord> records = TextFixtures.records();
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(encoder.header());
            for (int i = 0; i < records.size(); i++) {
                if (i > 0) {
                    out.write(encoder.separator());
                }
                buf.reset();
                encoder.encode(records.get(i), buf);
                out.write(buf.array(), 0, buf.length());
            }
            out.write(encoder.footer());
        }
        Dataset<Row> df = TestSpark.session().read().format("marc").option("maxPartitionBytes", 65536)
                .load(file.toString());
        assertEquals(1, df.rdd().getNumPartitions());
        Sequential want = sequential(file, MarcJsonReader::open);
        assertEquals(records.size(), want.records.size());
        assertEquals(want.records, rows(df).records);
    }

    // ---------------------------------------------------------------- both views, described alike

    /** Records of a sequential reader, described as {@link #rows} describes rows, and its rejects. */
    private static final class Sequential {
        final List<String> records = new ArrayList<>();
        long rejected;
    }

    /** The rows of a read in file order: records described, corrupt rows counted, offsets kept. */
    private static final class Rows {
        final List<String> records = new ArrayList<>();
        final List<Long> offsets = new ArrayList<>();
        long corrupt;
    }

    private interface Opener {
        SequentialReader open(java.io.InputStream in, ReadOptions options);
    }

    private static Sequential sequential(Path file, Opener opener) throws IOException {
        Sequential out = new Sequential();
        try (SequentialReader reader = opener.open(Files.newInputStream(file), ReadOptions.defaults())) {
            reader.onReject(e -> out.rejected++);
            while (reader.hasNext()) {
                MarcRecord r = reader.next();
                out.records.add(r.leader() + "|" + MarcDataSourceTest.fields(r) + "|" + r.errors().size());
            }
        }
        return out;
    }

    private static Rows rows(Dataset<Row> df) {
        List<Row> all = new ArrayList<>(df.select("byte_offset", "leader", "control_fields", "data_fields",
                "errors", "_corrupt_record").collectAsList());
        all.sort(Comparator.comparingLong(r -> r.getLong(0)));
        Rows out = new Rows();
        for (Row r : all) {
            out.offsets.add(r.getLong(0));
            if (!r.isNullAt(5)) {
                out.corrupt++;
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (Row c : r.<Row>getList(2)) {
                sb.append(c.getString(0)).append('=').append(c.getString(1)).append(';');
            }
            sb.append('/');
            for (Row d : r.<Row>getList(3)) {
                sb.append(d.getString(0)).append(d.getString(1)).append(d.getString(2));
                for (Row s : d.<Row>getList(3)) {
                    sb.append('$').append(s.getString(0)).append(s.getString(1));
                }
                sb.append(';');
            }
            out.records.add(r.getString(1) + "|" + sb + "|" + r.getList(4).size());
        }
        return out;
    }
}
