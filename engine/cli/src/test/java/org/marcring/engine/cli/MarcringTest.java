package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Fast in-process tests of the command line: help, usage errors, argument parsing. */
class MarcringTest {

    @Test
    void everyCommandAnswersHelp() {
        for (String command : new String[] {"convert", "count", "stats", "validate", "dump", "generate", "bench"}) {
            String out = captureOut(() -> assertEquals(0, Marcring.run(command, "--help")));
            String usage = "Usage: marcring " + command;
            assertEquals(usage, out.substring(0, usage.length()), out);
        }
    }

    @Test
    void theCommandsThatReadInputsShareTheirArgumentsAndOptions() {
        String[] shared = {"IN...          input files in any format ('-' for standard input)", "--from=FMT",
            "--threads=N", "--strict", "--permissive", "-q, --quiet", "--progress"};
        for (String command : new String[] {"count", "stats", "validate"}) {
            String out = captureOut(() -> assertEquals(0, Marcring.run(command, "--help")));
            for (String option : shared) {
                assertTrue(out.contains(option), command + " lacks " + option + ":\n" + out);
            }
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(2, Marcring.run(new String[0]));
            assertEquals(2, Marcring.run("no-such-command"));
            assertEquals(2, Marcring.run("convert", "--to", "xml"));
            assertEquals(2, Marcring.run("generate", "--records", "1", "-o", "x.mrc", "--to", "xml", "--marc8"));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void parsesRecordRanges() {
        assertArrayEquals(new long[] {2, 5}, Inputs.parseRange("2-5"));
        assertArrayEquals(new long[] {7, 7}, Inputs.parseRange("7"));
        assertArrayEquals(new long[] {3, Long.MAX_VALUE}, Inputs.parseRange("3-"));
        assertThrows(IllegalArgumentException.class, () -> Inputs.parseRange("5-2"));
        assertThrows(IllegalArgumentException.class, () -> Inputs.parseRange("0-2"));
        assertThrows(IllegalArgumentException.class, () -> Inputs.parseRange("a-b"));
    }

    @Test
    void theOutputFormatFollowsTheFileNameUnlessNamed() {
        assertEquals(org.marcring.codec.io.MarcFormat.MARCXML, ConvertCommand.outputFormat(null, "dir/books.xml"));
        assertEquals(org.marcring.codec.io.MarcFormat.ISO2709, ConvertCommand.outputFormat(null, "books.MRC.gz"));
        assertEquals(org.marcring.codec.io.MarcFormat.NDJSON, ConvertCommand.outputFormat(null, "b.ndjson"));
        assertEquals(org.marcring.codec.io.MarcFormat.JSON, ConvertCommand.outputFormat(null, "b.json.gz"));
        assertEquals(org.marcring.codec.io.MarcFormat.MRK, ConvertCommand.outputFormat(null, "b.mrk"));
        assertEquals(org.marcring.codec.io.MarcFormat.MRK8, ConvertCommand.outputFormat(null, "b.mrk8"));
        assertEquals(org.marcring.codec.io.MarcFormat.LINE, ConvertCommand.outputFormat(null, "b.txt"));
        assertEquals(org.marcring.codec.io.MarcFormat.JSON, ConvertCommand.outputFormat("json", "b.xml"), "--to wins");
        assertThrows(IllegalArgumentException.class, () -> ConvertCommand.outputFormat(null, "b.gz"));
        assertThrows(IllegalArgumentException.class, () -> ConvertCommand.outputFormat(null, "-"));
        assertThrows(IllegalArgumentException.class, () -> ConvertCommand.outputFormat("auto", "b.xml"));
    }

    private static String captureOut(Runnable r) {
        PrintStream out = System.out;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(b, true, StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setOut(out);
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
