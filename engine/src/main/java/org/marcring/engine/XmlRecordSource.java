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
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.xml.MarcXml;
import org.marcring.codec.xml.MarcXmlFramer;

/**
 * A {@link RecordSource} for MARCXML: the codec's {@link MarcXmlFramer} finds each {@code record} element on
 * the I/O thread (no XML parser there), so that the records are parsed on the parser threads.
 *
 * <p>Each record's raw bytes are its element as in the input, except that namespace declarations in scope
 * from enclosing elements (e.g. {@code xmlns:marc} on a {@code <marc:collection>}) are copied into its start
 * tag, so that every record is a well-formed document on its own. Its offset is that of its {@code <}.
 *
 * <p>A record cut short by the end of the input ({@link RawRecord#TRUNCATED}) or longer than the record size
 * limit ({@link RawRecord#OVERSIZED} pieces) the parser rejects. Unlike a streaming XML reader, which must
 * stop at the first place where the document is not well-formed, the engine goes on after a damaged record.
 */
public final class XmlRecordSource extends ScannedSource {
    /** The MARC 21 slim namespace. */
    public static final String MARCXML_NAMESPACE = MarcXml.NAMESPACE;

    private final MarcXmlFramer framer;

    private XmlRecordSource(MarcXmlFramer framer, Supplier<? extends RecordParser> parsers) {
        super(framer, parsers);
        this.framer = framer;
    }

    XmlRecordSource(ByteWindow input, ReadOptions options, Supplier<? extends RecordParser> parsers) {
        this(MarcXmlFramer.of(input, options), parsers);
    }

    /** A source over a stream; closing the source closes the stream. */
    public static XmlRecordSource of(InputStream in, ReadOptions options, Supplier<? extends RecordParser> parsers) {
        return new XmlRecordSource(ByteWindow.of(Objects.requireNonNull(in, "in")), options, parsers);
    }

    /** A source over a channel; closing the source closes the channel. */
    public static XmlRecordSource of(ReadableByteChannel channel, ReadOptions options,
                                     Supplier<? extends RecordParser> parsers) {
        return new XmlRecordSource(ByteWindow.of(Objects.requireNonNull(channel, "channel")), options, parsers);
    }

    /** A source over a file, read through a {@code FileChannel}. */
    public static XmlRecordSource open(Path file, ReadOptions options, Supplier<? extends RecordParser> parsers)
            throws IOException {
        return of(FileChannel.open(file, StandardOpenOption.READ), options, parsers);
    }

    @Override
    void copy(RawRecord record, RecordSlot slot) {
        byte[] inherited = framer.inheritedNamespaces();
        if (inherited.length == 0) {
            super.copy(record, slot);
            return;
        }
        byte[] whole = MarcXmlFramer.withInheritedNamespaces(record.buffer(), record.offset(), record.length(),
                inherited);
        slot.copyRaw(whole, 0, whole.length);
        slot.describe(record.ordinal(), record.byteOffset(), record.defects(), -1);
    }

    /** A parser that rejects cut and oversized records and hands whole ones to the format's parser. */
    @Override
    public RecordParser newParser() {
        RecordParser format = formatParser();
        return slot -> {
            String why = MarcXmlFramer.describeDefects(slot.defects(), slot.rawLength());
            if (why != null) {
                throw new MarcFormatException(slot.ordinal(), slot.byteOffset(), why, slot.copyOfRaw());
            }
            return format.parse(slot);
        };
    }
}
