package org.marcring.codec.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A read-ahead buffer over a stream or channel for the text formats' framers: bytes from a mark ({@link #start()})
 * stay in the buffer while a framer scans forward, addressed relative to that mark, so that compacting and
 * growing the buffer never moves what the framer is looking at. Reads in 1 MiB chunks. Not thread-safe.
 */
public final class ByteWindow implements AutoCloseable {
    private static final int CHUNK = 1 << 20;

    private final InputStream stream;
    private final ReadableByteChannel channel;
    private byte[] buf = new byte[CHUNK];
    private int pos;
    private int limit;
    private long base;
    private boolean eof;

    private ByteWindow(InputStream stream) {
        this.stream = stream;
        this.channel = null;
    }

    private ByteWindow(ReadableByteChannel channel) {
        this.stream = null;
        this.channel = channel;
    }

    /** A window over a stream; closing the window closes the stream. */
    public static ByteWindow of(InputStream stream) {
        return new ByteWindow(java.util.Objects.requireNonNull(stream, "stream"));
    }

    /** A window over a channel; closing the window closes the channel. */
    public static ByteWindow of(ReadableByteChannel channel) {
        return new ByteWindow(java.util.Objects.requireNonNull(channel, "channel"));
    }

    /** The byte {@code rel} bytes after the mark; the caller has made sure it is there. */
    public byte at(int rel) {
        return buf[pos + rel];
    }

    /** The buffer; the mark is at {@link #start()}. Valid until the next read. */
    public byte[] buffer() {
        return buf;
    }

    /** Index of the mark in {@link #buffer()}. */
    public int start() {
        return pos;
    }

    /** Number of bytes available from the mark. */
    public int available() {
        return limit - pos;
    }

    /** Offset in the input of the mark. */
    public long position() {
        return base + pos;
    }

    /** Moves the mark {@code n} bytes forward. */
    public void skip(int n) {
        pos += n;
    }

    /**
     * Makes at least {@code n} bytes available from the mark, reading as needed.
     *
     * @return whether they are there (false only at the end of the input)
     */
    public boolean ensure(int n) {
        while (limit - pos < n) {
            if (!readMore()) {
                return false;
            }
        }
        return true;
    }

    /** Reads at least one more byte; false at the end of the input. */
    public boolean readMore() {
        if (eof) {
            return false;
        }
        if (limit == buf.length) {
            int keep = limit - pos;
            if (keep > buf.length / 2) {
                byte[] bigger = new byte[buf.length * 2];
                System.arraycopy(buf, pos, bigger, 0, keep);
                buf = bigger;
            } else {
                System.arraycopy(buf, pos, buf, 0, keep);
            }
            base += pos;
            pos = 0;
            limit = keep;
        }
        try {
            int r;
            do {
                r = stream != null ? stream.read(buf, limit, buf.length - limit)
                        : channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
            } while (r == 0);
            if (r < 0) {
                eof = true;
                return false;
            }
            limit += r;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading at byte " + (base + limit) + ": " + e.getMessage(), e);
        }
    }

    /** Whether a read may wait indefinitely: anything but a file. */
    public boolean mayBlock() {
        return !(channel instanceof java.nio.channels.FileChannel);
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            } else {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
