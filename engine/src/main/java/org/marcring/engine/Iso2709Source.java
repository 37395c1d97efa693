package org.marcring.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Objects;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Decoder;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.iso2709.Iso2709Fields;
import org.marcring.codec.iso2709.Iso2709Transcoder;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.codec.io.ReadOptions;

/**
 * ISO 2709 input for the engine: a {@link RecordFramer} finds the records (files are read through a
 * {@code FileChannel} in 1 MiB chunks), each is copied from the framer's buffer straight into the ring's
 * current batch with its framing defects, and {@link Iso2709Decoder}s decode them on the parser threads
 * with the given {@link ReadOptions}, in place in the batch.
 */
public final class Iso2709Source implements RecordSource {
    private final RecordFramer framer;
    private final ReadOptions options;
    private final AutoCloseable input;
    private final RawRecord view = new RawRecord();
    private final boolean mayBlock;

    private Iso2709Source(RecordFramer framer, AutoCloseable input, ReadOptions options, boolean mayBlock) {
        this.options = Objects.requireNonNull(options, "options");
        this.mayBlock = mayBlock;
        this.framer = framer.maxRecordBytes(options.maxRecordBytes());
        this.input = input;
    }

    /**
     * A source over a file.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static Iso2709Source open(Path file, ReadOptions options) {
        try {
            RecordFramer framer = RecordFramer.open(file);
            return new Iso2709Source(framer, framer, options, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source over a stream; closing the source closes the stream. */
    public static Iso2709Source of(InputStream in, ReadOptions options) {
        return new Iso2709Source(RecordFramer.of(in), in, options, true);
    }

    /** A source over a channel; closing the source closes the channel. */
    public static Iso2709Source of(ReadableByteChannel channel, ReadOptions options) {
        return new Iso2709Source(RecordFramer.of(channel), channel, options, !(channel instanceof FileChannel));
    }

    /** A source over the records in an array (not copied). */
    public static Iso2709Source of(byte[] bytes, ReadOptions options) {
        RecordFramer framer = RecordFramer.of(bytes);
        return new Iso2709Source(framer, framer, options, false);
    }

    /** A source over a framer set up by the caller (chunk size, start offset); closing the source closes it. */
    public static Iso2709Source of(RecordFramer framer, ReadOptions options) {
        return new Iso2709Source(framer, framer, options, true);
    }

    /** The decoding options of this source's parsers. */
    public ReadOptions options() {
        return options;
    }

    @Override
    public boolean next(RecordSlot slot) {
        if (!framer.next(view)) {
            return false;
        }
        slot.copyRaw(view.buffer(), view.offset(), view.length());
        slot.describe(view.ordinal(), view.byteOffset(), view.defects(), view.declaredLength());
        slot.spanLength(view.spanLength());
        return true;
    }

    /** Frames the next record straight into {@code batch}; {@code false} at the end of the input. */
    boolean next(RecordBatch batch) {
        if (!framer.next(view)) {
            return false;
        }
        batch.append(view.buffer(), view.offset(), view.length(), view.ordinal(), view.byteOffset(), view.defects(),
                view.declaredLength(), view.spanLength());
        return true;
    }

    @Override
    public boolean ready() {
        return framer.hasBufferedRecord();
    }

    @Override
    public boolean readsMayBlock() {
        return mayBlock;
    }

    @Override
    public long position() {
        return framer.position();
    }

    @Override
    public RecordParser newParser() {
        return new Parser(new Iso2709Decoder(options));
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the input: " + e.getMessage(), e);
        }
    }

    /** Decodes a record of a slot, or one in place in a batch. */
    private static final class Parser implements RecordParser, BatchParser {
        private final Iso2709Decoder decoder;
        private final RawRecord raw = new RawRecord();
        private final Iso2709Fields fields;

        Parser(Iso2709Decoder decoder) {
            this.decoder = decoder;
            this.fields = new Iso2709Fields(decoder.options());
        }

        @Override
        public MarcRecord parse(RecordSlot slot) {
            raw.set(slot.raw(), 0, slot.rawLength(), slot.ordinal(), slot.byteOffset(), slot.defects(),
                    slot.declaredLength(), slot.spanLength());
            return decoder.decode(raw);
        }

        @Override
        public MarcRecord parse(RecordBatch batch, int i) {
            raw.set(batch.data, batch.starts[i], batch.lengths[i], batch.ordinals[i], batch.offsets[i],
                    batch.defects[i], batch.declared[i], batch.spans[i]);
            return decoder.decode(raw);
        }

        @Override
        public boolean transcode(RecordBatch batch, int i, Iso2709Transcoder transcoder, ByteArrayBuilder out) {
            return batch.defects[i] == 0
                    && transcoder.transcode(batch.data, batch.starts[i], batch.lengths[i], fields, out);
        }
    }
}
