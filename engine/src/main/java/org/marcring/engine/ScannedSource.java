package org.marcring.engine;

import java.util.Objects;
import java.util.function.Supplier;

import org.marcring.codec.io.ReadOptions;

/**
 * What the sources of the text formats share ({@link TextRecordSource} for lines and blank-line blocks,
 * {@link JsonRecordSource} for JSON objects, {@link XmlRecordSource} for MARCXML elements): each finds record
 * boundaries by scanning the bytes of a {@link ByteInput}, copies each record into a slot with its ordinal and
 * byte offset, and hands the format's decoding to parsers made by a supplier. The scanning is each one's own.
 */
abstract class ScannedSource implements RecordSource {
    /** The bytes being scanned. */
    protected final ByteInput input;
    /** The largest record, in bytes (from {@link ReadOptions#maxRecordBytes()}). */
    protected final int maxRecordBytes;
    /** Ordinal of the next record or piece put into a slot. */
    protected long ordinal;
    private final Supplier<? extends RecordParser> parsers;

    ScannedSource(ByteInput input, ReadOptions options, Supplier<? extends RecordParser> parsers) {
        this.input = input;
        this.maxRecordBytes = options.maxRecordBytes();
        this.parsers = Objects.requireNonNull(parsers, "parsers");
    }

    /** Copies the {@code length} bytes at the input's start into {@code slot} as the next record, and skips them. */
    protected final void emit(RecordSlot slot, int length, int defects) {
        slot.copyRaw(input.buffer(), input.start(), length);
        slot.describe(ordinal++, input.position(), defects, -1);
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
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0x1A || b == 0) {
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

    /** A new parser of the format, from the supplier the source was given. */
    protected final RecordParser formatParser() {
        return Objects.requireNonNull(parsers.get(), "the parser supplier returned null");
    }

    @Override
    public final boolean readsMayBlock() {
        return input.mayBlock();
    }

    @Override
    public final long position() {
        return input.position();
    }

    @Override
    public final void close() {
        input.close();
    }
}
