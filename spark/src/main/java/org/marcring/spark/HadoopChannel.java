package org.marcring.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A Hadoop file's stream ({@code file:}, {@code hdfs:}, {@code s3a:} ...) seen as the read-only seekable channel
 * the codec's range framer reads; closing it closes the stream.
 */
final class HadoopChannel implements SeekableByteChannel {
    private final FSDataInputStream in;
    private final long size;
    private boolean open = true;

    HadoopChannel(FSDataInputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasArray()) {
            byte[] b = new byte[Math.min(dst.remaining(), 1 << 16)];
            int n = in.read(b, 0, b.length);
            if (n > 0) {
                dst.put(b, 0, n);
            }
            return n;
        }
        int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
        if (n > 0) {
            dst.position(dst.position() + n);
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        return in.getPos();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        in.seek(newPosition);
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        in.close();
    }
}
