package org.marcring.codec.io;

import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;

import org.marcring.codec.iso2709.RawRecord;

/**
 * The framer of the line-based text formats: splits the input into records by lines, without parsing them.
 *
 * <ul>
 * <li>{@link Framing#LINES}: one record per non-blank line (newline-delimited MARC-in-JSON);</li>
 * <li>{@link Framing#BLANK_LINES}: records of consecutive non-blank lines, separated by blank lines
 * (MARCMaker {@code .mrk}/{@code .mrk8}); a line starting {@code =LDR}, a MARCMaker leader, starts a record
 * also without a blank line before it.</li>
 * </ul>
 *
 * <p>A record's raw bytes are its lines as read, line ends included except after its last line; its offset
 * is that of its first byte. A run without a line end longer than the record size limit comes out in pieces
 * flagged {@link RawRecord#OVERSIZED} (the rest of the run up to its line end too).
 */
public final class LineFramer extends TextFramer {

    /** How records are delimited. */
    public enum Framing {
        /** One record per non-blank line. */
        LINES,
        /** Records separated by one or more blank lines, or starting at an {@code =LDR} line. */
        BLANK_LINES
    }

    private static final byte[] LEADER_LINE = {'=', 'L', 'D', 'R'};

    private final Framing framing;
    private boolean inOversizedRun;

    private LineFramer(ByteWindow input, Framing framing, ReadOptions options) {
        super(input, options);
        this.framing = Objects.requireNonNull(framing, "framing");
    }

    /** A framer over a window; closing the framer closes it. */
    public static LineFramer of(ByteWindow input, Framing framing, ReadOptions options) {
        return new LineFramer(input, framing, options);
    }

    /** A framer over a stream; closing the framer closes the stream. */
    public static LineFramer of(InputStream in, Framing framing, ReadOptions options) {
        return new LineFramer(ByteWindow.of(in), framing, options);
    }

    /** A framer over a channel; closing the framer closes the channel. */
    public static LineFramer of(ReadableByteChannel channel, Framing framing, ReadOptions options) {
        return new LineFramer(ByteWindow.of(channel), framing, options);
    }

    @Override
    public boolean next(RawRecord into) {
        if (inOversizedRun) {
            return nextPiece(into);
        }
        if (!skipFiller()) {
            return false;
        }
        int length = 0;                // bytes of the record so far, from the mark
        int contentEnd;                // end of the record's last line, before its line end
        while (true) {
            int eol = findNewline(length);
            if (eol == -2) {           // no line end within the size limit
                emit(into, maxRecordBytes, RawRecord.OVERSIZED);
                inOversizedRun = true;
                return true;
            }
            if (eol < 0) {             // the input ends within this line
                contentEnd = input.available();
                break;
            }
            contentEnd = eol;
            length = eol + 1;
            if (framing == Framing.LINES || isBlankLineAt(length) || isLeaderLineAt(length)) {
                break;
            }
        }
        while (contentEnd > 0 && input.at(contentEnd - 1) == '\r') {
            contentEnd--;
        }
        emit(into, contentEnd, 0);
        return true;
    }

    /** The next piece of an oversized run, up to its line end; flagged oversized too. */
    private boolean nextPiece(RawRecord into) {
        if (input.available() == 0 && !input.readMore()) {
            inOversizedRun = false;
            return false;
        }
        int eol = findNewline(0);
        if (eol == -2) {
            emit(into, maxRecordBytes, RawRecord.OVERSIZED);
            return true;
        }
        inOversizedRun = false;
        int length = eol < 0 ? input.available() : eol;
        if (length == 0) {
            return next(into); // the run ended right at the end of a piece
        }
        emit(into, length, RawRecord.OVERSIZED);
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

    /** Whether the line starting {@code from} bytes after the mark is a MARCMaker leader line ({@code =LDR}). */
    private boolean isLeaderLineAt(int from) {
        return input.ensure(from + LEADER_LINE.length) && input.at(from) == LEADER_LINE[0]
                && input.at(from + 1) == LEADER_LINE[1] && input.at(from + 2) == LEADER_LINE[2]
                && input.at(from + 3) == LEADER_LINE[3];
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
}
