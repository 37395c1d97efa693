package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Reader;

/**
 * The command line under faults, run as a user runs it: damaged records at random places, a disk that fills
 * up, standard output that cannot be written, and a run stopped from outside. Every input record must end up
 * written or rejected (with its bytes in the rejects file), in input order; a failed run must say why, exit
 * with an error, and leave nothing under the output's name (nor its temporary file).
 */
class ConvertFaultIT {
    private static final Pattern SUMMARY =
            Pattern.compile("read ([0-9,]+) records(?: \\([0-9,]+ damaged regions?, [0-9,]+ bytes? skipped\\))?, "
                    + "wrote ([0-9,]+)(?: \\(([0-9,]+) repaired, ([0-9,]+) with data dropped\\))?, rejected ([0-9,]+)");

    @TempDir
    static Path dir;

    /** A 30 MB input, large enough that a run lasts a while and its output spans many writes. */
    @BeforeAll
    static void generate() {
        Jar.Result r = Jar.run(dir, "generate", "--size", "30MB", "--seed", "11", "-q", "-o", "big.mrc");
        assertEquals(0, r.exitCode(), r.toString());
    }

    @ParameterizedTest(name = "seed {0}, {1}% damaged, to {2}")
    @CsvSource({"1, 2, mrc", "2, 10, xml", "3, 30, json", "4, 10, mrc"})
    void everyDamagedInputRecordIsWrittenOrRejectedInOrder(int seed, int damaged, String to) throws IOException {
        String in = "damaged-" + seed + ".mrc";
        Jar.Result gen = Jar.run(dir, "generate", "--records", "3000", "--seed", Integer.toString(seed),
                "--damaged", Integer.toString(damaged), "-q", "-o", in);
        assertEquals(0, gen.exitCode(), gen.toString());

        // what the library's sequential reader makes of the file, independently of the engine
        List<MarcRecord> kept = new ArrayList<>();
        ByteArrayOutputStream rejectedBytes = new ByteArrayOutputStream();
        long framed;
        try (Iso2709Reader reader = Iso2709Reader.open(dir.resolve(in))) {
            reader.onReject(e -> rejectedBytes.writeBytes(e.rawBytes()));
            reader.forEachRemaining(kept::add);
            framed = kept.size() + reader.rejectedCount();
        }

        String out = "out-" + seed + "." + to;
        String rejects = "rejects-" + seed + ".mrc";
        Jar.Result r = Jar.run(dir, "convert", "--to", to, "-o", out, "--rejects", rejects, in);
        boolean anyRejected = rejectedBytes.size() > 0;
        long dataDropped = kept.stream().filter(ConvertFaultIT::lostData).count();
        assertEquals(anyRejected || dataDropped > 0 ? 1 : 0, r.exitCode(), r.toString());
        long[] counts = summary(r.stderr());
        assertEquals(framed, counts[0], "read: " + r.stderr());
        assertEquals(counts[0], counts[1] + counts[2], "read = written + rejected: " + r.stderr());
        assertEquals(dataDropped, counts[3], "written with data dropped: " + r.stderr());
        assertEquals(kept.stream().filter(ConvertFaultIT::repaired).count(), counts[4], "repaired: " + r.stderr());
        assertEquals(kept.size(), counts[1], "written");
        MarcringIT.assertSameRecords(kept, MarcringIT.read(dir.resolve(out)), "written, in input order");
        assertArrayEquals(rejectedBytes.toByteArray(), Files.readAllBytes(dir.resolve(rejects)),
                "the rejects file holds the raw bytes of every rejected record, in order");
        assertNoPartFiles();
    }

    @Test
    void aDiskThatFillsUpFailsTheRunAndLeavesNoOutput() throws Exception {
        assumeTrue(new File("/bin/bash").canExecute(), "needs bash for ulimit");
        // a file size limit of 2 MiB makes the output's writes fail as on a full disk (EFBIG instead of ENOSPC)
        ProcessBuilder pb = builder(List.of("/bin/bash", "-c", "ulimit -f 2048; exec \"$0\" \"$@\""),
                "convert", "--to", "xml", "-o", "full.xml", "big.mrc");
        Finished f = finish(pb, pb.start());
        assertNotEquals(0, f.exitCode, f.stderr);
        assertTrue(f.stderr.contains("big.mrc") && f.stderr.contains("File too large"), f.stderr);
        assertFalse(f.stderr.contains("Exception"), "one clear line: " + f.stderr);
        assertFalse(Files.exists(dir.resolve("full.xml")), "no output under its name");
        assertNoPartFiles();
    }

    @Test
    void standardOutputThatCannotBeWrittenFailsTheRun() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.canWrite(), "needs /dev/full");
        ProcessBuilder pb = builder(List.of(), "convert", "--to", "xml", "big.mrc").redirectOutput(full);
        Finished f = finish(pb, pb.start());
        assertNotEquals(0, f.exitCode, "a run whose output was lost must not succeed: " + f.stderr);
        assertTrue(f.stderr.contains("writing to standard output failed"), f.stderr);
    }

    @Test
    void aRunStoppedFromOutsideLeavesNoOutputBehind() throws Exception {
        ProcessBuilder pb = builder(List.of(), "convert", "--to", "xml", "-o", "stopped.xml", "big.mrc");
        Process p = pb.start();
        // wait until the run is writing its temporary file, then stop it as Ctrl-C or a service manager would
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // (until bytes have reached it: the run is then well past opening the output and arranging its cleanup)
        while (!writing() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assumeTrue(p.isAlive(), "the run ended before it could be stopped");
        assertFalse(partFiles().isEmpty(), "the run writes under a temporary name");
        p.destroy(); // SIGTERM
        Finished f = finish(pb, p);
        assertNotEquals(0, f.exitCode);
        assertFalse(Files.exists(dir.resolve("stopped.xml")), "no output under its name");
        assertNoPartFiles();
    }

    @Test
    void aTruncatedGzipInputFailsTheRunWithOneLineAndLeavesNoOutput() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(dir.resolve("big.mrc")));
        }
        byte[] whole = gz.toByteArray();
        Files.write(dir.resolve("cut.mrc.gz"), Arrays.copyOf(whole, whole.length / 2)); // cut in a record
        Files.write(dir.resolve("header.mrc.gz"), Arrays.copyOf(whole, 12)); // cut before the first record

        Jar.Result convert = Jar.run(dir, "convert", "--to", "xml", "-o", "from-cut.xml", "cut.mrc.gz");
        assertFailsOnCorruptGzip(convert, "cut.mrc.gz");
        assertFalse(Files.exists(dir.resolve("from-cut.xml")), "no output under its name");
        assertNoPartFiles();

        assertFailsOnCorruptGzip(Jar.run(dir, "count", "cut.mrc.gz"), "cut.mrc.gz");

        Jar.Result early = Jar.run(dir, "convert", "--to", "xml", "-o", "from-header.xml", "header.mrc.gz");
        assertFailsOnCorruptGzip(early, "header.mrc.gz");
        assertFalse(Files.exists(dir.resolve("from-header.xml")), "no output under its name");
        assertNoPartFiles();
    }

    /** Exit code 2 and one line on standard error that names the input and the fault, no exception class. */
    private static void assertFailsOnCorruptGzip(Jar.Result r, String input) {
        assertEquals(Marcring.FAILED, r.exitCode(), r.toString());
        String err = r.stderr().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.contains(input + ": ") && err.contains("corrupt gzip input after "), err);
        assertFalse(err.contains("Exception"), "no exception class: " + err);
    }

    @Test
    void aFinishedOutputIsReadableAsAnyNewFile() throws IOException {
        Jar.Result r = Jar.run(dir, "convert", "--to", "mrc", "-o", "plain.mrc", "big.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        Path made = dir.resolve("plain.mrc");
        assumeTrue(Files.getFileStore(made).supportsFileAttributeView("posix"), "POSIX permissions");
        Path reference = Files.createFile(dir.resolve("reference"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        assertEquals(expected, Files.getPosixFilePermissions(made), "the umask's permissions, not owner-only");
        assertArrayEquals(Files.readAllBytes(dir.resolve("big.mrc")), Files.readAllBytes(made));
    }

    // ---- helpers

    private record Finished(int exitCode, String stderr) {
    }

    private static ProcessBuilder builder(List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(Jar.path().toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        // standard error to a file: a stopped process's pipes are closed by Process.destroy()
        File err = dir.resolve("stderr-" + System.nanoTime() + ".txt").toFile();
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err);
    }


    private static Finished finish(ProcessBuilder pb, Process p) throws InterruptedException, IOException {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the run did not end");
        }
        return new Finished(p.exitValue(), Files.readString(pb.redirectError().file().toPath(), StandardCharsets.UTF_8));
    }

    private static long[] summary(String stderr) {
        Matcher m = SUMMARY.matcher(stderr);
        assertTrue(m.find(), stderr);
        // read, written, rejected, with data dropped, repaired
        return new long[] {number(m.group(1)), number(m.group(2)), number(m.group(5)),
            m.group(4) == null ? 0 : number(m.group(4)), m.group(3) == null ? 0 : number(m.group(3))};
    }

    /** Whether the library's reader repaired {@code r} (a WARNING or worse). */
    private static boolean repaired(MarcRecord r) {
        return r.errors().stream().anyMatch(e -> e.severity().compareTo(MarcError.Severity.WARNING) >= 0);
    }

    /** Whether a repair of {@code r} lost data: an ERROR, or the record cut short by the end of the input. */
    private static boolean lostData(MarcRecord r) {
        return r.errors().stream().anyMatch(e -> e.severity().compareTo(MarcError.Severity.ERROR) >= 0
                || e.message().startsWith("record cut short"));
    }

    private static long number(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    private static List<Path> partFiles() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a temporary output file exists and holds bytes. */
    private static boolean writing() {
        for (Path f : partFiles()) {
            try {
                if (Files.size(f) > 0) {
                    return true;
                }
            } catch (IOException gone) {
                // renamed or deleted meanwhile
            }
        }
        return false;
    }

    private static void assertNoPartFiles() {
        assertEquals(List.of(), partFiles(), "temporary files left behind");
    }
}
