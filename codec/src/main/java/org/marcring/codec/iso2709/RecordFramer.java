package org.marcring.codec.iso2709;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

import org.marcring.codec.io.ReadOptions;

/**
 * Splits a byte stream into ISO 2709 records: reads the 5-digit record length from each leader and
 * checks that the record ends there with the record terminator 0x1D.
 *
 * <p>It survives what real files contain. A length that lies (too short, too long, not digits, zero,
 * or a record over 99,999 bytes) is overruled by the next 0x1D and flagged. Newlines, blanks, NUL
 * fill and 0x1A end-of-file bytes between records are skipped. Other bytes between records come out
 * as a {@link RawRecord#GARBAGE} piece (which is not a record: it takes no ordinal, and is counted in
 * {@link #regionsSkipped()} and {@link #bytesSkipped()}), and a record cut short (by the end of the input, or by the start
 * of a whole record before its terminator) as a {@link RawRecord#TRUNCATED} one, so that no byte of the
 * input is lost without a report. A run without a terminator longer than the size limit comes out as one
 * {@link RawRecord#OVERSIZED} record: the framer keeps its first {@value #OVERSIZED_HEAD} bytes and skips the rest
 * to the next record terminator (or to a whole record ending there), whatever its length, in bounded memory;
 * {@link RawRecord#spanLength()} says how many bytes of the input it covered.
 *
 * <p>Records are handed out as views into the framer's buffer ({@link #next(RawRecord)}); nothing is
 * allocated per record. Reads from an {@link InputStream}, a {@link ReadableByteChannel} (a
 * {@link FileChannel} for files), or straight from a {@code byte[]} or {@link ByteBuffer} without
 * copying. Not thread-safe.
 *
 * <pre>{@code
 * try (RecordFramer framer = RecordFramer.open(Path.of("books.mrc"))) {
 *     RawRecord raw = new RawRecord();
 *     while (framer.next(raw)) {
 *         // raw.buffer()[raw.offset() .. raw.offset() + raw.length()) is one record
 *     }
 * }
 * }</pre>
 */
public final class RecordFramer implements AutoCloseable {
    /** Record terminator. */
    public static final byte RT = 0x1D;
    /** Field terminator. */
    public static final byte FT = 0x1E;
    /** Subfield delimiter. */
    public static final byte SD = 0x1F;

    /** Default read chunk: 1 MiB. */
    public static final int DEFAULT_CHUNK = 1 << 20;
    /** Smallest possible record: a leader, a directory terminator and a record terminator. */
    static final int MIN_RECORD = 26;
    /** Bytes kept of an oversized run: its start, for the report; the rest is skipped. */
    public static final int OVERSIZED_HEAD = 1 << 16;
    /** The longest run of padding (filler with a NUL or 0x1A) skipped without a report. */
    public static final int PADDING_LIMIT = 1 << 16;
    /** The longest record a leader can declare: a whole record ending a skipped run starts at most this far back. */
    private static final int LONGEST_DECLARED = 99_999;

    private final Source source;
    private final int chunk;
    private int maxRecordBytes = ReadOptions.DEFAULT_MAX_RECORD_BYTES;

    private byte[] buf;
    private int pos;
    private int limit;
    private long bufBase;        // input offset of buf[0]
    private boolean eof;
    private long ordinal;
    private long regionsSkipped;
    private long bytesSkipped;
    private boolean closed;
    private boolean afterBoundary = true; // the bytes before pos: the input's start or 0x1D and filler

    private RecordFramer(Source source, byte[] buf, int pos, int limit, boolean eof, long base, int chunk) {
        this.source = source;
        this.buf = buf;
        this.pos = pos;
        this.limit = limit;
        this.eof = eof;
        this.bufBase = base;
        this.chunk = chunk;
    }

    /** A framer over a stream, reading in 1 MiB chunks; closing the framer closes the stream. */
    public static RecordFramer of(InputStream in) {
        Objects.requireNonNull(in, "in");
        return new RecordFramer(new StreamSource(in), new byte[DEFAULT_CHUNK], 0, 0, false, 0, DEFAULT_CHUNK);
    }

    /** A framer over a channel, reading in 1 MiB chunks; closing the framer closes the channel. */
    public static RecordFramer of(ReadableByteChannel channel) {
        return of(channel, DEFAULT_CHUNK);
    }

    /** A framer over a channel, reading in chunks of {@code chunkSize} bytes. */
    public static RecordFramer of(ReadableByteChannel channel, int chunkSize) {
        Objects.requireNonNull(channel, "channel");
        if (chunkSize < 64) {
            throw new IllegalArgumentException("chunk size must be at least 64: " + chunkSize);
        }
        return new RecordFramer(new ChannelSource(channel), new byte[chunkSize], 0, 0, false, 0, chunkSize);
    }

    /** A framer over a stream, reading in chunks of {@code chunkSize} bytes (small sizes are for tests). */
    public static RecordFramer of(InputStream in, int chunkSize) {
        Objects.requireNonNull(in, "in");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
        return new RecordFramer(new StreamSource(in), new byte[Math.max(chunkSize, 64)], 0, 0, false, 0, chunkSize);
    }

    /** A framer over a whole array, without copying it. */
    public static RecordFramer of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** A framer over {@code length} bytes of {@code bytes} from {@code offset}, without copying them. */
    public static RecordFramer of(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return new RecordFramer(null, bytes, offset, offset + length, true, -offset, 0);
    }

    /** A framer over the remaining bytes of a buffer (without copying where it has an array). */
    public static RecordFramer of(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            return of(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return of(copy);
    }

    /** A framer over a file, read through a {@link FileChannel}. */
    public static RecordFramer open(Path file) throws IOException {
        return open(file, 0);
    }

    /**
     * A framer over a file from byte {@code start} on, which first skips to the next verified record start
     * (see {@link #skipToRecordStart()}) unless {@code start} is 0; {@link #position()} then tells where that is.
     * For reading ranges of a large file independently, see {@link RangeFramer}.
     */
    public static RecordFramer open(Path file, long start) throws IOException {
        return open(FileChannel.open(file, StandardOpenOption.READ), start);
    }

    /**
     * A framer over a seekable channel from byte {@code start} on, which first skips to the next verified
     * record start (see {@link #skipToRecordStart()}) unless {@code start} is 0: a record starting at
     * {@code start} itself is taken only if the bytes before it are a record terminator and filler (looked
     * back for up to {@value #LOOK_BACK} bytes). Offsets are absolute in the channel. Closing the framer closes
     * the channel, also when this method fails.
     */
    public static RecordFramer open(SeekableByteChannel channel, long start) throws IOException {
        return open(channel, start, DEFAULT_CHUNK);
    }

    /** As {@link #open(SeekableByteChannel, long)}, reading in chunks of at most {@code maxChunk} bytes. */
    static RecordFramer open(SeekableByteChannel channel, long start, int maxChunk) throws IOException {
        Objects.requireNonNull(channel, "channel");
        try {
            long size = channel.size();
            if (start < 0 || start > size) {
                throw new IllegalArgumentException("start " + start + " outside the input of " + size + " bytes");
            }
            boolean boundary = start == 0 || followsBoundary(channel, start);
            channel.position(start);
            // a small file needs no 1 MiB buffer: many small files are common (one record per file)
            int chunk = (int) Math.max(64, Math.min(maxChunk, size - start + 1));
            RecordFramer f = new RecordFramer(new ChannelSource(channel), new byte[chunk], 0, 0, false, start, chunk);
            f.afterBoundary = boundary;
            if (start > 0) {
                f.skipToRecordStart();
            }
            return f;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** How far {@link #open(SeekableByteChannel, long)} looks back over filler for a record terminator. */
    static final int LOOK_BACK = 1 << 16;

    /** Whether the bytes before {@code start} are the start of the input or a record terminator, then filler. */
    private static boolean followsBoundary(SeekableByteChannel channel, long start) throws IOException {
        long floor = Math.max(0, start - LOOK_BACK);
        byte[] block = new byte[(int) Math.min(4096, start - floor)];
        long p = start;
        while (p > floor) {
            int n = (int) Math.min(block.length, p - floor);
            channel.position(p - n);
            ByteBuffer bb = ByteBuffer.wrap(block, 0, n);
            while (bb.hasRemaining()) {
                if (channel.read(bb) < 0) {
                    throw new IOException("input ended at byte " + (p - n + bb.position()) + " before its size");
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (!RecordStart.isFiller(block[i])) {
                    return block[i] == RT;
                }
            }
            p -= n;
        }
        return p == 0;
    }

    /**
     * Sets the largest record accepted (default 16 MiB); a run without terminator beyond it comes out
     * as one {@link RawRecord#OVERSIZED} record holding the run's first bytes.
     */
    public RecordFramer maxRecordBytes(int bytes) {
        if (bytes < 64) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 64: " + bytes);
        }
        this.maxRecordBytes = bytes;
        return this;
    }

    /** Offset in the input of the next byte not yet framed. */
    public long position() {
        return bufBase + pos;
    }

    /**
     * Whether the next record lies whole in the buffer, as its leader's length says, so that {@link #next}
     * frames it without reading: a reader of a pipe hands on what it holds before a read that may wait.
     */
    public boolean hasBufferedRecord() {
        int p = pos;
        while (p < limit && (buf[p] == 0x00 || buf[p] == 0x1A || buf[p] == '\n' || buf[p] == '\r' || buf[p] == ' '
                || buf[p] == '\t')) {
            p++;
        }
        if (limit - p < 5) {
            return false;
        }
        int declared = digitsAt(p, 5);
        return declared >= MIN_RECORD && declared <= limit - p && buf[p + declared - 1] == RT;
    }

    /**
     * Number of records framed so far, which is the ordinal of the next one; {@link RawRecord#GARBAGE} pieces
     * are not records and are counted apart ({@link #regionsSkipped()}).
     */
    public long recordsFramed() {
        return ordinal;
    }

    /** Number of {@link RawRecord#GARBAGE} pieces handed out so far: runs of bytes between records holding none. */
    public long regionsSkipped() {
        return regionsSkipped;
    }

    /** Number of input bytes in the {@link RawRecord#GARBAGE} pieces handed out so far. */
    public long bytesSkipped() {
        return bytesSkipped;
    }

    /**
     * Frames the next record into {@code into}.
     *
     * @return {@code false} at the end of the input
     * @throws UncheckedIOException if reading fails
     */
    public boolean next(RawRecord into) {
        if (skipPadding(into)) {
            return true;
        }
        if (pos >= limit && !fill(1)) {
            return false;
        }
        int declared = digits5(pos);
        if (declared >= MIN_RECORD && declared <= maxRecordBytes) {
            if (pos + declared <= limit || fill(declared)) {
                if (buf[pos + declared - 1] == RT) {
                    return emit(into, declared, 0, declared);
                }
            }
        }
        return frameByTerminator(into, declared);
    }

    /**
     * Skips the filler before a record, as {@link #skipFill()} does; but a run of more than
     * {@value #PADDING_LIMIT} filler bytes holding a NUL or 0x1A (a zero-filled or truncated download, a
     * decompression bomb of zeros) is not skipped silently: it is handed out as one {@link RawRecord#GARBAGE}
     * piece keeping its first {@value #OVERSIZED_HEAD} bytes, counted in {@link #bytesSkipped()} at its full
     * length. Returns whether it handed out such a piece.
     */
    private boolean skipPadding(RawRecord into) {
        long start = bufBase + pos;
        byte[] head = null;
        int kept = 0;
        boolean padding = false;                           // a NUL or 0x1A in the run: not just blank lines
        while (true) {
            while (pos < limit) {
                byte b = buf[pos];
                if (!RecordStart.isFiller(b)) {
                    return handOutPadding(into, start, head, kept, padding);
                }
                if (b == 0 || b == 0x1A) {
                    padding = true;
                }
                if (kept < OVERSIZED_HEAD) {
                    if (head == null) {
                        head = new byte[256];
                    } else if (kept == head.length) {
                        head = Arrays.copyOf(head, Math.min(OVERSIZED_HEAD, head.length * 4));
                    }
                    head[kept++] = b;
                }
                pos++;
            }
            if (!fill(1)) {
                return handOutPadding(into, start, head, kept, padding);
            }
        }
    }

    private boolean handOutPadding(RawRecord into, long start, byte[] head, int kept, boolean padding) {
        long length = bufBase + pos - start;
        if (!padding || length <= PADDING_LIMIT) {
            return false;
        }
        regionsSkipped++;
        bytesSkipped += length;
        into.set(head, 0, kept, ordinal, start, RawRecord.GARBAGE, -1, length);
        return true;
    }

    /** The slow path: find the record by its terminator and say what was wrong. */
    private boolean frameByTerminator(RawRecord into, int declared) {
        int end = findTerminator(pos);       // index of 0x1D, or -1
        if (end < 0) {
            int available = limit - pos;
            if (available >= maxRecordBytes) {
                return emitOversized(into, declared);
            }
            // input ended without a terminator
            int start = declared < 0 ? findLeaderStart(pos, limit, -1) : -1;
            if (start > pos) {
                return emit(into, start - pos, RawRecord.GARBAGE, -1);
            }
            return emit(into, available, RawRecord.TRUNCATED | (declared < 0 ? RawRecord.LENGTH_NOT_NUMERIC : 0),
                    declared);
        }
        int length = end - pos + 1;
        if (declared < 0) {
            int start = findLeaderStart(pos, end + 1, end);
            if (start > pos) {
                return emit(into, start - pos, RawRecord.GARBAGE, -1);
            }
            if (!looksLikeLeader(pos, end + 1)) {
                return emit(into, length, RawRecord.GARBAGE, -1);
            }
            return emit(into, length, RawRecord.LENGTH_NOT_NUMERIC, declared);
        }
        // a record cut short and followed by a whole one: end the cut record where the whole one starts
        int start = findWholeRecordStart(pos, end);
        if (start > pos) {
            return emit(into, start - pos, RawRecord.TRUNCATED, declared);
        }
        return emit(into, length, RawRecord.LENGTH_MISMATCH, declared);
    }

    /**
     * A position after {@code from} where a whole record starts and ends exactly at {@code terminator}, its
     * leader and directory consistent ({@link RecordStart#isConsistentRecord}); -1 if none.
     */
    private int findWholeRecordStart(int from, int terminator) {
        for (int q = from + 1; q + MIN_RECORD - 1 <= terminator; q++) {
            if (RecordStart.isConsistentRecord(buf, q, terminator - q + 1)) {
                return q;
            }
        }
        return -1;
    }

    /**
     * Frames a run with no terminator within the size limit (which starts at {@code pos} and is buffered up to
     * the limit) as one record: keeps its first {@value #OVERSIZED_HEAD} bytes and skips on to the next record
     * terminator, compacting the buffer as it goes, so that memory stays bounded however long the run is. If a
     * whole record ends at that terminator, the run ends where that record starts, and the record is framed
     * next; otherwise the run ends with the terminator (or with the input).
     */
    private boolean emitOversized(RawRecord into, int declared) {
        byte[] head = Arrays.copyOfRange(buf, pos, pos + Math.min(maxRecordBytes, OVERSIZED_HEAD));
        long start = bufBase + pos;
        int scan = pos + maxRecordBytes; // no terminator before this
        long end;                        // input offset where the run ends (exclusive)
        boolean boundary;
        while (true) {
            int rt = -1;
            for (int i = scan; i < limit; i++) {
                if (buf[i] == RT) {
                    rt = i;
                    break;
                }
            }
            if (rt >= 0) {
                // a whole record inside the run starts after the run's first byte
                int lowestStart = (int) Math.max(0, start + 1 - bufBase);
                // (one the size limit accepts, so that it is framed whole next)
                int longest = Math.min(LONGEST_DECLARED, maxRecordBytes);
                int q = findWholeRecordStart(Math.max(lowestStart, rt + 1 - longest) - 1, rt);
                if (q >= 0) {
                    end = bufBase + q;
                    pos = q;
                    boundary = false;
                } else {
                    end = bufBase + rt + 1;
                    pos = rt + 1;
                    boundary = true;
                }
                break;
            }
            if (!readMoreKeepingTail()) {
                end = bufBase + limit;
                pos = limit;
                boundary = false;
                break;
            }
            scan = tailKept;
        }
        // a whole record may start within the kept head (with a small size limit): keep only the run's bytes
        int kept = (int) Math.min(head.length, end - start);
        into.set(head, 0, kept, ordinal++, start, RawRecord.OVERSIZED, declared, end - start);
        afterBoundary = boundary;
        return true;
    }

    /** Bytes at the front of the buffer kept by the last {@link #readMoreKeepingTail()}, already scanned. */
    private int tailKept;

    /**
     * Drops all but the last {@value #LONGEST_DECLARED} buffered bytes (where a whole record may start) and reads
     * more after them; {@code false} at the end of the input.
     */
    private boolean readMoreKeepingTail() {
        if (eof || source == null) {
            eof = true;
            return false;
        }
        int keep = Math.min(LONGEST_DECLARED, limit - pos);
        int room = Math.max(chunk, 1 << 16);
        byte[] into = buf.length - keep >= room ? buf : new byte[keep + room];
        System.arraycopy(buf, limit - keep, into, 0, keep);
        buf = into;
        bufBase += limit - keep;
        pos = 0;
        limit = keep;
        tailKept = keep;
        try {
            int r = source.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                return false;
            }
            limit += r;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading at byte " + (bufBase + limit) + ": " + e.getMessage(), e);
        }
    }

    private boolean emit(RawRecord into, int length, int defects, int declared) {
        if ((defects & RawRecord.GARBAGE) != 0) {
            // not a record: it carries the ordinal of the record after it and takes none
            regionsSkipped++;
            bytesSkipped += length;
            into.set(buf, pos, length, ordinal, bufBase + pos, defects, declared);
        } else {
            into.set(buf, pos, length, ordinal++, bufBase + pos, defects, declared);
        }
        pos += length;
        afterBoundary = buf[pos - 1] == RT;
        return true;
    }

    /**
     * Skips forward to the next position where a record verifiably starts by {@link RecordStart}'s rule: at the
     * current position if the bytes before it are the input's start or a record terminator and filler, else
     * right after a later record terminator (and filler). Bytes skipped are not framed.
     *
     * @return {@code true} if a record start was found, {@code false} at the end of the input
     */
    public boolean skipToRecordStart() {
        skipFill(); // a start on the fill before a record must not skip that record
        while (true) {
            while (pos < limit || fill(1)) {
                if (afterBoundary && isVerifiedStart()) {
                    return true;
                }
                // move to just after the next terminator
                int end = findTerminator(pos);
                if (end < 0) {
                    pos = limit;
                    afterBoundary = false;
                    break;
                }
                pos = end + 1;
                afterBoundary = true;
                skipFill();
            }
            if (eof && pos >= limit) {
                return false;
            }
        }
    }

    /** Whether a record with a consistent leader and directory starts at {@code pos} (reading ahead as needed). */
    private boolean isVerifiedStart() {
        if (!fill(24)) {
            return false;
        }
        int len = digitsAt(pos, 5);
        return len >= MIN_RECORD && len <= maxRecordBytes && fill(len) && RecordStart.isConsistentRecord(buf, pos, len);
    }

    // ---------------------------------------------------------------- scanning

    /** Skips NUL, 0x1A, CR, LF, TAB and blanks between records. */
    private void skipFill() {
        while (true) {
            while (pos < limit) {
                byte b = buf[pos];
                if (RecordStart.isFiller(b)) {
                    pos++;
                } else {
                    return;
                }
            }
            if (!fill(1)) {
                return;
            }
        }
    }

    /** Index of the first 0x1D at or after {@code from} within the size limit, reading as needed; -1 if none. */
    private int findTerminator(int from) {
        int scanned = from - pos;
        while (true) {
            int stop = Math.min(limit, pos + maxRecordBytes);
            for (int i = pos + scanned; i < stop; i++) {
                if (buf[i] == RT) {
                    return i;
                }
            }
            scanned = stop - pos;
            if (scanned >= maxRecordBytes || !fill(scanned + 1)) {
                return -1;
            }
        }
    }

    /**
     * A position in {@code [from, to)} after {@code from} where a record with a consistent leader and directory
     * ends exactly at {@code terminator} (or, without a terminator, where 5 digits are followed by a plausible
     * leader); -1 if none.
     */
    private int findLeaderStart(int from, int to, int terminator) {
        for (int q = from + 1; q + 24 <= to; q++) {
            int len = digits5(q);
            if (len < MIN_RECORD) {
                continue;
            }
            if (terminator >= 0 ? q + len - 1 == terminator && RecordStart.isConsistentRecord(buf, q, len)
                    : looksLikeLeader(q, to)) {
                return q;
            }
        }
        return -1;
    }

    /** Whether 24 bytes from {@code p} could be a leader with a lying length: counts and base address numeric. */
    private boolean looksLikeLeader(int p, int to) {
        if (p + 24 > to) {
            return false;
        }
        return isDigit(buf[p + 10]) && isDigit(buf[p + 11]) && digitsAt(p + 12, 5) >= 0;
    }

    private int digits5(int p) {
        if (p + 5 > limit) {
            int ahead = p - pos;
            if (!fill(ahead + 5)) {
                return -1;
            }
            p = pos + ahead; // fill may have moved the bytes to the front of the buffer
        }
        return digitsAt(p, 5);
    }

    private int digitsAt(int p, int n) {
        int v = 0;
        for (int i = p; i < p + n; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    // ---------------------------------------------------------------- reading

    /**
     * Makes at least {@code n} bytes available from {@code pos}, compacting, growing and reading as needed.
     *
     * @return whether they are there (false only at the end of the input)
     */
    private boolean fill(int n) {
        if (limit - pos >= n) {
            return true;
        }
        if (eof || source == null) {
            eof = true;
            return false;
        }
        if (pos + n > buf.length) {
            int keep = limit - pos;
            if (n > buf.length) {
                byte[] bigger = new byte[Math.max(n, Math.min(buf.length * 2, maxRecordBytes + chunk))];
                System.arraycopy(buf, pos, bigger, 0, keep);
                buf = bigger;
            } else {
                System.arraycopy(buf, pos, buf, 0, keep);
            }
            bufBase += pos;
            pos = 0;
            limit = keep;
        }
        try {
            while (limit - pos < n) {
                int r = source.read(buf, limit, buf.length - limit);
                if (r < 0) {
                    eof = true;
                    return false;
                }
                limit += r;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading at byte " + (bufBase + limit) + ": " + e.getMessage(), e);
        }
    }

    /** Closes the underlying stream or channel. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private interface Source {
        int read(byte[] b, int off, int len) throws IOException;

        void close() throws IOException;
    }

    private static final class StreamSource implements Source {
        private final InputStream in;

        StreamSource(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r;
            do {
                r = in.read(b, off, len);
            } while (r == 0 && len > 0);
            return r;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class ChannelSource implements Source {
        private final ReadableByteChannel ch;

        ChannelSource(ReadableByteChannel ch) {
            this.ch = ch;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r;
            ByteBuffer bb = ByteBuffer.wrap(b, off, len);
            do {
                r = ch.read(bb);
            } while (r == 0 && len > 0);
            return r;
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
