package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.testing.GarbageBetweenRecords;

/**
 * The command line numbers records as the library does, and counts garbage between records apart from
 * records: on a 2,000-record file with 19 runs of garbage and one undecodable record, {@code convert} reads
 * 2,000 records (it said 2,019), names the undecodable record by the number the library's message gives it
 * (it said one more), writes the garbage and the record to the rejects file, and exits with 1; {@code validate},
 * {@code count}, {@code stats} and {@code dump} agree.
 */
class RecordNumberingIT {
    @TempDir
    static Path dir;

    private static final GarbageBetweenRecords INPUT = GarbageBetweenRecords.make(7);
    private static final List<String> LIBRARY = new ArrayList<>();
    private static String undecodable; // the library's message for the undecodable record

    @BeforeAll
    static void writeInputAndReadItWithTheLibrary() throws IOException {
        Files.write(dir.resolve("garbage.mrc"), INPUT.bytes());
        try (Iso2709Reader reader = Iso2709Reader.of(INPUT.bytes(), ReadOptions.defaults())) {
            reader.onReject(e -> {
                LIBRARY.add(e.getMessage());
                if (!(e instanceof SkippedBytesException)) {
                    undecodable = e.getMessage();
                }
            });
            reader.forEachRemaining(r -> { });
        }
    }

    @Test
    void convertReadsTwoThousandRecordsCountsTheGarbageApartAndNamesRecordsAsTheLibraryDoes() throws IOException {
        Jar.Result r = Jar.run(dir, "convert", "--to", "xml", "-o", "out.xml", "--rejects", "rejects.mrc",
                "--report", "report.tsv", "--from", "iso2709", "garbage.mrc");
        assertEquals(Marcring.PROBLEMS, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains(String.format("read %,d records (%d damaged regions, %,d bytes skipped), "
                        + "wrote %,d, rejected 1 in ", GarbageBetweenRecords.RECORDS, GarbageBetweenRecords.REGIONS,
                INPUT.garbageBytes(), GarbageBetweenRecords.RECORDS - 1)), r.stderr());
        // the same record number as the library's message, which counts from 1
        String number = "record " + (GarbageBetweenRecords.UNDECODABLE + 1) + " at byte " + INPUT.undecodableOffset();
        assertTrue(undecodable.startsWith(number + ": "), undecodable);
        assertTrue(r.stderr().contains("garbage.mrc: " + number + ": "), r.stderr());
        // each run of garbage is named as the library names it
        for (String message : LIBRARY) {
            if (!message.equals(undecodable)) {
                assertTrue(r.stderr().contains("garbage.mrc: " + message), message + " in " + r.stderr());
            }
        }
        // nothing lost: the rejects file holds the garbage and the undecodable record, as in the input, in order
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        byte[] input = INPUT.bytes();
        for (long[] g : INPUT.garbage()) {
            if (g[2] == GarbageBetweenRecords.UNDECODABLE + 1) {
                expected.write(input, (int) INPUT.undecodableOffset(), 65);
            }
            expected.write(input, (int) g[0], (int) g[1]);
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(dir.resolve("rejects.mrc")));

        List<String> report = Files.readAllLines(dir.resolve("report.tsv"), StandardCharsets.UTF_8);
        assertEquals(GarbageBetweenRecords.REGIONS + 1, report.size(), report.toString());
        assertTrue(report.contains("garbage.mrc\t" + (GarbageBetweenRecords.UNDECODABLE + 1) + "\t"
                + INPUT.undecodableOffset() + "\t-\tFATAL\tno directory terminator (0x1E) after the leader (rejected)"),
                report.toString());
        long[] first = INPUT.garbage().get(0);
        assertTrue(report.contains("garbage.mrc\t-\t" + first[0] + "\t-\tFATAL\t" + first[1]
                + " bytes skipped at byte 0, before the first record: bytes between records that hold no record"
                + " (skipped)"), report.toString());
    }

    @Test
    void validateNamesTheRecordAsTheLibraryAndGivesGarbageNoRecordNumber() {
        Jar.Result r = Jar.run(dir, "validate", "--from", "iso2709", "garbage.mrc");
        assertEquals(Marcring.PROBLEMS, r.exitCode(), r.toString());
        List<String> lines = List.of(new String(r.stdout(), StandardCharsets.UTF_8).split("\n"));
        assertEquals(GarbageBetweenRecords.REGIONS + 1, lines.size(), lines.toString());
        assertTrue(lines.contains("garbage.mrc\t" + MarcFormatException.recordNumber(GarbageBetweenRecords.UNDECODABLE)
                + "\t" + INPUT.undecodableOffset() + "\t-\tFATAL\tno directory terminator (0x1E) after the leader"),
                lines.toString());
        assertEquals(GarbageBetweenRecords.REGIONS, lines.stream().filter(l -> l.startsWith("garbage.mrc\t-\t")
                && l.contains(" bytes skipped at byte ")).count(), lines.toString());
    }

    @Test
    void countStatsAndDumpCountRecordsNotGarbage() {
        Jar.Result count = Jar.run(dir, "count", "--from", "iso2709", "garbage.mrc");
        assertEquals(Marcring.PROBLEMS, count.exitCode(), count.toString());
        // every record the framer finds; the undecodable one frames as a record (it said 2,019 with convert)
        assertEquals(GarbageBetweenRecords.RECORDS + "\tgarbage.mrc\n", new String(count.stdout(), StandardCharsets.UTF_8));

        Jar.Result stats = Jar.run(dir, "stats", "--from", "iso2709", "garbage.mrc");
        assertEquals(Marcring.PROBLEMS, stats.exitCode(), stats.toString());
        String out = new String(stats.stdout(), StandardCharsets.UTF_8);
        assertTrue(out.contains(String.format("records            %,d%n", GarbageBetweenRecords.RECORDS - 1)), out);
        assertTrue(out.contains("rejected           1 (unreadable)"), out);
        assertTrue(out.contains("damaged regions    " + GarbageBetweenRecords.REGIONS + " "), out);

        // dump --records N prints the N-th record of the input, as the library counts it
        long n = GarbageBetweenRecords.UNDECODABLE + 2; // the record after the undecodable one and garbage
        Jar.Result dump = Jar.run(dir, "dump", "--records", Long.toString(n), "--from", "iso2709", "garbage.mrc");
        String text = new String(dump.stdout(), StandardCharsets.UTF_8);
        assertTrue(text.contains("001 " + GarbageBetweenRecords.controlNumber(n - 1)), text);
    }
}
