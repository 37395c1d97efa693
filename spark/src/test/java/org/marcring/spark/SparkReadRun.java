package org.marcring.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Reader;

/**
 * The measured run of {@code docs/scale.md}: {@code spark.read.format("marc")} on one large file in
 * {@code local[1]} and {@code local[2]}, beside the codec's own sequential reader on the same file, in rounds
 * taking turns in one JVM; prints each round and the medians. Not a test: run it as
 * {@code java -Xmx2g <Spark's --add-opens flags> -cp <classpath> org.marcring.spark.SparkReadRun FILE [ROUNDS]}.
 *
 * <p>Cases: "rows" builds every column of every row (the scan's output, without a query on top);
 * "count" is {@code count()}, which needs no decoding; "codec" decodes every record in one thread.
 */
public final class SparkReadRun {
    private SparkReadRun() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long bytes = Files.size(file);
        String[] cases = {"codec", "local[1] rows", "local[2] rows", "local[1] count", "local[2] count"};
        List<List<Double>> seconds = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            seconds.add(new ArrayList<>());
        }
        long records = -1;
        for (int round = 1; round <= rounds; round++) {
            long t = System.nanoTime();
            records = codec(file);
            seconds.get(0).add((System.nanoTime() - t) / 1e9);
            for (int cores = 1; cores <= 2; cores++) {
                SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("marc-read-run")
                        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
                try {
                    Dataset<Row> df = spark.read().format("marc").load(file.toString());
                    t = System.nanoTime();
                    long rows = df.queryExecution().toRdd().count();
                    seconds.get(cores).add((System.nanoTime() - t) / 1e9);
                    check(rows, records);
                    t = System.nanoTime();
                    rows = df.count();
                    seconds.get(2 + cores).add((System.nanoTime() - t) / 1e9);
                    check(rows, records);
                } finally {
                    spark.stop();
                }
            }
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int i = 0; i < cases.length; i++) {
                line.append(String.format(Locale.ROOT, "  %s %.2f s", cases[i], last(seconds.get(i))));
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "%s: %,d bytes, %,d records; medians of %d rounds%n", file, bytes, records,
                rounds);
        System.out.printf(Locale.ROOT, "%-16s %9s %12s %9s %14s%n", "case", "seconds", "records/s", "MB/s",
                "records/s/core");
        for (int i = 0; i < cases.length; i++) {
            double s = median(seconds.get(i));
            int cores = cases[i].startsWith("local[2]") ? 2 : 1;
            System.out.printf(Locale.ROOT, "%-16s %9.2f %,12.0f %9.1f %,14.0f%n", cases[i], s, records / s,
                    bytes / s / 1e6, records / s / cores);
        }
        System.out.printf(Locale.ROOT, "rows: local[2] / local[1] speedup %.2f; local[1] / codec %.2f%n",
                median(seconds.get(1)) / median(seconds.get(2)), median(seconds.get(0)) / median(seconds.get(1)));
    }

    private static long codec(Path file) throws IOException {
        long records = 0;
        long fields = 0;
        try (Iso2709Reader reader = Iso2709Reader.open(file)) {
            while (reader.hasNext()) {
                MarcRecord r = reader.next();
                fields += r.fields().size();
                records++;
            }
        }
        if (fields == 0) {
            throw new IllegalStateException("no fields read");
        }
        return records;
    }

    private static void check(long rows, long records) {
        if (rows != records) {
            throw new IllegalStateException("Spark read " + rows + " rows, the codec " + records + " records");
        }
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
