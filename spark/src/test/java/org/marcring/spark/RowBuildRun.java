package org.marcring.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.unsafe.types.UTF8String;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Decoder;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;

/**
 * Where the time of a Spark row goes, without a Spark session: the records of one file (held in memory) are
 * decoded, turned into rows of objects ({@link RecordRows#row}) and copied into Spark's own row format (the
 * {@code UnsafeProjection} a DataSource V2 scan applies to every row), or written straight into that format
 * ({@link RecordRows.Writer}, what the source does) and copied, each stage timed in turn, in rounds;
 * prints the medians in microseconds per record. Not a test: run it as
 * {@code java -cp <the spark module's test class path> org.marcring.spark.RowBuildRun FILE [ROUNDS]}.
 */
public final class RowBuildRun {
    private RowBuildRun() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<byte[]> frames = new ArrayList<>();
        try (RecordFramer framer = RecordFramer.open(file)) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                frames.add(raw.copy());
            }
        }
        Iso2709Decoder decoder = new Iso2709Decoder();
        RecordRows rows = new RecordRows(MarcSchema.SCHEMA);
        UnsafeProjection unsafe = UnsafeProjection.create(MarcSchema.SCHEMA);
        UTF8String name = UTF8String.fromString(file.toString());
        RecordRows.Writer writer = rows.newWriter();
        String[] stages = {"decode", "decode + row", "decode + row + unsafe", "decode + unsafe row",
            "decode + unsafe row + copy"};
        double[][] micros = new double[stages.length][rounds];
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int stage = 0; stage < stages.length; stage++) {
                long t = System.nanoTime();
                for (byte[] f : frames) {
                    MarcRecord r = decoder.decode(new RawRecord(f, 0, f.length, 0, 0));
                    if (stage == 0) {
                        sink += r.fields().size();
                        continue;
                    }
                    if (stage >= 3) {
                        InternalRow direct = writer.row(r, name, 0, f.length);
                        sink += stage == 3 ? direct.numFields() : unsafe.apply(direct).getSizeInBytes();
                        continue;
                    }
                    InternalRow row = rows.row(r, name, 0, f.length);
                    if (stage == 1) {
                        sink += row.numFields();
                    } else {
                        sink += unsafe.apply(row).getSizeInBytes();
                    }
                }
                micros[stage][round] = (System.nanoTime() - t) / 1e3 / frames.size();
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d records, %d rounds (sink %d)%n", file, frames.size(), rounds, sink);
        for (int stage = 0; stage < stages.length; stage++) {
            double[] m = micros[stage].clone();
            Arrays.sort(m);
            System.out.printf(Locale.ROOT, "%-24s median %6.2f us/record  (%,.0f records/s)%n", stages[stage],
                    m[rounds / 2], 1e6 / m[rounds / 2]);
        }
    }
}
