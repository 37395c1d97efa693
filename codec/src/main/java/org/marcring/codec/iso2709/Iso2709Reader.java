package org.marcring.codec.iso2709;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.SequentialReader;
import org.marcring.codec.io.ReadOptions;

/**
 * Reads ISO 2709 records one after the other: a {@link RecordFramer} finds each record, an
 * {@link Iso2709Decoder} decodes it.
 *
 * <pre>{@code
 * try (Iso2709Reader reader = Iso2709Reader.open(Path.of("books.mrc"))) {
 *     for (MarcRecord record : reader) {
 *         System.out.println(record.controlNumber() + "  " + record.title());
 *     }
 * }
 * }</pre>
 *
 * <p>Permissive by default: damaged records come back repaired, with their problems in
 * {@link MarcRecord#errors()}. What holds no readable record at all (garbage between records, an
 * oversized run, a record too damaged to repair, any fault in strict mode) is <em>rejected</em> as a
 * {@link MarcFormatException} (with ordinal, byte offset and raw bytes), which goes to the options' reject
 * handler ({@link ReadOptions#rejectHandler()}): a permissive reader skips and logs it by default, so the
 * loop above reads on past garbage; a strict reader, or one with {@link ReadOptions#withRejectsThrown()},
 * throws it from {@link #next()} and goes on with the next record on the following call;
 * {@link #onReject(Consumer)} sets another handler. Either way {@code recordsRead() + rejectedCount()}
 * accounts for every record of the input.
 */
public final class Iso2709Reader extends SequentialReader {
    private final RecordFramer framer;
    private final Iso2709Decoder decoder;
    private final RawRecord raw = new RawRecord();

    /** A reader over records framed by {@code framer}, decoded with {@code options}. */
    public Iso2709Reader(RecordFramer framer, ReadOptions options) {
        super(options);
        this.framer = Objects.requireNonNull(framer, "framer").maxRecordBytes(options.maxRecordBytes());
        this.decoder = new Iso2709Decoder(options);
    }

    /**
     * A permissive reader of a file.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static Iso2709Reader open(Path file) {
        return open(file, ReadOptions.defaults());
    }

    /**
     * A reader of a file with the given options.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static Iso2709Reader open(Path file, ReadOptions options) {
        try {
            return new Iso2709Reader(RecordFramer.open(file), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A permissive reader of a stream; closing the reader closes the stream. */
    public static Iso2709Reader of(InputStream in) {
        return of(in, ReadOptions.defaults());
    }

    /** A reader of a stream with the given options; closing the reader closes the stream. */
    public static Iso2709Reader of(InputStream in, ReadOptions options) {
        return new Iso2709Reader(RecordFramer.of(in), options);
    }

    /** A reader of a channel with the given options; closing the reader closes the channel. */
    public static Iso2709Reader of(ReadableByteChannel channel, ReadOptions options) {
        return new Iso2709Reader(RecordFramer.of(channel), options);
    }

    /** A reader of the records in an array, with the given options. */
    public static Iso2709Reader of(byte[] bytes, ReadOptions options) {
        return new Iso2709Reader(RecordFramer.of(bytes), options);
    }

    /**
     * Sends rejected records to {@code handler} instead of throwing them from {@link #next()}.
     *
     * @return this reader
     */
    @Override
    public Iso2709Reader onReject(Consumer<MarcFormatException> handler) {
        super.onReject(handler);
        return this;
    }

    @Override
    protected MarcRecord readNext() {
        return framer.next(raw) ? decoder.decode(raw) : null;
    }

    /** Offset in the input of the next byte not yet read. */
    public long position() {
        return framer.position();
    }

    @Override
    public void close() {
        end();
        framer.close();
    }
}
