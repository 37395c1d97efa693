package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the command line must never destroy, tried as a careless user would: {@code -o} onto a device, a
 * FIFO, a symbolic link and {@code /proc/self/fd/1}; the output, the rejects and an input that are one file;
 * a disk that fills up while the rejects are written; a run killed with {@code kill -9}. Needs root for the
 * device node and the small file system; those tests are skipped with a message otherwise.
 */
class OutputSafetyIT {
    @TempDir
    static Path dir;

    /** The XML that {@code convert --to xml gen.mrc} writes, to compare other targets' bytes with. */
    private static byte[] xml;

    private static Path smallDisk;

    @BeforeAll
    static void generate() throws IOException {
        Jar.Result g = Jar.run(dir, "generate", "--records", "200", "--seed", "5", "-q", "-o", "gen.mrc");
        assertEquals(0, g.exitCode(), g.toString());
        Jar.Result d = Jar.run(dir, "generate", "--records", "300", "--seed", "6", "--damaged", "30", "-q", "-o",
                "damaged.mrc");
        assertEquals(0, d.exitCode(), d.toString());
        // a few rejects, fewer bytes than the command's 64 KiB output buffer: they reach the disk only on commit
        Jar.Result f = Jar.run(dir, "generate", "--records", "100", "--seed", "8", "--damaged", "10", "-q", "-o",
                "few-rejects.mrc");
        assertEquals(0, f.exitCode(), f.toString());
        Jar.Result r = Jar.run(dir, "convert", "--to", "xml", "-q", "-o", "reference.xml", "gen.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        xml = Files.readAllBytes(dir.resolve("reference.xml"));
    }

    @AfterAll
    static void unmount() {
        if (smallDisk != null) {
            shell("umount " + smallDisk);
        }
    }

    @Test
    void aCharacterDeviceAsOutputIsWrittenAndStaysADevice() throws IOException {
        Path device = dir.resolve("null-device");
        assumeTrue(shell("mknod " + device + " c 1 3") == 0, "mknod needs root");
        Jar.Result r = Jar.run(dir, "convert", "--to", "xml", "-q", "-o", device.toString(), "gen.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("character device", kind(device), "the device node is still one, not replaced by a file");
        assertNoPartFiles();
    }

    @Test
    void aFifoAsOutputHandsItsReaderEveryByteAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("out.fifo");
        assumeTrue(shell("mkfifo " + fifo) == 0, "needs mkfifo");
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Jar.Result r = Jar.run(dir, "convert", "--to", "xml", "-q", "-o", fifo.toString(), "gen.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        assertArrayEquals(xml, reader.get(60, TimeUnit.SECONDS), "the reader of the FIFO got the whole output");
        assertEquals("fifo", kind(fifo));
        assertNoPartFiles();
    }

    @Test
    void aSymbolicLinkAsOutputIsFollowedAndItsTargetWritten() throws IOException {
        Path target = Files.writeString(dir.resolve("link-target.xml"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.xml"), target.getFileName());
        Jar.Result r = Jar.run(dir, "convert", "--to", "xml", "-q", "-o", "link.xml", "gen.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertArrayEquals(xml, Files.readAllBytes(target), "its target holds the output");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.xml"), Path.of("made-through-link.xml"));
        Jar.Result d = Jar.run(dir, "convert", "--to", "xml", "-q", "-o", "dangling.xml", "gen.mrc");
        assertEquals(0, d.exitCode(), d.toString());
        assertTrue(Files.isSymbolicLink(dangling));
        assertArrayEquals(xml, Files.readAllBytes(dir.resolve("made-through-link.xml")));
        assertNoPartFiles();
    }

    @Test
    void procSelfFdOneAsOutputWritesToStandardOutput() {
        assumeTrue(Files.exists(Path.of("/proc/self/fd/1")), "needs /proc");
        Jar.Result r = Jar.run(dir, "convert", "--to", "xml", "-q", "-o", "/proc/self/fd/1", "gen.mrc");
        assertEquals(0, r.exitCode(), r.toString());
        assertArrayEquals(xml, r.stdout(), "the bytes reached standard output");
    }

    @Test
    void twoRolesOnOneFileAreRefusedAndNothingIsTouched() throws IOException {
        byte[] input = Files.readAllBytes(dir.resolve("damaged.mrc"));
        Path old = Files.writeString(dir.resolve("same.xml"), "old output");
        Files.createSymbolicLink(dir.resolve("input-link.mrc"), Path.of("damaged.mrc"));
        Files.createLink(dir.resolve("input-hard-link.mrc"), dir.resolve("damaged.mrc"));

        assertRefused(Jar.run(dir, "convert", "--to", "xml", "-o", "same.xml", "--rejects", "same.xml",
                "damaged.mrc"), "the output and the rejects are the same file");
        assertRefused(Jar.run(dir, "convert", "--to", "xml", "-o", "new.xml", "--rejects", "new.xml",
                "damaged.mrc"), "the output and the rejects are the same file");
        assertRefused(Jar.run(dir, "convert", "--to", "xml", "-o", "x.xml", "--rejects", "damaged.mrc",
                "damaged.mrc"), "the input and the rejects are the same file");
        assertRefused(Jar.run(dir, "convert", "--to", "mrc", "-o", "input-link.mrc", "damaged.mrc"),
                "the input and the output are the same file");
        assertRefused(Jar.run(dir, "convert", "--to", "mrc", "-o", "./input-hard-link.mrc", "damaged.mrc"),
                "the input and the output are the same file");
        assertRefused(Jar.run(dir, "convert", "--to", "xml", "--rejects", "-", "damaged.mrc"),
                "--rejects -: the output already goes to standard output");

        // standard input that is the output file, through the shell's redirection
        ProcessBuilder stdin = new ProcessBuilder(Jar.command("convert", "--to", "mrc", "-o", "damaged.mrc", "-"))
                .directory(dir.toFile()).redirectInput(dir.resolve("damaged.mrc").toFile());
        assertRefused(Jar.run(stdin, null), "the input and the output are the same file");

        assertArrayEquals(input, Files.readAllBytes(dir.resolve("damaged.mrc")), "the input untouched");
        assertEquals("old output", Files.readString(old), "the old output untouched");
        assertFalse(Files.exists(dir.resolve("new.xml")));
        assertFalse(Files.exists(dir.resolve("x.xml")));
        assertNoPartFiles();
    }

    @Test
    void aDiskThatFillsUpWhileTheRejectsAreWrittenLeavesTheOldOutputAndRejects() throws IOException {
        Path disk = Files.createDirectories(dir.resolve("small-disk"));
        assumeTrue(shell("mount -t tmpfs -o size=64k tmpfs " + disk) == 0,
                "needs root to mount a 64 KiB tmpfs; skipped");
        smallDisk = disk;
        Path oldRejects = Files.writeString(disk.resolve("rejects.mrc"), "old rejects");
        Path oldOutput = Files.writeString(dir.resolve("kept.xml"), "old output");
        Jar.Result fits = Jar.run(dir, "convert", "--to", "xml", "-q", "-o", "/dev/null", "--rejects",
                "few-rejects.mrc.rejects", "few-rejects.mrc");
        long rejectBytes = Files.size(dir.resolve("few-rejects.mrc.rejects"));
        assertTrue(fits.exitCode() == Marcring.PROBLEMS && rejectBytes > 0 && rejectBytes < 65536,
                "the fixture has rejects, fewer than 64 KiB: " + rejectBytes + " bytes, " + fits);
        // fill the small disk: every later write to it fails as on a full disk
        shell("dd if=/dev/zero of=" + disk.resolve("filler") + " bs=4k 2>/dev/null");

        Jar.Result r = Jar.run(dir, "convert", "--to", "xml", "-o", "kept.xml", "--rejects",
                disk.resolve("rejects.mrc").toString(), "few-rejects.mrc");
        assertEquals(Marcring.FAILED, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("No space left on device"), r.stderr());
        assertEquals("old output", Files.readString(oldOutput), "the output was not committed without its rejects");
        assertEquals("old rejects", Files.readString(oldRejects));
        assertNoPartFiles();
        try (Stream<Path> s = Files.list(disk)) {
            assertEquals(List.of("filler", "rejects.mrc"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aKilledRunLeavesANamedTemporaryFileThatTheNextRunRemoves() throws Exception {
        Jar.Result g = Jar.run(dir, "generate", "--size", "30MB", "--seed", "7", "-q", "-o", "big.mrc");
        assertEquals(0, g.exitCode(), g.toString());
        Process p = new ProcessBuilder(Jar.command("convert", "--to", "xml", "-q", "-o", "killed.xml", "big.mrc"))
                .directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (partFiles("killed.xml").stream().noneMatch(OutputSafetyIT::hasBytes) && p.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assumeTrue(p.isAlive(), "the run ended before it could be killed");
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<Path> left = partFiles("killed.xml");
        assertEquals(1, left.size(), "kill -9 leaves the temporary file");
        String name = left.get(0).getFileName().toString();
        assertTrue(name.matches("\\.killed\\.xml\\.marcring-[0-9a-f]{8}-" + p.pid() + "-[0-9]+\\.part"),
                "named after the output, the program and the run: " + name);

        // a temporary file of a run still going (this JVM's) and one of another host or boot are left alone
        long self = ProcessHandle.current().pid();
        String boot = name.substring(".killed.xml.marcring-".length(), ".killed.xml.marcring-".length() + 8);
        Path live = Files.createFile(dir.resolve(".killed.xml.marcring-" + boot + "-" + self + "-"
                + PartFile.startTicks(self) + ".part"));
        Path otherBoot = Files.createFile(dir.resolve(".killed.xml.marcring-"
                + (boot.equals("00000000") ? "11111111" : "00000000") + "-1-1.part"));

        Jar.Result again = Jar.run(dir, "convert", "--to", "xml", "-q", "-o", "killed.xml", "gen.mrc");
        assertEquals(0, again.exitCode(), again.toString());
        assertArrayEquals(xml, Files.readAllBytes(dir.resolve("killed.xml")));
        assertFalse(Files.exists(left.get(0)), "the dead run's temporary file is removed");
        assertTrue(Files.exists(live) && Files.exists(otherBoot), "the others are left");
        Files.delete(live);
        Files.delete(otherBoot);

        Jar.Result help = Jar.run(dir, "convert", "--help");
        // the help wraps its lines at word ends, and may wrap inside the pattern (after ".OUT.")
        assertTrue(help.out().replaceAll("\\s+", "").contains(".OUT.marcring-…part"), help.out());
    }

    // ---- helpers

    private static void assertRefused(Jar.Result r, String message) {
        assertEquals(Marcring.FAILED, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains(message), r.stderr());
        assertFalse(r.stderr().contains("wrote"), "nothing was run: " + r.stderr());
    }

    private static String kind(Path p) throws IOException {
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        switch (mode & 0170000) {
            case 0020000:
                return "character device";
            case 0010000:
                return "fifo";
            case 0100000:
                return "regular file";
            default:
                return Integer.toOctalString(mode);
        }
    }

    private static int shell(String command) {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static boolean hasBytes(Path p) {
        try {
            return Files.size(p) > 0;
        } catch (IOException gone) {
            return false;
        }
    }

    private static List<Path> partFiles(String output) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith("." + output + ".")
                    && f.getFileName().toString().endsWith(".part")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNoPartFiles() {
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of(), s.filter(f -> f.getFileName().toString().endsWith(".part")).toList(),
                    "temporary files left behind");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
