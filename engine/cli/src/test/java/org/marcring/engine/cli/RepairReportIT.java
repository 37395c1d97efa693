package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repairs that lose data are never silent: {@code convert} counts the records it wrote after a repair, and
 * among them those with data dropped, exits with 1 when data was dropped, names those records on standard
 * error, and lists every repair in the {@code --report} file. Before, an ISO 2709 file cut inside its last
 * record, and a 260 field with text before its first subfield delimiter, converted with exit code 0 and
 * "rejected 0".
 */
class RepairReportIT {
    @TempDir
    static Path dir;

    @Test
    void aFileCutInsideItsLastRecordIsWrittenWithDataDroppedAndSaysSo() throws IOException {
        Jar.Result g = Jar.run(dir, "generate", "--records", "96", "--seed", "12", "-q", "-o", "whole.mrc");
        assertEquals(0, g.exitCode(), g.toString());
        byte[] whole = Files.readAllBytes(dir.resolve("whole.mrc"));
        int lastStart = lastRecordStart(whole);
        int cut = lastStart + (whole.length - lastStart) / 2;
        Files.write(dir.resolve("cut.mrc"), Arrays.copyOf(whole, cut));

        Jar.Result r = Jar.run(dir, "convert", "--to", "xml", "-o", "cut.xml", "--report", "report.tsv", "cut.mrc");
        assertEquals(Marcring.PROBLEMS, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("read 96 records, wrote 96 (1 repaired, 1 with data dropped), rejected 0"),
                r.stderr());
        assertTrue(r.stderr().contains("cut.mrc: record 96 at byte " + lastStart + ": "), r.stderr());
        assertTrue(r.stderr().contains("(written with data dropped)"), r.stderr());
        List<String> report = Files.readAllLines(dir.resolve("report.tsv"), StandardCharsets.UTF_8);
        assertTrue(!report.isEmpty(), "the report lists the repairs");
        for (String line : report) {
            assertTrue(line.startsWith("cut.mrc\t96\t" + lastStart + "\t"), line);
        }
        assertTrue(report.stream().anyMatch(l -> l.contains("\tWARNING\trecord cut short")), report.toString());

        Jar.Result clean = Jar.run(dir, "convert", "--to", "xml", "-o", "whole.xml", "whole.mrc");
        assertEquals(Marcring.OK, clean.exitCode(), clean.toString());
        assertTrue(clean.stderr().contains("read 96 records, wrote 96, rejected 0"), clean.stderr());
    }

    @Test
    void dataBeforeTheFirstSubfieldDelimiterCountsAsDroppedAHarmlessRepairDoesNot() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(iso("001", "clean", "245", "10\u001faTitle", "260", "  \u001faParis"));
        in.writeBytes(iso("001", "lost", "245", "10\u001faTitle", "260", "  lost words\u001faParis"));
        in.writeBytes(iso("001", "upper", "245", "10\u001fATitle", "260", "  \u001faParis"));
        Files.write(dir.resolve("f260.mrc"), in.toByteArray());

        Jar.Result r = Jar.run(dir, "convert", "--to", "mrk", "-o", "f260.mrk", "--report", "f260.tsv", "f260.mrc");
        assertEquals(Marcring.PROBLEMS, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("wrote 3 (2 repaired, 1 with data dropped), rejected 0"), r.stderr());
        List<String> report = Files.readAllLines(dir.resolve("f260.tsv"), StandardCharsets.UTF_8);
        assertTrue(report.stream().anyMatch(l -> l.startsWith("f260.mrc\t2\t") && l.contains("\tlost\tERROR\t260: ")
                && l.contains("lost words")), report.toString());
        assertTrue(report.stream().anyMatch(l -> l.startsWith("f260.mrc\t3\t") && l.contains("\tupper\tWARNING\t")),
                report.toString());
        assertTrue(report.stream().noneMatch(l -> l.contains("\tclean\t")), report.toString());

        Files.write(dir.resolve("harmless.mrc"), iso("001", "upper", "245", "10\u001fATitle"));
        Jar.Result harmless = Jar.run(dir, "convert", "--to", "mrk", "-o", "harmless.mrk", "harmless.mrc");
        assertEquals(Marcring.OK, harmless.exitCode(), "a repair that lost nothing: " + harmless);
        assertTrue(harmless.stderr().contains("wrote 1 (1 repaired, 0 with data dropped)"), harmless.stderr());
    }

    @Test
    void nulAndARecordTerminatorInDataAreOneRuleForEveryOutputAndStrictAndValidateReportThem() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(iso("001", "clean", "245", "10\u001faTitle"));
        in.writeBytes(iso("001", "nul", "245", "10\u001faA\u0000B"));
        in.writeBytes(iso("001", "rt", "245", "10\u001faA\u001dB"));
        Files.write(dir.resolve("controls.mrc"), in.toByteArray());

        for (String to : List.of("xml", "mrc", "json")) {
            Jar.Result r = Jar.run(dir, "convert", "--to", to, "-o", "out." + to, "controls.mrc");
            assertEquals(Marcring.PROBLEMS, r.exitCode(), to + ": " + r);
            assertTrue(r.stderr().contains("read 3 records, wrote 3 (2 repaired, 2 with data dropped), rejected 0"),
                    to + ": " + r.stderr());
            Jar.Result back = Jar.run(dir, "dump", "out." + to);
            assertEquals(Marcring.OK, back.exitCode(), to + ": " + back);
            assertEquals(2, back.out().split("A\uFFFDB", -1).length - 1, to + ": " + back.out());
        }

        Jar.Result strict = Jar.run(dir, "convert", "--strict", "--to", "xml", "-o", "strict.xml", "controls.mrc");
        assertEquals(Marcring.PROBLEMS, strict.exitCode(), strict.toString());
        assertTrue(strict.stderr().contains("read 3 records, wrote 1, rejected 2"), strict.stderr());

        Jar.Result validate = Jar.run(dir, "validate", "controls.mrc");
        assertEquals(Marcring.PROBLEMS, validate.exitCode(), validate.toString());
        List<String> lines = validate.out().lines().filter(l -> l.contains("no output can hold")).toList();
        assertEquals(2, lines.size(), validate.out());
        assertTrue(lines.get(0).startsWith("controls.mrc\t2\t") && lines.get(0).contains("\tnul\tERROR\t245: "),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("controls.mrc\t3\t") && lines.get(1).contains("\trt\tERROR\t245: "),
                lines.get(1));
    }

    @Test
    void detectedJsonWithEveryRecordRejectedSuggestsNamingTheFormat() throws IOException {
        Files.writeString(dir.resolve("other.json"), "[{\"datafield\":[]},{\"datafield\":[]}]",
                StandardCharsets.UTF_8);
        Jar.Result r = Jar.run(dir, "convert", "--to", "xml", "-o", "other.xml", "other.json");
        assertEquals(Marcring.PROBLEMS, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("other.json: every record was rejected; json was detected from the"
                + " first bytes: if the input is in another format, name it with --from"), r.stderr());

        Jar.Result named = Jar.run(dir, "convert", "--from", "json", "--to", "xml", "-o", "named.xml", "other.json");
        assertEquals(Marcring.PROBLEMS, named.exitCode(), named.toString());
        assertTrue(!named.stderr().contains("--from"), "the format was named: " + named.stderr());
    }

    /** The offset of the last record, found by walking the leaders' record lengths. */
    private static int lastRecordStart(byte[] file) {
        int at = 0;
        int last = 0;
        while (at < file.length) {
            last = at;
            at += Integer.parseInt(new String(file, at, 5, StandardCharsets.US_ASCII));
        }
        return last;
    }

    /** An ISO 2709 record of the given tag/value pairs, built byte by byte (no encoder repairs anything). */
    private static byte[] iso(String... tagsAndValues) {
        return org.marcring.codec.testing.Fixtures.isoRecord(tagsAndValues);
    }
}
