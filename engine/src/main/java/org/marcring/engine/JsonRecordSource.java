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
 * A {@link RecordSource} for MARC-in-JSON documents: finds each record object by scanning the bytes
 * (strings and escapes respected, no JSON parser on the I/O thread), in a top-level array of records
 * ({@code [{…},{…}]}, pretty-printed or not) or a sequence of top-level objects ({@code {…} {…}}, which
 * includes newline-delimited JSON). Each record's raw bytes are its object exactly as in the input; its
 * offset is that of its <code>{</code>.
 *
 * <p>What is not an object where a record belongs (a number, a string, stray bytes) comes out flagged
 * {@link RawRecord#GARBAGE}, an object cut short by the end of the input {@link RawRecord#TRUNCATED}, one
 * longer than the record size limit in {@link RawRecord#OVERSIZED} pieces; the parser rejects them all.
 * The decoding comes from the {@code parsers} supplier (e.g. a {@link ReaderParser} over the MARC-in-JSON
 * reader).
 */
public final class JsonRecordSource extends ScannedSource {
    private boolean started;
    private boolean inArray;
    private boolean finished;
    // an oversized object coming out in pieces: the scan state carried between calls
    private boolean inObject;
    private int depth;
    private boolean inString;
    private boolean escaped;

    JsonRecordSource(ByteInput input, ReadOptions options, Supplier<? extends RecordParser> parsers) {
        super(input, options, parsers);
    }

    /** A source over a stream; closing the source closes the stream. */
    public static JsonRecordSource of(InputStream in, ReadOptions options, Supplier<? extends RecordParser> parsers) {
        return new JsonRecordSource(new ByteInput(Objects.requireNonNull(in, "in")), options, parsers);
    }

    /** A source over a channel; closing the source closes the channel. */
    public static JsonRecordSource of(ReadableByteChannel channel, ReadOptions options,
                                      Supplier<? extends RecordParser> parsers) {
        return new JsonRecordSource(new ByteInput(Objects.requireNonNull(channel, "channel")), options, parsers);
    }

    /** A source over a file, read through a {@code FileChannel}. */
    public static JsonRecordSource open(Path file, ReadOptions options, Supplier<? extends RecordParser> parsers)
            throws IOException {
        return of(FileChannel.open(file, StandardOpenOption.READ), options, parsers);
    }

    @Override
    public boolean next(RecordSlot slot) {
        if (inObject) {
            return scanObject(slot, 0, RawRecord.OVERSIZED);
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
                return scanObject(slot, 0, 0);
            }
            return garbage(slot);
        }
    }

    /** Bytes up to the next place a record could start (a separator, a {@code {}), flagged garbage. */
    private boolean garbage(RecordSlot slot) {
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
        emit(slot, i, RawRecord.GARBAGE);
        return true;
    }

    /** Scans an object from the mark to its closing brace; emits it, or a piece of it, or what there is. */
    private boolean scanObject(RecordSlot slot, int from, int defects) {
        int i = from;
        while (true) {
            if (i >= maxRecordBytes) {
                emit(slot, i, RawRecord.OVERSIZED);
                return true; // inObject stays: the rest follows as further pieces
            }
            if (i >= input.available() && !input.ensure(i + 1)) {
                inObject = false;
                finished = true;
                emit(slot, i, defects | RawRecord.TRUNCATED);
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
                    emit(slot, i, defects);
                    return true;
                }
            }
        }
    }

    /** A parser that rejects garbage, cut and oversized pieces and hands whole objects to the format's parser. */
    @Override
    public RecordParser newParser() {
        RecordParser format = formatParser();
        return slot -> {
            int d = slot.defects();
            if ((d & (RawRecord.OVERSIZED | RawRecord.TRUNCATED | RawRecord.GARBAGE)) != 0) {
                String why = (d & RawRecord.GARBAGE) != 0 ? "not a JSON object where a record belongs"
                        : (d & RawRecord.TRUNCATED) != 0 ? "the input ends inside this record object"
                        : "record object longer than the " + slot.rawLength() + "-byte record size limit";
                throw new MarcFormatException(slot.ordinal(), slot.byteOffset(), why, slot.copyOfRaw());
            }
            return format.parse(slot);
        };
    }
}
