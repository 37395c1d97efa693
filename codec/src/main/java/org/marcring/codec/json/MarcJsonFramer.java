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
 * <p>What is not an object where a record belongs (a number, a string, stray bytes) comes out flagged
 * {@link RawRecord#GARBAGE}, an object cut short by the end of the input {@link RawRecord#TRUNCATED}, one
 * longer than the record size limit in {@link RawRecord#OVERSIZED} pieces.
 */
public final class MarcJsonFramer extends TextFramer {
    private boolean started;
    private boolean inArray;
    private boolean finished;
    // an oversized object coming out in pieces: the scan state carried between calls
    private boolean inObject;
    private int depth;
    private boolean inString;
    private boolean escaped;

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

    @Override
    public boolean next(RawRecord into) {
        if (inObject) {
            return scanObject(into, 0, RawRecord.OVERSIZED);
        }
        if (finished) {
            return false;
        }
        while (true) {
            if (!skipFiller()) {
                return false;
            }
            byte b = input.at(0);
            if (!started) {
                started = true;
                if (b == '[') {
                    inArray = true;
                    input.skip(1);
                    continue;
                }
            }
            if (inArray && (b == ',')) {
                input.skip(1);
                continue;
            }
            if (inArray && b == ']') {
                input.skip(1);
                inArray = false;
                finished = true; // what follows the array is not read
                return false;
            }
            if (b == '{') {
                inObject = true;
                depth = 0;
                inString = false;
                escaped = false;
                return scanObject(into, 0, 0);
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
            if (b == '{' || b == '\n' || inArray && (b == ',' || b == ']') || i >= maxRecordBytes) {
                break;
            }
            i++;
        }
        emit(into, i, RawRecord.GARBAGE);
        return true;
    }

    /** Scans an object from the mark to its closing brace; emits it, or a piece of it, or what there is. */
    private boolean scanObject(RawRecord into, int from, int defects) {
        int i = from;
        while (true) {
            if (i >= maxRecordBytes) {
                emit(into, i, RawRecord.OVERSIZED);
                return true; // inObject stays: the rest follows as further pieces
            }
            if (i >= input.available() && !input.ensure(i + 1)) {
                inObject = false;
                finished = true;
                emit(into, i, defects | RawRecord.TRUNCATED);
                return true;
            }
            byte b = input.at(i++);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    inObject = false;
                    emit(into, i, defects);
                    return true;
                }
            }
        }
    }

    /** Why a piece of {@code length} bytes with these framing defects is not a record; {@code null} if it may be. */
    public static String describeDefects(int defects, int length) {
        if ((defects & RawRecord.GARBAGE) != 0) {
            return "not a JSON object where a record belongs";
        }
        if ((defects & RawRecord.TRUNCATED) != 0) {
            return "the input ends inside this record object";
        }
        if ((defects & RawRecord.OVERSIZED) != 0) {
            return "record object longer than the " + length + "-byte record size limit";
        }
        return null;
    }
}
