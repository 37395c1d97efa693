package org.marcring.engine;

import java.util.Objects;
import java.util.function.Supplier;

import org.marcring.codec.MarcException;
import org.marcring.codec.io.TextFramer;
import org.marcring.codec.iso2709.RawRecord;

/**
 * What the sources of the text formats share ({@link TextRecordSource} for lines and blank-line blocks,
 * {@link JsonRecordSource} for JSON objects, {@link XmlRecordSource} for MARCXML elements): each adapts its
 * format's codec framer (a {@link TextFramer}) to ring slots, copying each record into a slot with its
 * ordinal, byte offset and defects, and hands the format's decoding to parsers made by a supplier.
 */
abstract class ScannedSource implements RecordSource {
    private final TextFramer framer;
    private final RawRecord view = new RawRecord();
    private final Supplier<? extends RecordParser> parsers;

    ScannedSource(TextFramer framer, Supplier<? extends RecordParser> parsers) {
        this.framer = Objects.requireNonNull(framer, "framer");
        this.parsers = Objects.requireNonNull(parsers, "parsers");
    }

    /** Whether the last record handed out was the first piece of one longer than the size limit. */
    private boolean inOversized;
    /** Later pieces of oversized records skipped so far: each took an ordinal of the framer's. */
    private long piecesSkipped;

    /** Where the format was detected from the first bytes rather than given: its name, else {@code null}. */
    private String detectedFormat;

    @Override
    public final boolean next(RecordSlot slot) {
        try {
            while (true) {
                if (!framer.next(view)) {
                    return false;
                }
                if (inOversized && framer.continuesPrevious()) {
                    piecesSkipped++;                       // the rest of a record already refused as one
                    continue;
                }
                inOversized = (view.defects() & RawRecord.OVERSIZED) != 0;
                break;
            }
        } catch (MarcException e) {
            if (detectedFormat == null) {
                throw e;
            }
            // the bytes that made the detector pick this format are not what the framer needs: say so
            throw new MarcException(e.getMessage() + "; " + detectedFormat + " was detected from the first bytes: "
                    + "name the format if the input is in another one (--from)", e);
        }
        copy(view, slot);
        return true;
    }

    /** Marks the format as detected from the first bytes, so that a framing failure says so. */
    final ScannedSource detected(String formatName) {
        this.detectedFormat = formatName;
        return this;
    }

    /** Copies a framed record into {@code slot}: its bytes, ordinal, byte offset and defects. */
    void copy(RawRecord record, RecordSlot slot) {
        slot.copyRaw(record.buffer(), record.offset(), record.length());
        slot.describe(ordinalOf(record), record.byteOffset(), record.defects(), -1);
    }

    /**
     * The record's ordinal in the input: the framer's, less the later pieces of oversized records skipped
     * before it, so that an oversized record counts once, as the sequential readers count it.
     */
    final long ordinalOf(RawRecord record) {
        return record.ordinal() - piecesSkipped;
    }

    /** A new parser of the format, from the supplier the source was given. */
    protected final RecordParser formatParser() {
        return Objects.requireNonNull(parsers.get(), "the parser supplier returned null");
    }

    @Override
    public final boolean readsMayBlock() {
        return framer.readsMayBlock();
    }

    @Override
    public final long position() {
        return framer.position();
    }

    @Override
    public final void close() {
        framer.close();
    }
}
