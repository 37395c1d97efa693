package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcring.codec.iso2709.RecordFramer;

/**
 * Inputs that no heap can hold, given to the command line with a small heap: a run of ISO 2709 "record" without
 * a record terminator larger than the heap, and a gzip bomb that inflates to many times the heap, each end as
 * <em>one</em> rejected record whose report says how many bytes it covered, with exit code 1 - never an
 * {@link OutOfMemoryError}, never a hang. And a thread that does die of an {@code OutOfMemoryError} (a heap too
 * small for the record size limit) ends the run with an error naming it. The digits, the text node and the
 * dying thread are tried with two threads and with one (one thread then runs reading, parsing and writing).
 */
class MemoryLimitIT {
    private static final List<String> HEAP_256M = List.of("-Xmx256m");
    /** A 1 MiB block of ASCII '9's: a leader length 99999 that never finds its terminator. */
    private static final byte[] NINES = nines(1 << 20);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "--threads {0}")
    @ValueSource(strings = {"1", "2"})
    void aRunOfDigitsLargerThanTheHeapIsOneRejectedRecord(String threads) throws IOException {
        // 300 MiB proves what 500 MB would (the file is larger than the heap) in less time and disk
        long size = 300L << 20;
        try (OutputStream out = Files.newOutputStream(dir.resolve("digits.mrc"))) {
            for (long n = 0; n < size; n += NINES.length) {
                out.write(NINES);
            }
        }
        Jar.Result r = run("convert", "--threads", threads, "--to", "marcxml", "-o", "out.xml", "--rejects",
                "rejects.mrc", "digits.mrc");
        assertOneRejectOf(r, size);
    }

    @Test
    void aGzipBombIsOneRejectedRecord() throws IOException {
        long size = 600L << 20; // inflates to 600 MiB from about 600 KB
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("bomb.mrc.gz")), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            for (long n = 0; n < size; n += NINES.length) {
                out.write(NINES);
            }
        }
        assertTrue(Files.size(dir.resolve("bomb.mrc.gz")) < 2_000_000, "a bomb: " + Files.size(dir.resolve("bomb.mrc.gz")));
        Jar.Result r = run("convert", "--to", "marcxml", "-o", "out.xml", "--rejects", "rejects.mrc", "bomb.mrc.gz");
        assertOneRejectOf(r, size);
    }

    @ParameterizedTest(name = "--threads {0}")
    @ValueSource(strings = {"1", "2"})
    void aMarcXmlTextNodeLargerThanTheHeapIsOneRejectedRecordAndTheNextIsWritten(String threads)
            throws IOException {
        long size = 300L << 20; // larger than the heap, as a 500 MB node would be
        try (OutputStream out = Files.newOutputStream(dir.resolve("big.xml"))) {
            out.write(("<?xml version=\"1.0\"?><collection xmlns=\"http://www.loc.gov/MARC21/slim\">"
                    + "<record><leader>00000nam a2200000 i 4500</leader><datafield tag=\"500\" ind1=\" \" ind2=\" \">"
                    + "<subfield code=\"a\">").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] text = new byte[1 << 20];
            Arrays.fill(text, (byte) 'x');
            for (long n = 0; n < size; n += text.length) {
                out.write(text);
            }
            out.write(("</subfield></datafield></record><record><leader>00000nam a2200000 i 4500</leader>"
                    + "<controlfield tag=\"001\">after</controlfield></record></collection>")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        Jar.Result r = run("convert", "--threads", threads, "--to", "marcxml", "-o", "out.xml", "--rejects",
                "rejects.xml", "big.xml");
        assertEquals(1, r.exitCode(), r.toString());
        assertFalse(r.stderr().contains("OutOfMemoryError"), r.stderr());
        assertTrue(r.stderr().contains("read 2 records, wrote 1, rejected 1"), r.stderr());
        assertTrue(Files.readString(dir.resolve("out.xml")).contains(">after</controlfield>"), "the next record");
        assertTrue(Files.size(dir.resolve("rejects.xml")) < 64L << 20, "the reject is not the whole node");
    }

    @Test
    void aGzipBombOfZerosIsOneSkippedRegionNotSilence() throws IOException {
        long size = 300L << 20; // zeros: filler between records, which a short run of is skipped silently
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("zeros.mrc.gz")), 1 << 16)) {
            byte[] zeros = new byte[1 << 16];
            for (long n = 0; n < size; n += zeros.length) {
                out.write(zeros);
            }
        }
        Jar.Result r = run("convert", "--to", "marcxml", "-o", "out.xml", "--rejects", "rejects.mrc",
                "zeros.mrc.gz");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("1 damaged region, " + String.format("%,d", size) + " bytes skipped"),
                r.stderr());
        assertEquals(RecordFramer.OVERSIZED_HEAD, Files.size(dir.resolve("rejects.mrc")), "the run's head kept");
    }

    @ParameterizedTest(name = "--threads {0}")
    @ValueSource(strings = {"1", "2"})
    void aThreadThatRunsOutOfMemoryEndsTheRunWithAnErrorNamingIt(String threads) throws IOException {
        // with 16 MiB of heap, the I/O thread cannot grow its buffer to the 16 MiB record size limit
        try (OutputStream out = Files.newOutputStream(dir.resolve("digits.mrc"))) {
            for (int i = 0; i < 40; i++) {
                out.write(NINES);
            }
        }
        Jar.Result r = Jar.run(new ProcessBuilder(Jar.command(List.of("-Xmx16m"), "convert", "--threads", threads,
                "--to", "marcxml", "-o", "out.xml", "digits.mrc")).directory(dir.toFile()), null);
        assertEquals(2, r.exitCode(), r.toString());
        String thread = threads.equals("1") ? "marcring-worker" : "marcring-io"; // one thread does all with one
        assertTrue(r.stderr().contains("java.lang.OutOfMemoryError") && r.stderr().contains("in thread " + thread),
                r.stderr());
        assertFalse(Files.exists(dir.resolve("out.xml")), "no output under its name after a failed run");
    }

    private Jar.Result run(String... args) {
        return Jar.run(new ProcessBuilder(Jar.command(HEAP_256M, args)).directory(dir.toFile()), null);
    }

    private void assertOneRejectOf(Jar.Result r, long size) throws IOException {
        assertEquals(1, r.exitCode(), r.toString());
        assertFalse(r.stderr().contains("OutOfMemoryError"), r.stderr());
        assertTrue(r.stderr().contains("read 1 records, wrote 0, rejected 1"), r.stderr());
        assertTrue(r.stderr().contains("a run of " + size + " bytes from input byte 0 to " + size), r.stderr());
        byte[] rejected = Files.readAllBytes(dir.resolve("rejects.mrc"));
        assertEquals(RecordFramer.OVERSIZED_HEAD, rejected.length, "the rejects file holds the run's kept start");
        assertTrue(Arrays.equals(nines(RecordFramer.OVERSIZED_HEAD), rejected), "the input's bytes");
    }

    private static byte[] nines(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) '9');
        return b;
    }
}
