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
import org.marcring.codec.io.ByteWindow;
import org.marcring.codec.io.LineFramer;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;

/**
 * A {@link RecordSource} for the line-based text formats: the codec's {@link LineFramer} splits the input
 * into records by lines on the I/O thread, so that the format's own decoder runs on the parser threads.
 *
 * <ul>
 * <li>{@link Framing#LINES}: one record per non-blank line (newline-delimited MARC-in-JSON);</li>
 * <li>{@link Framing#BLANK_LINES}: records of consecutive non-blank lines, separated by blank lines
 * (MARCMaker {@code .mrk}/{@code .mrk8}; an {@code =LDR} line starts a record even without one).</li>
 * </ul>
 *
 * <p>A record's raw bytes are its lines as read, line ends included except after its last line; its offset
 * is that of its first byte. A run without a line end longer than the record size limit comes out in pieces
 * flagged {@link RawRecord#OVERSIZED}, which the parser rejects. The decoding itself comes from the
 * {@code parsers} supplier (one parser per thread), e.g. a MARC-in-JSON or MARCMaker decoder of one record.
 */
public final class TextRecordSource extends ScannedSource {

    /** How records are delimited. */
    public enum Framing {
        /** One record per non-blank line. */
        LINES(LineFramer.Framing.LINES),
        /** Records separated by one or more blank lines. */
        BLANK_LINES(LineFramer.Framing.BLANK_LINES);

        private final LineFramer.Framing codec;

        Framing(LineFramer.Framing codec) {
            this.codec = codec;
        }
    }

    TextRecordSource(ByteWindow input, Framing framing, ReadOptions options,
                     Supplier<? extends RecordParser> parsers) {
        super(LineFramer.of(input, Objects.requireNonNull(framing, "framing").codec, options), parsers);
    }

    /** A source over a stream; closing the source closes the stream. */
    public static TextRecordSource of(InputStream in, Framing framing, ReadOptions options,
                                      Supplier<? extends RecordParser> parsers) {
        return new TextRecordSource(ByteWindow.of(Objects.requireNonNull(in, "in")), framing, options, parsers);
    }

    /** A source over a channel; closing the source closes the channel. */
    public static TextRecordSource of(ReadableByteChannel channel, Framing framing, ReadOptions options,
                                      Supplier<? extends RecordParser> parsers) {
        return new TextRecordSource(ByteWindow.of(Objects.requireNonNull(channel, "channel")), framing, options,
                parsers);
    }

    /** A source over a file, read through a {@code FileChannel}. */
    public static TextRecordSource open(Path file, Framing framing, ReadOptions options,
                                        Supplier<? extends RecordParser> parsers) throws IOException {
        return of(FileChannel.open(file, StandardOpenOption.READ), framing, options, parsers);
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
