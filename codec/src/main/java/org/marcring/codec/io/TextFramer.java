package org.marcring.codec.io;

import java.util.Objects;

import org.marcring.codec.iso2709.RawRecord;

/**
 * What the framers of the text formats share ({@code MarcXmlFramer}, {@code MarcJsonFramer}, {@link LineFramer}):
 * each finds record boundaries by scanning the bytes of a {@link ByteWindow}, without parsing them, and hands
 * out each record as a {@link RawRecord} view of its bytes exactly as in the input, with its ordinal, byte
 * offset and framing defects, as {@code RecordFramer} does for ISO 2709. The sequential readers, the engine
 * and a reader of part of a file can all frame a format the same way. The scanning is each one's own.
 *
 * <p>A view is valid until the next call of {@link #next(RawRecord)}. Not thread-safe.
 */
public abstract class TextFramer implements AutoCloseable {
    /** The bytes being scanned. */
    protected final ByteWindow input;
    /** The largest record, in bytes (from {@link ReadOptions#maxRecordBytes()}). */
    protected final int maxRecordBytes;
    private long ordinal;
    private long regionsSkipped;
    private long bytesSkipped;

    /** A framer over {@code input} with the limits of {@code options}. */
    protected TextFramer(ByteWindow input, ReadOptions options) {
        this.input = Objects.requireNonNull(input, "input");
        this.maxRecordBytes = options.maxRecordBytes();
    }

    /**
     * Points {@code into} at the next record (or piece, flagged by its defects).
     *
     * @return {@code false} at the end of the input ({@code into} is then left alone)
     * @throws java.io.UncheckedIOException if reading fails
     * @throws org.marcring.codec.MarcFormatException if the input cannot be framed any further
     */
    public abstract boolean next(RawRecord into);

    /**
     * Number of records and pieces of records handed out so far (the ordinal of the next one); pieces flagged
     * {@link RawRecord#GARBAGE} hold no record, take no ordinal and are counted apart ({@link #regionsSkipped()}).
     */
    public final long recordsFramed() {
        return ordinal;
    }

    /**
     * Whether the piece last framed continues the one before it: a later piece of a record longer than the size
     * limit (the first piece flagged {@link RawRecord#OVERSIZED}), so that a reader can count the record once.
     * This base answers {@code false}: its format cuts no record into pieces.
     */
    public boolean continuesPrevious() {
        return false;
    }

    /** Number of {@link RawRecord#GARBAGE} pieces handed out so far. */
    public final long regionsSkipped() {
        return regionsSkipped;
    }

    /** Number of input bytes in the {@link RawRecord#GARBAGE} pieces handed out so far. */
    public final long bytesSkipped() {
        return bytesSkipped;
    }

    /** Offset in the input of the next byte not yet framed. */
    public final long position() {
        return input.position();
    }

    /** Whether a read may wait for data indefinitely (a pipe, a socket, a terminal): anything but a file. */
    public final boolean readsMayBlock() {
        return input.mayBlock();
    }

    /** Points {@code into} at the {@code length} bytes at the window's mark as the next record, and skips them. */
    protected final void emit(RawRecord into, int length, int defects) {
        if ((defects & RawRecord.GARBAGE) != 0) {
            // not a record: it carries the ordinal of the record after it and takes none
            regionsSkipped++;
            bytesSkipped += length;
            into.set(input.buffer(), input.start(), length, ordinal, input.position(), defects, -1);
        } else {
            into.set(input.buffer(), input.start(), length, ordinal++, input.position(), defects, -1);
        }
        input.skip(length);
    }

    /**
     * Skips what may stand between records: blanks, tabs, line ends, and the 0x1A end-of-file marks and NUL
     * fill that real files carry. {@code false} at the end of the input.
     */
    protected final boolean skipFiller() {
        while (true) {
            while (input.available() > 0) {
                byte b = input.at(0);
                if (isFiller(b)) {
                    input.skip(1);
                } else {
                    return true;
                }
            }
            if (!input.readMore()) {
                return false;
            }
        }
    }

    /** Whether {@code b} is a byte {@link #skipFiller()} skips. */
    protected static boolean isFiller(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0x1A || b == 0;
    }

    /** Closes the input. */
    @Override
    public final void close() {
        input.close();
    }
}
