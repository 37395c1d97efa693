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
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.io.ByteWindow;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.json.MarcJsonFramer;

/**
 * A {@link RecordSource} for MARC-in-JSON documents: the codec's {@link MarcJsonFramer} finds each record
 * object on the I/O thread (a top-level array of records or a sequence of top-level objects); each record's
 * raw bytes are its object exactly as in the input, its offset that of its <code>{</code>.
 *
 * <p>What the framer flags (an object cut short, oversized pieces) the parser rejects; a value where a record
 * belongs that is no object is refused as bytes skipped ({@link SkippedBytesException}), not a record. The decoding comes from the {@code parsers} supplier (e.g. a {@link ReaderParser} over the
 * MARC-in-JSON reader).
 */
public final class JsonRecordSource extends ScannedSource {

    JsonRecordSource(ByteWindow input, ReadOptions options, Supplier<? extends RecordParser> parsers) {
        super(MarcJsonFramer.of(input, options), parsers);
    }

    /** A source over a stream; closing the source closes the stream. */
    public static JsonRecordSource of(InputStream in, ReadOptions options, Supplier<? extends RecordParser> parsers) {
        return new JsonRecordSource(ByteWindow.of(Objects.requireNonNull(in, "in")), options, parsers);
    }

    /** A source over a channel; closing the source closes the channel. */
    public static JsonRecordSource of(ReadableByteChannel channel, ReadOptions options,
                                      Supplier<? extends RecordParser> parsers) {
        return new JsonRecordSource(ByteWindow.of(Objects.requireNonNull(channel, "channel")), options, parsers);
    }

    /** A source over a file, read through a {@code FileChannel}. */
    public static JsonRecordSource open(Path file, ReadOptions options, Supplier<? extends RecordParser> parsers)
            throws IOException {
        return of(FileChannel.open(file, StandardOpenOption.READ), options, parsers);
    }

    /** A parser that rejects garbage, cut and oversized pieces and hands whole objects to the format's parser. */
    @Override
    public RecordParser newParser() {
        RecordParser format = formatParser();
        return slot -> {
            String why = MarcJsonFramer.describeDefects(slot.defects(), slot.rawLength());
            if ((slot.defects() & RawRecord.GARBAGE) != 0) {
                throw new SkippedBytesException(slot.ordinal(), slot.byteOffset(), slot.rawLength(), why,
                        slot.copyOfRaw());
            }
            if (why != null) {
                throw new MarcFormatException(slot.ordinal(), slot.byteOffset(), why, slot.copyOfRaw());
            }
            return format.parse(slot);
        };
    }
}
