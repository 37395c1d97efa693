package org.marcring.codec.json;

import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;

import org.marcring.codec.io.ByteWindow;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.TextFramer;
import org.marcring.codec.iso2709.RawRecord;

/**
 * The framer of MARC-in-JSON documents: finds each record object by scanning the bytes (strings and escapes
 * respected, no JSON parser), in a top-level array of records ({@code [{…},{…}]}, pretty-printed or not) or a
 * sequence of top-level objects ({@code {…} {…}}, which includes newline-delimited JSON). Each record's raw
 * bytes are its object exactly as in the input; its offset is that of its <code>{</code>.
 *
 * <p>What is not an object where a record belongs comes out flagged {@link RawRecord#GARBAGE}: an array
 * (however deeply nested) as one piece, a number, a string or stray bytes up to the next separator. An
 * object cut short by the end of the input, or by the start of the next record inside it (a missing
 * <code>}</code> or <code>]</code>, a stray quote), comes out flagged {@link RawRecord#TRUNCATED}, so that a
 * damaged record costs that record only; one longer than the record size limit comes out in
 * {@link RawRecord#OVERSIZED} pieces. Records in several arrays one after the other are all framed.
 */
public final class MarcJsonFramer extends TextFramer {
    /** How far past a <code>{</code> blanks are looked through for a record's first key. */
    private static final int LOOK_AHEAD = 256;

    private boolean inArray;
    private boolean finished;
    // an oversized value coming out in pieces: the scan state carried between calls
    private boolean inValue;
    private int pieceDefects;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean continuing;

    private MarcJsonFramer(ByteWindow input, ReadOptions options) {
        super(input, options);
    }

    /** A framer over a window; closing the framer closes it. */
    public static MarcJsonFramer of(ByteWindow input, ReadOptions options) {
        return new MarcJsonFramer(input, options);
    }

    /** A framer over a stream; closing the framer closes the stream. */
    public static MarcJsonFramer of(InputStream in, ReadOptions options) {
        return new MarcJsonFramer(ByteWindow.of(in), options);
    }

    /** A framer over a channel; closing the framer closes the channel. */
    public static MarcJsonFramer of(ReadableByteChannel channel, ReadOptions options) {
        return new MarcJsonFramer(ByteWindow.of(channel), options);
    }

    /**
     * Whether the piece last framed continues the one before it: a later piece of a value longer than the size
     * limit, so that a reader can count the record once.
     */
    @Override
    public boolean continuesPrevious() {
        return continuing;
    }

    @Override
    public boolean next(RawRecord into) {
        continuing = inValue;
        if (inValue) {
            return scanValue(into, 0, pieceDefects | RawRecord.OVERSIZED);
        }
        if (finished) {
            return false;
        }
        while (true) {
            if (!skipFiller()) {
                return false;
            }
            byte b = input.at(0);
            if (!inArray && b == '[') {
                inArray = true;            // an array of records (and another after it, if the input goes on)
                input.skip(1);
                continue;
            }
            if (inArray && (b == ',')) {
                input.skip(1);
                continue;
            }
            if (inArray && b == ']') {
                input.skip(1);
                inArray = false;
                continue;
            }
            if (b == '{' || inArray && b == '[') {
                // an object is a record; an array where a record belongs is skipped whole, as one piece of garbage
                inValue = true;
                pieceDefects = b == '{' ? 0 : RawRecord.GARBAGE;
                depth = 0;
                inString = false;
                escaped = false;
                return scanValue(into, 0, pieceDefects);
            }
            return garbage(into);
        }
    }

    /** Bytes up to the next place a record could start (a separator, a <code>{</code>), flagged garbage. */
    private boolean garbage(RawRecord into) {
        int i = 1;
        while (true) {
            if (i >= input.available() && !input.ensure(i + 1)) {
                break;
            }
            byte b = input.at(i);
            if (b == '{' || b == '[' || b == '\n' || inArray && (b == ',' || b == ']') || i >= maxRecordBytes) {
                break;
            }
            i++;
        }
        emit(into, i, RawRecord.GARBAGE);
        return true;
    }

    /**
     * Scans an object or array from the mark to its closing bracket; emits it, or a piece of it, or what there is.
     * A record start (<code>{"leader":</code> or <code>{"fields":</code>) inside it, which no MARC-in-JSON record
     * holds and no JSON string can (its quote would be escaped), ends it there, cut short: the record or a
     * bracket before it was not closed, or a stray quote turned strings inside out.
     */
    private boolean scanValue(RawRecord into, int from, int defects) {
        int i = from;
        while (true) {
            // the bytes in the window, looked at directly; more read once they run out
            byte[] window = input.buffer();
            int mark = input.start();
            int limit = Math.min(input.available(), maxRecordBytes);
            while (i < limit) {
                byte c = window[mark + i];
                if (c == '{' && (i > 0 || (defects & RawRecord.OVERSIZED) != 0)) {
                    if (isRecordStart(i)) {
                        inValue = false;
                        if (i == 0) {
                            return next(into); // the pieces of an oversized value ended right before a record
                        }
                        int end = i;
                        while (end > 1 && (isFiller(input.at(end - 1)) || input.at(end - 1) == ',')) {
                            end--;
                        }
                        emit(into, end, defects | RawRecord.TRUNCATED);
                        return true;
                    }
                    window = input.buffer(); // the look ahead may have read more, moving the window
                    mark = input.start();
                    limit = Math.min(input.available(), maxRecordBytes);
                }
                i++;
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    inValue = false;
                    emit(into, i, defects);
                    return true;
                }
            }
            if (i >= maxRecordBytes) {
                emit(into, i, defects | RawRecord.OVERSIZED);
                return true; // inValue stays: the rest follows as further pieces
            }
            if (!input.ensure(i + 1)) {
                inValue = false;
                finished = true;
                if (i == 0) {
                    return false; // the last piece of an oversized value ended with the input
                }
                emit(into, i, defects | RawRecord.TRUNCATED);
                return true;
            }
        }
    }

    /** Whether the <code>{</code> at {@code i} (from the mark) opens an object whose first key is a record's. */
    private boolean isRecordStart(int i) {
        if (input.available() > i + 2 && input.at(i + 1) == '"' && input.at(i + 2) != 'l' && input.at(i + 2) != 'f') {
            return false; // a key that is not "leader" or "fields": the common case, a field
        }
        int k = skipBlanks(i + 1);
        if (k < 0 || !input.ensure(k + 9)) {
            return false;
        }
        if (!matches(k, "\"leader\"") && !matches(k, "\"fields\"")) {
            return false;
        }
        k = skipBlanks(k + 8);
        return k >= 0 && input.at(k) == ':';
    }

    /** The index of the first byte at or after {@code i} that is not a blank or line end; -1 past a short look. */
    private int skipBlanks(int i) {
        for (int n = 0; n < LOOK_AHEAD; n++, i++) {
            if (!input.ensure(i + 1)) {
                return -1;
            }
            byte b = input.at(i);
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean matches(int i, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            if (input.at(i + k) != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Why a piece of {@code length} bytes with these framing defects is not a record; {@code null} if it may be. */
    public static String describeDefects(int defects, int length) {
        if ((defects & RawRecord.GARBAGE) != 0) {
            return "not a JSON object where a record belongs";
        }
        if ((defects & RawRecord.TRUNCATED) != 0) {
            return "the record object is not closed: the input ends, or the next record starts, inside it";
        }
        if ((defects & RawRecord.OVERSIZED) != 0) {
            return "record object longer than the " + length + "-byte record size limit";
        }
        return null;
    }
}
