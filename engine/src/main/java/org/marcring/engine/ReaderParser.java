package org.marcring.engine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;

import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.SequentialReader;

/**
 * A {@link RecordParser} made from any format's streaming {@link MarcReader}: it opens a reader over the
 * bytes of one slot and takes exactly one record from it. This is how a format that has a reader but no
 * one-record decoder plugs into {@link TextRecordSource} or {@link XmlRecordSource}:
 *
 * <pre>{@code
 * RecordSource ndjson = TextRecordSource.open(path, TextRecordSource.Framing.LINES, options,
 *         () -> new ReaderParser(in -> MarcJsonReader.openLines(in, options)));
 * }</pre>
 *
 * <p>Whatever the reader throws, and a slot that holds no record or more than one, becomes a
 * {@link MarcFormatException} naming the slot's ordinal and byte offset in the whole input (the reader
 * itself only knows the fragment). One instance per parser thread.
 */
public final class ReaderParser implements RecordParser {
    private final Function<? super InputStream, ? extends MarcReader> readers;
    private final SlotStream stream = new SlotStream();

    /** @param readers opens the format's reader over one record's bytes */
    public ReaderParser(Function<? super InputStream, ? extends MarcReader> readers) {
        this.readers = Objects.requireNonNull(readers, "readers");
    }

    @Override
    public MarcRecord parse(RecordSlot slot) {
        stream.point(slot.raw(), slot.rawLength());
        try (MarcReader reader = readers.apply(stream)) {
            if (reader instanceof SequentialReader) {
                ((SequentialReader) reader).onReject(e -> {
                    throw e; // whatever its options say: this record's fault goes to the ring
                });
            }
            if (!reader.hasNext()) {
                throw reject(slot, "holds no record");
            }
            MarcRecord record = reader.next();
            if (reader.hasNext()) {
                throw reject(slot, "holds more than one record");
            }
            return record;
        } catch (MarcFormatException e) {
            if (e.ordinal() == slot.ordinal() && e.byteOffset() == slot.byteOffset()) {
                throw e;
            }
            throw new MarcFormatException(slot.ordinal(), slot.byteOffset(), e.fault(), slot.copyOfRaw());
        } catch (RuntimeException e) {
            throw new MarcFormatException(slot.ordinal(), slot.byteOffset(), e.toString(), slot.copyOfRaw());
        }
    }

    private static MarcFormatException reject(RecordSlot slot, String why) {
        return new MarcFormatException(slot.ordinal(), slot.byteOffset(), why, slot.copyOfRaw());
    }

    /** A stream over a slot's bytes, pointed at each slot in turn without copying. */
    private static final class SlotStream extends ByteArrayInputStream {
        SlotStream() {
            super(new byte[0]);
        }

        void point(byte[] bytes, int length) {
            this.buf = bytes;
            this.pos = 0;
            this.count = length;
            this.mark = 0;
        }

        @Override
        public void close() {
            // the slot's bytes stay; nothing to release
        }
    }
}
