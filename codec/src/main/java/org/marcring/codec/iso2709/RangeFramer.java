package org.marcring.codec.iso2709;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Frames the ISO 2709 records of one byte range {@code [start, end)} of a file, so that a large file can be
 * read in ranges by independent tasks (one per split on a cluster) and all ranges together give exactly the
 * frames of the whole-file read: same bytes, same order, none twice and none lost.
 *
 * <p>A range reads from R(start), the first verified record start at or after {@code start} ({@link RecordStart};
 * R(0) = 0), and yields every frame that starts before R(end), completing the last one past {@code end}. As the
 * next range begins at that same R(end), and a verified start is always a frame boundary of the whole-file read,
 * the ranges meet without a gap or an overlap. Frames that cannot be verified as record starts (garbage,
 * records cut short, lying lengths) belong to the range before them. Should a frame reach past R(end) all the
 * same (a lying length that happens to end on a later record's terminator), it is cut at R(end) and flagged
 * {@link RawRecord#TRUNCATED}, so that the record starting there is framed once, by the next range.
 *
 * <p>Offsets ({@link RawRecord#byteOffset()}, {@link #start()}, {@link #stop()}) are absolute in the file;
 * ordinals count from 0 in each range. Finding R(end) reads ahead of {@code end} only until the next verified
 * start. Not thread-safe.
 *
 * <p>A range of a stream whose R(end) is found only while reading it (a split of a compressed file, whose next
 * split starts in a block this one reaches by reading on) is framed by {@link #of(RecordFramer, LongSupplier)}
 * with the same rule.
 */
public final class RangeFramer implements AutoCloseable {
    /** Read chunk while looking for R(end): most starts are found within the next record. */
    private static final int PROBE_CHUNK = 1 << 16;

    private final RecordFramer framer;
    private final long start;
    private final LongSupplier stop;
    private boolean done;

    private RangeFramer(RecordFramer framer, long start, LongSupplier stop) {
        this.framer = framer;
        this.start = start;
        this.stop = stop;
    }

    /** The frames of the range {@code [start, end)} of a file. */
    public static RangeFramer open(Path file, long start, long end) throws IOException {
        return open(FileChannel.open(file, StandardOpenOption.READ), start, end);
    }

    /**
     * The frames of the range {@code [start, end)} of a seekable channel (a file, or a remote file system's
     * stream seen as a channel); closing the range framer closes the channel, also when this method fails.
     *
     * @throws IllegalArgumentException if {@code start > end} or {@code start} is negative or past the end
     */
    public static RangeFramer open(SeekableByteChannel channel, long start, long end) throws IOException {
        Objects.requireNonNull(channel, "channel");
        try {
            long size = channel.size();
            if (start < 0 || start > end || start > size) {
                throw new IllegalArgumentException("range [" + start + ", " + end + ") of an input of " + size
                        + " bytes");
            }
            long stop = size;
            if (end < size) {
                try (RecordFramer probe = RecordFramer.open(new Unclosed(channel), end, PROBE_CHUNK)) {
                    stop = probe.position();
                }
            }
            RecordFramer framer = RecordFramer.open(channel, start);
            long found = stop;
            return new RangeFramer(framer, framer.position(), () -> found);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The frames of {@code framer} from its position (R(start): the input's start or a verified record start)
     * up to R(end), where R(end) is found while reading: {@code stop} answers R(end), in the framer's offsets,
     * once it is known and {@link Long#MAX_VALUE} before (and for good if the range runs to the end of the
     * input). It must be known by the time the framer has read the byte at R(end), which every frame that
     * reaches or passes R(end) has. Frames are cut at R(end) and the range ends there as for a file's range.
     * Closing the range framer closes {@code framer}.
     */
    public static RangeFramer of(RecordFramer framer, LongSupplier stop) {
        Objects.requireNonNull(framer, "framer");
        Objects.requireNonNull(stop, "stop");
        return new RangeFramer(framer, framer.position(), stop);
    }

    /** R(start): the offset in the file where this range's first frame starts. */
    public long start() {
        return start;
    }

    /**
     * R(end): the offset where the next range's first frame starts; this range's frames all start before it.
     * {@link Long#MAX_VALUE} for a range of {@link #of(RecordFramer, LongSupplier)} while R(end) is not known.
     */
    public long stop() {
        return stop.getAsLong();
    }

    /** Frames the range's next record into {@code into}; {@code false} once the range is done. */
    public boolean next(RawRecord into) {
        if (done || !framer.next(into)) {
            done = true;
            return false;
        }
        long at = into.byteOffset();
        long stop = this.stop.getAsLong();
        if (at >= stop) {
            done = true;
            return false;
        }
        if (at + into.length() > stop) {
            into.set(into.buffer(), into.offset(), (int) (stop - at), into.ordinal(), at,
                    into.defects() | RawRecord.TRUNCATED, into.declaredLength());
            done = true;
        }
        return true;
    }

    /**
     * Sets the largest record accepted (default 16 MiB); see {@link RecordFramer#maxRecordBytes(int)}. It does
     * not change where the range starts and stops (a verified start is at most 99,999 bytes long).
     */
    public RangeFramer maxRecordBytes(int bytes) {
        framer.maxRecordBytes(bytes);
        return this;
    }

    /** Closes the channel. */
    @Override
    public void close() {
        framer.close();
    }

    /** A channel whose close leaves the underlying one open, for the look-ahead framer. */
    private static final class Unclosed implements SeekableByteChannel {
        private final SeekableByteChannel channel;

        Unclosed(SeekableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new IOException("read only");
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            throw new IOException("read only");
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
        }
    }
}
