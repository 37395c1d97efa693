package org.marcring.spark;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;

/**
 * The decompressed bytes of the lines of one compressed byte range {@code [start, end)} of a line-based file
 * (NDJSON) in a block codec that Hadoop can split (bzip2), by the rule of Hadoop's {@code LineRecordReader} for
 * compressed splits. The range's blocks are those of {@link BlockStream}. With B the first decompressed byte of
 * a range's first block, and L(B) the offset just past the first line feed at or after B: a range after the
 * first starts at L(B) of its own first block (it drops the line that B cuts, or that starts at B), and every
 * range stops at L(B) of the next range's first block, reading on into that block through the line that B cuts.
 * So the next range starts where this one stops, and every line is read by exactly one range. A range in which
 * no block starts has no lines. Closing closes the file's stream.
 */
final class BlockLineStream extends InputStream {
    private final BlockStream blocks;
    private final Decompressor decompressor;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean ended;
    private boolean closed;

    private BlockLineStream(BlockStream blocks, Decompressor decompressor, boolean empty) {
        this.blocks = blocks;
        this.decompressor = decompressor;
        this.ended = empty;
    }

    /** The lines of {@code [start, end)} of the compressed file open in {@code in}. */
    static BlockLineStream open(SplittableCompressionCodec codec, FSDataInputStream in, long start, long end)
            throws IOException {
        Decompressor decompressor = CodecPool.getDecompressor(codec);
        BlockLineStream lines = null;
        try {
            SplitCompressionInputStream split = codec.createInputStream(in, decompressor, start, end,
                    SplittableCompressionCodec.READ_MODE.BYBLOCK);
            // before the first read the position is that of the first block's marker at or after start
            boolean empty = start > 0 && split.getPos() >= end;
            lines = new BlockLineStream(new BlockStream(split, end), decompressor, empty);
            if (start > 0) {
                lines.dropFirstLine();
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (lines != null) {
                lines.close();
            } else {
                try {
                    in.close();
                } finally {
                    CodecPool.returnDecompressor(decompressor);
                }
            }
            throw e;
        }
    }

    /** Drops the bytes through the first line feed; all of them if there is none. */
    private void dropFirstLine() throws IOException {
        while (pos < lim || fill()) {
            while (pos < lim) {
                if (buf[pos++] == '\n') {
                    return;
                }
            }
        }
    }

    /**
     * Reads the next bytes into the buffer, ending the range just past the first line feed at or after the
     * next range's first block once that block is reached; {@code false} at the range's end.
     */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int n = blocks.read(buf, 0, buf.length);
        if (n <= 0) {
            ended = true;
            return false;
        }
        pos = 0;
        lim = n;
        long pastEnd = blocks.pastEnd();
        if (pastEnd >= 0) {
            long base = blocks.offset() - n;
            for (int i = (int) Math.max(0, pastEnd - base); i < n; i++) {
                if (buf[i] == '\n') {
                    lim = i + 1;
                    ended = true;
                    break;
                }
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos >= lim && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= lim && !fill()) {
            return -1;
        }
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            blocks.close();
        } finally {
            CodecPool.returnDecompressor(decompressor);
        }
    }
}
