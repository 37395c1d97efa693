package org.marcring.spark;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hadoop.io.compress.SplitCompressionInputStream;

/**
 * The decompressed bytes of a split of a block-compressed file (bzip2, read in {@code BYBLOCK} mode), noting
 * where in them the first block lies whose marker starts at or after the split's end: the first block of the
 * next split that has one. In block mode the codec's reads stop at a block's end, and the position it reports
 * changes, to the next block's marker position plus one, with the read that hands out that block's first bytes.
 */
final class BlockStream extends InputStream {
    /**
     * Reads go to offset 0 of this buffer: after a block's end some Hadoop versions' bzip2 stream reads
     * {@code off + 1} bytes at {@code off}, which could overrun the caller's array.
     */
    private final byte[] chunk = new byte[1 << 16];
    private final SplitCompressionInputStream in;
    private final long end;
    private long offset;
    private long pastEnd = -1;

    /** The decompressed stream {@code in} of the split ending at compressed offset {@code end}. */
    BlockStream(SplitCompressionInputStream in, long end) {
        this.in = in;
        this.end = end;
    }

    /**
     * The offset in this stream of the first byte of the first block whose marker starts at or after the split's
     * end, or -1 until a read has handed it out.
     */
    long pastEnd() {
        return pastEnd;
    }

    /** Bytes handed out so far. */
    long offset() {
        return offset;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long before = in.getPos();
        int n = in.read(chunk, 0, Math.min(len, chunk.length));
        if (n > 0) {
            if (pastEnd < 0 && in.getPos() != before && in.getPos() > end) {
                pastEnd = offset;
            }
            System.arraycopy(chunk, 0, b, off, n);
            offset += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
