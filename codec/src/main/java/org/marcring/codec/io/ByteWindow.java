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
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final InputStream stream;
    private final ReadableByteChannel channel;
    private byte[] buf;
    private int pos;
    private int limit;
    private long base;
    private boolean eof;
    // line counting, for readers that report positions as line and column (off until countLines())
    private boolean countingLines;
    private long countedTo;
    private long lines;
    private long lastNewline = -1;
    /** Characters of the current line before {@code lineCharsTo}. */
    private long lineChars;
    private long lineCharsTo;

    private ByteWindow(InputStream stream, int capacity) {
        this.stream = stream;
        this.channel = null;
        this.buf = new byte[capacity];
    }

    private ByteWindow(ReadableByteChannel channel) {
        this.stream = null;
        this.channel = channel;
        this.buf = new byte[CHUNK];
    }

    /** A window over a stream; closing the window closes the stream. */
    public static ByteWindow of(InputStream stream) {
        return new ByteWindow(java.util.Objects.requireNonNull(stream, "stream"), CHUNK);
    }

    /**
     * A window over a stream that reads at most {@code capacity} bytes at a time to begin with (it grows for a
     * record longer than half of that): a reader of one record in memory need not allocate a chunk of 1 MiB.
     */
    public static ByteWindow of(InputStream stream, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity " + capacity + " < 2");
        }
        return new ByteWindow(java.util.Objects.requireNonNull(stream, "stream"), capacity);
    }

    /**
     * A window for a reader over {@code stream}: sized to the bytes of an in-memory stream (one record parsed on
     * its own), else reading 64 KiB at a time.
     */
    public static ByteWindow forReader(InputStream stream) {
        int size = 1 << 16;
        if (stream instanceof java.io.ByteArrayInputStream) {
            size = Math.max(2, Math.min(size, ((java.io.ByteArrayInputStream) stream).available() + 1));
        }
        return of(stream, size);
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
            if (countingLines) { // what is about to be dropped is counted first
                countLinesTo(base + pos);
                countLineCharactersTo(base + pos);
            }
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

    /**
     * Keeps count of the lines of the input from now on (the window must not have moved yet), so that
     * {@link #lineOf(long)} and {@link #columnOf(long, boolean)} can say where an offset is, at the cost of one
     * look at each byte, eight at a time.
     */
    public void countLines() {
        if (base + pos > 0 || countedTo > 0) {
            throw new IllegalStateException("lines are counted from the start of the input");
        }
        countingLines = true;
    }

    /** Whether lines are counted ({@link #countLines()}). */
    public boolean countsLines() {
        return countingLines;
    }

    /**
     * The 1-based line of {@code offset} ({@code '\n'} ends a line). Offsets asked for must not decrease, and
     * must not be before the mark as it was at the last read.
     */
    public long lineOf(long offset) {
        countLinesTo(offset);
        return lines + 1;
    }

    /**
     * The 1-based column of {@code offset} in its line: in bytes, or in characters where {@code characters}
     * (the input then UTF-8, counting each byte that does not continue a UTF-8 sequence). Same rules as
     * {@link #lineOf(long)}.
     */
    public long columnOf(long offset, boolean characters) {
        countLinesTo(offset);
        if (!characters) {
            return offset - lastNewline;
        }
        countLineCharactersTo(offset);
        return lineChars + 1;
    }

    /** Counts the lines up to {@code to}. */
    private void countLinesTo(long to) {
        if (!countingLines) {
            throw new IllegalStateException("lines are not counted: countLines() first");
        }
        if (to < countedTo || to > base + limit) {
            throw new IllegalArgumentException("offset " + to + " outside the counted part of the window");
        }
        byte[] b = buf;
        int i = (int) (countedTo - base);
        int end = (int) (to - base);
        long newlines = 0;
        int last = -1;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL; // a newline byte becomes 0
            long zero = ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL);
            if (zero != 0) {
                newlines += Long.bitCount(zero);
                last = i + ((63 - Long.numberOfLeadingZeros(zero)) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (b[i] == '\n') {
                newlines++;
                last = i;
            }
        }
        if (last >= 0) {
            lines += newlines;
            lastNewline = base + last;
        }
        countedTo = to;
    }

    /** Counts the characters of the current line up to {@code to} (lines counted that far). */
    private void countLineCharactersTo(long to) {
        if (lineCharsTo <= lastNewline) {
            lineCharsTo = lastNewline + 1;
            lineChars = 0;
        }
        if (lineCharsTo < to) {
            lineChars += charactersIn(lineCharsTo, to);
            lineCharsTo = to;
        }
    }

    /** Bytes that do not continue a UTF-8 sequence in {@code [from, to)}, eight at a time. */
    private long charactersIn(long from, long to) {
        byte[] b = buf;
        int i = (int) (from - base);
        int end = (int) (to - base);
        long n = end - i;
        for (; i + 8 <= end; i += 8) {
            long w = (long) LONGS.get(b, i);
            n -= Long.bitCount(w & ~(w << 1) & 0x8080808080808080L); // 10xxxxxx
        }
        for (; i < end; i++) {
            if ((b[i] & 0xC0) == 0x80) {
                n--;
            }
        }
        return n;
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
