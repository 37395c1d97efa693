package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input the command line must take and output it must check, as a user gives them: a named FIFO,
 * {@code <(cat f)} and {@code /dev/stdin} as inputs (read once, never reopened); standard output that is
 * full ({@code > /dev/full}) or whose reader goes away ({@code | head -2}); several inputs of which one is bad.
 */
class InputStreamsIT {
    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        Jar.Result g = Jar.run(dir, "generate", "--records", "120", "--seed", "9", "-q", "-o", "gen.mrc");
        assertEquals(0, g.exitCode(), g.toString());
        Jar.Result x = Jar.run(dir, "convert", "--to", "xml", "-q", "-o", "gen.xml", "gen.mrc");
        assertEquals(0, x.exitCode(), x.toString());
        Jar.Result d = Jar.run(dir, "generate", "--records", "100", "--seed", "3", "--damaged", "20", "-q", "-o",
                "damaged.mrc");
        assertEquals(0, d.exitCode(), d.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gen.mrc", "gen.xml"})
    void aNamedFifoIsReadOnceAsAnyStream(String file) throws Exception {
        Path fifo = dir.resolve("in-" + file + ".fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(Files.readAllBytes(dir.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Jar.Result r = Jar.run(dir, "count", fifo.getFileName().toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("120\t" + fifo.getFileName() + "\n", r.out());
        writer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void processSubstitutionAndDevStdinAreRead() {
        assumeTrue(new File("/bin/bash").canExecute(), "needs bash");
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c", "exec \"$0\" \"$@\" <(cat gen.xml)"));
        cmd.addAll(Jar.command("convert", "--to", "mrc", "-q", "-o", "from-substitution.mrc"));
        ProcessBuilder substitution = new ProcessBuilder(cmd).directory(dir.toFile());
        Jar.Result r = Jar.run(substitution, null);
        assertEquals(0, r.exitCode(), r.toString());
        Jar.Result count = Jar.run(dir, "count", "from-substitution.mrc");
        assertEquals("120\tfrom-substitution.mrc\n", count.out());

        Jar.Result piped = Jar.run(dir, readAll(dir.resolve("gen.mrc")), "count", "/dev/stdin");
        assertEquals(0, piped.exitCode(), piped.toString());
        assertEquals("120\t/dev/stdin\n", piped.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"count", "dump", "stats", "validate"})
    void aFullStandardOutputFailsTheCommand(String command) {
        File full = new File("/dev/full");
        assumeTrue(full.canWrite(), "needs /dev/full");
        // validate prints only problems: give it some
        String input = command.equals("validate") ? "damaged.mrc" : "gen.mrc";
        ProcessBuilder pb = new ProcessBuilder(Jar.command(command, input)).directory(dir.toFile())
                .redirectOutput(full);
        Jar.Result r = Jar.run(pb, null);
        assertEquals(Marcring.FAILED, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("writing to standard output failed: No space left on device"), r.stderr());
    }

    @Test
    void dumpEndsQuietlyWhenTheReaderOfItsPipeGoesAway() throws Exception {
        Jar.Result g = Jar.run(dir, "generate", "--size", "20MB", "--seed", "10", "-q", "-o", "big.mrc");
        assertEquals(0, g.exitCode(), g.toString());
        Process p = new ProcessBuilder(Jar.command("dump", "big.mrc")).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> new String(readAll(p), StandardCharsets.UTF_8));
        // as `head -2`: read two lines, then close the pipe
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(out.readLine().startsWith("LDR "));
            assertTrue(out.readLine().startsWith("001 "));
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dump ends once nobody reads its output");
        assertEquals(Marcring.READER_GONE, p.exitValue(), "as a program ended by SIGPIPE");
        assertEquals("", err.get(10, TimeUnit.SECONDS), "quietly");
    }

    @Test
    void severalInputsOfWhichSomeAreBadReportEachGoodResultAndEachError() throws IOException {
        Files.createDirectories(dir.resolve("a-folder"));
        Jar.Result r = Jar.run(dir, "count", "gen.mrc", "missing.mrc", "gen.xml", "a-folder");
        assertEquals(Marcring.FAILED, r.exitCode(), r.toString());
        assertEquals("120\tgen.mrc\n120\tgen.xml\n240\ttotal\n", r.out(), "every good file counted, as wc does");
        assertTrue(r.stderr().contains("missing.mrc: no such file"), r.stderr());
        assertTrue(r.stderr().contains("a-folder: is a directory"), r.stderr());

        Jar.Result json = Jar.run(dir, "count", "--json", "gen.mrc", "missing.mrc");
        assertEquals(Marcring.FAILED, json.exitCode(), json.toString());
        assertEquals("{\"files\":[{\"path\":\"gen.mrc\",\"records\":120,\"rejected\":0,\"regionsSkipped\":0}],"
                + "\"total\":120,\"rejected\":0,\"regionsSkipped\":0}",
                json.out().strip());

        Jar.Result stats = Jar.run(dir, "stats", "--json", "gen.mrc", "missing.mrc", "gen.xml");
        assertEquals(Marcring.FAILED, stats.exitCode(), stats.toString());
        assertTrue(stats.out().startsWith("{\"records\":240,"), stats.out());
        assertTrue(stats.stderr().contains("missing.mrc: no such file"), stats.stderr());
    }

    @Test
    void validateListsTheProblemsOfEachGoodInputAndNamesTheBadOnes() throws IOException {
        Files.createDirectories(dir.resolve("a-folder"));
        Jar.Result alone = Jar.run(dir, "validate", "damaged.mrc");
        assertEquals(Marcring.PROBLEMS, alone.exitCode(), alone.toString());
        assertTrue(alone.out().lines().count() > 0, "the damaged file has problems to list");

        Jar.Result r = Jar.run(dir, "validate", "missing.mrc", "damaged.mrc", "a-folder", "gen.mrc", "damaged.mrc");
        assertEquals(Marcring.FAILED, r.exitCode(), r.toString());
        assertEquals(alone.out() + alone.out(), r.out(), "each good input checked in full, in order");
        assertTrue(r.stderr().contains("missing.mrc: no such file"), r.stderr());
        assertTrue(r.stderr().contains("a-folder: is a directory"), r.stderr());
        assertEquals(2, r.stderr().lines().filter(l -> l.startsWith("marcring validate: ")).count(), r.stderr());
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(Process p) {
        try {
            return p.getErrorStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
