package org.marcring.codec.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.marcring.codec.MarcException;

/**
 * Gzip-compressed input, read the same way wherever records are read: recognised by its magic bytes, and
 * decompressed so that faults in the compressed data (not a gzip header, a corrupt deflate stream, compressed
 * data cut short) are bad input, reported as a {@link MarcException} naming how many bytes had been
 * decompressed, not as an I/O failure. Faults of the underlying stream stay {@link IOException}s.
 *
 * <pre>{@code
 * BufferedInputStream in = GzipInput.decompressIfGzip(new BufferedInputStream(Files.newInputStream(path)));
 * }</pre>
 */
public final class GzipInput {
    private static final int BUFFER = 1 << 16;

    private GzipInput() {
    }

    /** Whether the first {@code length} bytes of {@code head} start with the gzip magic number. */
    public static boolean isGzip(byte[] head, int length) {
        return length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    /** Whether {@code in} starts with the gzip magic number; nothing is consumed. */
    public static boolean isGzip(BufferedInputStream in) throws IOException {
        byte[] head = FormatDetector.peek(in, 2);
        return isGzip(head, head.length);
    }

    /**
     * {@code in} decompressed and buffered where it starts with the gzip magic number, else {@code in} itself.
     * Closing the result closes {@code in}.
     *
     * @throws MarcException where the gzip header is bad or cut short
     */
    public static BufferedInputStream decompressIfGzip(BufferedInputStream in) throws IOException {
        return isGzip(in) ? new BufferedInputStream(decompress(in), BUFFER) : in;
    }

    /**
     * The decompressed bytes of {@code compressed}. A fault in the compressed data is thrown once, as a
     * {@link MarcException}, after the bytes before it have been handed on; the input then ends there. The
     * stream reports nothing {@linkplain InputStream#available() available}, so that a buffer above it hands
     * on what it has after each read instead of reading on into a fault and losing the bytes before it.
     * Closing the result closes {@code compressed}.
     *
     * @throws MarcException where the gzip header is bad or cut short
     */
    public static InputStream decompress(InputStream compressed) throws IOException {
        return new Decompressed(compressed);
    }

    private static final class Decompressed extends FilterInputStream {
        private long produced;
        private boolean failed;

        Decompressed(InputStream compressed) throws IOException {
            super(open(compressed));
        }

        private static InputStream open(InputStream compressed) throws IOException {
            try {
                return new GZIPInputStream(compressed, BUFFER);
            } catch (ZipException | EOFException e) {
                throw bad(e, 0);
            }
        }

        private static MarcException bad(IOException e, long produced) {
            return new MarcException("corrupt gzip input after " + produced + " decompressed bytes: "
                    + e.getMessage(), e);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failed) {
                return -1; // reported once; what follows is the end of the input
            }
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    produced += n;
                }
                return n;
            } catch (ZipException | EOFException e) {
                failed = true;
                throw bad(e, produced);
            }
        }

        /** Reads and drops the bytes, so that a fault met while skipping is reported as one met while reading. */
        @Override
        public long skip(long n) throws IOException {
            byte[] drop = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(drop, 0, (int) Math.min(drop.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
