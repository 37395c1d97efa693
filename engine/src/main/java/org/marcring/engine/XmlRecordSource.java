package org.marcring.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
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
 * <p>Each record's raw bytes are its element exactly as in the input (also in a rejects file); its offset is
 * that of its {@code <}. The namespace declarations in scope from enclosing elements (e.g. {@code xmlns:marc}
 * on a {@code <marc:collection>}) travel after those bytes in the slot, their length as the slot's
 * {@code declaredLength}; the parser copies them into the record's start tag, so that each record is parsed
 * as a well-formed document on its own.
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

    /**
     * The record's bytes exactly as in the input, followed in the slot's buffer by the namespace declarations
     * it inherits, whose length goes into the slot's {@code declaredLength} (0 when there are none).
     */
    @Override
    void copy(RawRecord record, RecordSlot slot) {
        byte[] inherited = framer.inheritedNamespaces();
        int length = record.length();
        byte[] raw = slot.rawBuffer(length + inherited.length);
        System.arraycopy(record.buffer(), record.offset(), raw, 0, length);
        System.arraycopy(inherited, 0, raw, length, inherited.length);
        slot.setRaw(length, ordinalOf(record), record.byteOffset(), record.defects(), inherited.length);
        slot.trailing = inherited.length;
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
            int inherited = slot.declaredLength();
            if (inherited <= 0) {
                return format.parse(slot);
            }
            // parse the record made whole by its inherited declarations; a reject keeps the input's bytes
            int length = slot.rawLength();
            byte[] exact = Arrays.copyOf(slot.raw(), length + inherited);
            byte[] whole = MarcXmlFramer.withInheritedNamespaces(exact, 0, length,
                    Arrays.copyOfRange(exact, length, length + inherited));
            long ordinal = slot.ordinal();
            long byteOffset = slot.byteOffset();
            int defects = slot.defects();
            slot.copyRaw(whole, 0, whole.length);
            try {
                return format.parse(slot);
            } catch (MarcFormatException e) {
                throw new MarcFormatException(e.ordinal(), e.byteOffset(), e.fault(), Arrays.copyOf(exact, length));
            } finally {
                slot.copyRaw(exact, 0, exact.length);
                slot.setRaw(length, ordinal, byteOffset, defects, inherited);
            }
        };
    }
}
