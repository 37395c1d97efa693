package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcException;

/**
 * {@link GzipInput}: gzip is recognised by its magic bytes, and faults in the compressed data are a
 * {@link MarcException} naming how far decompression got, thrown once after the bytes before the fault.
 */
class GzipInputTest {
    /** 200 KB of text-like bytes: compressible, but not to a few bytes. */
    private static final byte[] DATA = data(200_000);

    private static byte[] data(int n) {
        Random random = new Random(7);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + random.nextInt(16));
        }
        return b;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Reads {@code in} to its end or fault into {@code got}; returns the fault, or {@code null}. */
    private static MarcException drain(InputStream in, ByteArrayOutputStream got) throws IOException {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                got.write(buf, 0, n);
            }
            return null;
        } catch (MarcException e) {
            return e;
        }
    }

    @Test
    void validGzipGivesTheOriginalBytes() throws IOException {
        BufferedInputStream in =
                GzipInput.decompressIfGzip(new BufferedInputStream(new ByteArrayInputStream(gzip(DATA))));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertNull(drain(in, got));
        assertArrayEquals(DATA, got.toByteArray());
    }

    @Test
    void inputThatIsNotGzipIsReturnedAsItIs() throws IOException {
        BufferedInputStream plain = new BufferedInputStream(new ByteArrayInputStream(DATA));
        assertSame(plain, GzipInput.decompressIfGzip(plain));
        assertArrayEquals(DATA, plain.readAllBytes(), "nothing consumed");
    }

    @Test
    void recognisesTheMagicNumber() throws IOException {
        byte[] gz = gzip(DATA);
        assertTrue(GzipInput.isGzip(gz, gz.length));
        assertTrue(GzipInput.isGzip(gz, 2));
        assertFalse(GzipInput.isGzip(gz, 1));
        assertFalse(GzipInput.isGzip(DATA, DATA.length));
        assertFalse(GzipInput.isGzip(new byte[0], 0));
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(gz));
        assertTrue(GzipInput.isGzip(in));
        assertArrayEquals(gz, in.readAllBytes(), "nothing consumed");
        assertFalse(GzipInput.isGzip(new BufferedInputStream(new ByteArrayInputStream(new byte[] {0x1F}))));
    }

    @Test
    void truncatedGzipGivesTheBytesBeforeTheCutThenAMarcException() throws IOException {
        byte[] gz = gzip(DATA);
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = GzipInput.decompressIfGzip(new BufferedInputStream(new ByteArrayInputStream(cut)));
        MarcException e = drain(in, got);
        assertTrue(e != null, "a fault");
        assertTrue(e.getCause() instanceof EOFException, String.valueOf(e.getCause()));
        int produced = got.size();
        assertTrue(produced > 0 && produced < DATA.length, "bytes before the cut: " + produced);
        assertArrayEquals(Arrays.copyOf(DATA, produced), got.toByteArray(), "the bytes before the cut, intact");
        assertTrue(e.getMessage().startsWith("corrupt gzip input after " + produced + " decompressed bytes: "),
                e.getMessage());
        assertEquals(-1, in.read(), "the input ends at the fault, reported once");
    }

    @Test
    void corruptDataInTheMiddleIsAMarcException() throws IOException {
        byte[] gz = gzip(DATA);
        for (int i = gz.length / 2; i < gz.length / 2 + 64; i++) {
            gz[i] = (byte) 0xFF; // a run of 1 bits: not a valid deflate block, or a bad checksum at the end
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        MarcException e = drain(GzipInput.decompress(new ByteArrayInputStream(gz)), got);
        assertTrue(e != null, "a fault");
        assertTrue(e.getCause() instanceof ZipException || e.getCause() instanceof EOFException,
                String.valueOf(e.getCause()));
        assertTrue(e.getMessage().startsWith("corrupt gzip input after " + got.size() + " decompressed bytes: "),
                e.getMessage());
    }

    @Test
    void aBadOrCutHeaderIsAMarcExceptionAtOnce() {
        byte[] header = {0x1F, (byte) 0x8B, 8, 0};
        MarcException cut = assertThrows(MarcException.class,
                () -> GzipInput.decompressIfGzip(new BufferedInputStream(new ByteArrayInputStream(header))));
        assertTrue(cut.getMessage().startsWith("corrupt gzip input after 0 decompressed bytes: "), cut.getMessage());
        byte[] badMethod = {0x1F, (byte) 0x8B, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        MarcException bad = assertThrows(MarcException.class,
                () -> GzipInput.decompress(new ByteArrayInputStream(badMethod)));
        assertTrue(bad.getCause() instanceof ZipException, String.valueOf(bad.getCause()));
        assertTrue(bad.getMessage().startsWith("corrupt gzip input after 0 decompressed bytes: "), bad.getMessage());
    }

    @Test
    void skippingIntoAFaultIsReportedAsReading() throws IOException {
        byte[] cut = Arrays.copyOf(gzip(DATA), 1000);
        InputStream in = GzipInput.decompress(new ByteArrayInputStream(cut));
        assertThrows(MarcException.class, () -> in.skip(DATA.length));
    }
}
