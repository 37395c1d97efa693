package org.marcring.spark;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hadoop.fs.FSDataInputStream;

/** The bytes {@code [start, end)} of a Hadoop file as a stream; closing it closes the file's stream. */
final class RangeStream extends InputStream {
    private final FSDataInputStream in;
    private long remaining;

    RangeStream(FSDataInputStream in, long start, long end) throws IOException {
        this.in = in;
        this.remaining = Math.max(0, end - start);
        in.seek(start);
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
