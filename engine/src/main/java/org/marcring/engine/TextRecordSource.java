package org.marcring.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.Supplier;

import org.marcring.codec.MarcFormatException;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;

/**
 * A {@link RecordSource} for the line-based text formats: splits the input into records by lines, without
 * parsing them, so that the format's own decoder runs on the parser threads.
 *
 * <ul>
 * <li>{@link Framing#LINES}: one record per non-blank line (newline-delimited MARC-in-JSON);</li>
 * <li>{@link Framing#BLANK_LINES}: records of consecutive non-blank lines, separated by blank lines
 * (MARCMaker {@code .mrk}/{@code .mrk8}).</li>
 * </ul>
 *
 * <p>A record's raw bytes are its lines as read, line ends included except after its last line; its offset
 * is that of its first byte. A run without a line end longer than the record size limit comes out in pieces
 * flagged {@link RawRecord#OVERSIZED} (the rest of the run up to its line end too), which the parser
 * rejects. The decoding itself comes from the
 * {@code parsers} supplier (one parser per thread), e.g. a MARC-in-JSON or MARCMaker decoder of one record.
 */
public final class TextRecordSource extends ScannedSource {

    /** How records are delimited. */
    public enum Framing {
        /** One record per non-blank line. */
        LINES,
        /** Records separated by one or more blank lines. */
        BLANK_LINES
    }

    private final Framing framing;
    private boolean inOversizedRun;

    TextRecordSource(ByteInput input, Framing framing, ReadOptions options,
                             Supplier<? extends RecordParser> parsers) {
        super(input, options, parsers);
        this.framing = Objects.requireNonNull(framing, "framing");
    }

    /** A source over a stream; closing the source closes the stream. */
    public static TextRecordSource of(InputStream in, Framing framing, ReadOptions options,
                                      Supplier<? extends RecordParser> parsers) {
        return new TextRecordSource(new ByteInput(Objects.requireNonNull(in, "in")), framing, options, parsers);
    }

    /** A source over a channel; closing the source closes the channel. */
    public static TextRecordSource of(ReadableByteChannel channel, Framing framing, ReadOptions options,
                                      Supplier<? extends RecordParser> parsers) {
        return new TextRecordSource(new ByteInput(Objects.requireNonNull(channel, "channel")), framing, options,
                parsers);
    }

    /** A source over a file, read through a {@code FileChannel}. */
    public static TextRecordSource open(Path file, Framing framing, ReadOptions options,
                                        Supplier<? extends RecordParser> parsers) throws IOException {
        return of(FileChannel.open(file, StandardOpenOption.READ), framing, options, parsers);
    }

    @Override
    public boolean next(RecordSlot slot) {
        if (inOversizedRun) {
            return nextPiece(slot);
        }
        if (!skipFiller()) {
            return false;
        }
        int length = 0;                // bytes of the record so far, from the mark
        int contentEnd;                // end of the record's last line, before its line end
        while (true) {
            int eol = findNewline(length);
            if (eol == -2) {           // no line end within the size limit
                emit(slot, maxRecordBytes, RawRecord.OVERSIZED);
                inOversizedRun = true;
                return true;
            }
            if (eol < 0) {             // the input ends within this line
                contentEnd = input.available();
                break;
            }
            contentEnd = eol;
            length = eol + 1;
            if (framing == Framing.LINES || isBlankLineAt(length)) {
                break;
            }
        }
        while (contentEnd > 0 && input.at(contentEnd - 1) == '\r') {
            contentEnd--;
        }
        emit(slot, contentEnd, 0);
        return true;
    }

    /** The next piece of an oversized run, up to its line end; flagged oversized too. */
    private boolean nextPiece(RecordSlot slot) {
        if (input.available() == 0 && !input.readMore()) {
            inOversizedRun = false;
            return false;
        }
        int eol = findNewline(0);
        if (eol == -2) {
            emit(slot, maxRecordBytes, RawRecord.OVERSIZED);
            return true;
        }
        inOversizedRun = false;
        emit(slot, eol < 0 ? input.available() : eol, RawRecord.OVERSIZED);
        return true;
    }

    /**
     * Index (from the mark) of the next line feed at or after {@code from}: -1 if the input ends first,
     * -2 if the record would grow past the size limit.
     */
    private int findNewline(int from) {
        int i = from;
        while (true) {
            int available = input.available();
            for (; i < available; i++) {
                if (input.at(i) == '\n') {
                    return i;
                }
                if (i >= maxRecordBytes) {
                    return -2;
                }
            }
            if (!input.readMore()) {
                return -1;
            }
        }
    }

    /** Whether the line starting {@code from} bytes after the mark is blank, or the input ends there. */
    private boolean isBlankLineAt(int from) {
        int i = from;
        while (true) {
            int available = input.available();
            for (; i < available; i++) {
                byte b = input.at(i);
                if (b == '\n') {
                    return true;
                }
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
                if (i - from > maxRecordBytes) {
                    return false;
                }
            }
            if (!input.readMore()) {
                return true;
            }
        }
    }

    /** A parser that rejects oversized pieces and hands everything else to the format's parser. */
    @Override
    public RecordParser newParser() {
        RecordParser format = formatParser();
        return slot -> {
            if ((slot.defects() & RawRecord.OVERSIZED) != 0) {
                throw new MarcFormatException(slot.ordinal(), slot.byteOffset(), "no line end within the "
                        + slot.rawLength() + "-byte record size limit", slot.copyOfRaw());
            }
            return format.parse(slot);
        };
    }
}
