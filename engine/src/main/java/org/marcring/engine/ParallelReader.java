package org.marcring.engine;

import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;

import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.SequentialReader;
import org.marcring.codec.iso2709.Iso2709Reader;

/**
 * A {@link MarcReader} that decodes ahead on several threads: an I/O thread frames the input into a ring
 * buffer, N parser threads decode the records of their stripe, and the calling thread takes the decoded
 * records from the ring in input order. It behaves exactly as {@link Iso2709Reader}: the same records in the
 * same order, rejects handled as the {@link ReadOptions} of its factory say (skipped and logged when
 * permissive, thrown from {@link #next()} when strict, the reader staying usable) or sent to
 * {@link #onReject(Consumer)}, read errors thrown from {@link #hasNext()}; switching is one constructor
 * change. Made with a constructor, from a {@link RecordSource}, it throws its rejects until told otherwise. It shares its iteration with the sequential readers ({@link SequentialReader}): a refused record
 * comes out once, every record met counts in {@link #recordsRead()} or {@link #rejectedCount()}, and after
 * {@link #close()} {@link #hasNext()} answers {@code false}.
 *
 * <pre>{@code
 * try (MarcReader reader = ParallelReader.open(Path.of("books.mrc"))) {   // was Iso2709Reader.open(...)
 *     for (MarcRecord record : reader) {
 *         System.out.println(record.title());
 *     }
 * }
 * }</pre>
 *
 * <p>Must be closed: closing stops its threads (daemons named {@code marcring-io} and
 * {@code marcring-parser-N}) and closes the input. Iterate from one thread at a time.
 */
public final class ParallelReader extends SequentialReader {
    private final RecordSource source;
    private final RunControl control = new RunControl();
    private final ParserStage parsers;
    private final EventPoller<RecordSlot> poller;
    private final EngineThreads threads = new EngineThreads(false); // no result to report CPU time in
    private final Backoff backoff;
    private final Taker taker = new Taker();
    private final Thread io;
    private boolean done;
    private boolean closed;

    /**
     * A reader of {@code source} with {@code parsers} parser threads and a ring of {@code ringSize} slots.
     *
     * @param waitStrategy how parser threads wait for input; {@code null} for {@link IdleWaitStrategy}
     */
    public ParallelReader(RecordSource source, int parsers, int ringSize, WaitStrategy waitStrategy) {
        this.source = Objects.requireNonNull(source, "source");
        if (parsers < 1 || parsers > 256) {
            throw new IllegalArgumentException("parsers must be 1 to 256: " + parsers);
        }
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two of at least 2: " + ringSize);
        }
        WaitStrategy wait = waitStrategy != null ? waitStrategy : new IdleWaitStrategy();
        this.backoff = wait instanceof IdleWaitStrategy ? ((IdleWaitStrategy) wait).backoff()
                : new IdleWaitStrategy().backoff();
        try {
            RingBuffer<RecordSlot> ring = RingBuffer.createSingleProducer(RecordSlot::new, ringSize, wait);
            this.parsers = new ParserStage(ring, parsers, PipelineBuilder.DEFAULT_STRIPE, source::newParser, null,
                    null, control);
            this.poller = ring.newPoller(this.parsers.sequences());
            ring.addGatingSequences(poller.getSequence());
            this.parsers.addThreads(threads);
            this.io = threads.add(EngineThreads.IO, new Producer(ring, source, control, backoff, 0, 0));
        } catch (RuntimeException | Error e) {
            source.close();
            throw e;
        }
        threads.startAll();
    }

    /** A reader of {@code source} with one parser thread per available processor and the default ring size. */
    public ParallelReader(RecordSource source) {
        this(source, Runtime.getRuntime().availableProcessors(), PipelineBuilder.DEFAULT_RING_SIZE, null);
    }

    /** A permissive reader of a file in the format its first bytes show ({@link MarcFormat#AUTO}). */
    public static ParallelReader open(Path file) {
        return open(file, MarcFormat.AUTO, ReadOptions.defaults());
    }

    /** A reader of a file in the format its first bytes show ({@link MarcFormat#AUTO}), with the given options. */
    public static ParallelReader open(Path file, ReadOptions options) {
        return open(file, MarcFormat.AUTO, options);
    }

    /**
     * A reader of a file in any readable format ({@link MarcFormat#AUTO}: detected from the first bytes); see
     * {@link RecordSources}. It yields what {@code MarcFormats.openReader} yields, except that after a
     * damaged record of a MARCXML or JSON document it goes on with the next record where a streaming reader
     * must stop.
     */
    public static ParallelReader open(Path file, MarcFormat format, ReadOptions options) {
        return withHandlerOf(options, new ParallelReader(RecordSources.open(file, format, options)));
    }

    /** A reader of a stream in any readable format ({@link MarcFormat#AUTO}: detected); closing the reader closes it. */
    public static ParallelReader of(InputStream in, MarcFormat format, ReadOptions options) {
        return withHandlerOf(options, new ParallelReader(RecordSources.of(in, format, options)));
    }

    /** A permissive reader of an ISO 2709 stream; closing the reader closes the stream. */
    public static ParallelReader of(InputStream in) {
        return of(in, ReadOptions.defaults());
    }

    /** A reader of an ISO 2709 stream with the given options; closing the reader closes the stream. */
    public static ParallelReader of(InputStream in, ReadOptions options) {
        return withHandlerOf(options, new ParallelReader(Iso2709Source.of(in, options)));
    }

    /** A reader of an ISO 2709 channel with the given options; closing the reader closes the channel. */
    public static ParallelReader of(ReadableByteChannel channel, ReadOptions options) {
        return withHandlerOf(options, new ParallelReader(Iso2709Source.of(channel, options)));
    }

    /** A reader of the ISO 2709 records in an array, with the given options. */
    public static ParallelReader of(byte[] bytes, ReadOptions options) {
        return withHandlerOf(options, new ParallelReader(Iso2709Source.of(bytes, options)));
    }

    /** The reader, its rejects going where {@code options} say ({@link ReadOptions#rejectHandler()}). */
    private static ParallelReader withHandlerOf(ReadOptions options, ParallelReader reader) {
        if (options.rejectHandler() != null) {
            reader.onReject(options.rejectHandler());
        }
        return reader;
    }

    /**
     * Sends rejected records to {@code handler} (on the iterating thread, in order) instead of throwing
     * them from {@link #next()}.
     *
     * @return this reader
     */
    @Override
    public ParallelReader onReject(Consumer<MarcFormatException> handler) {
        super.onReject(handler);
        return this;
    }

    /**
     * The next record from the ring, in input order: a rejected one as its {@link MarcFormatException},
     * {@code null} after the last; a read error that ended the input early is thrown once the records
     * before it are taken.
     */
    @Override
    protected MarcRecord readNext() {
        if (done) {
            return null;
        }
        takeOne();
        if (taker.kind == RecordSlot.END) {
            done = true;
            Throwable failure = taker.failure;
            taker.clear();
            if (failure != null) {
                throw failure instanceof RuntimeException ? (RuntimeException) failure
                        : new IllegalStateException(failure.getMessage(), failure);
            }
            return null;
        }
        switch (taker.outcome) {
            case RecordSlot.WRITTEN:
                MarcRecord record = taker.record;
                taker.clear();
                return record;
            case RecordSlot.REJECTED:
                MarcFormatException e = taker.reject;
                taker.clear();
                throw e;
            default:
                Throwable error = taker.error;
                taker.clear();
                if (error instanceof Error) {
                    throw (Error) error;
                }
                throw new IllegalStateException("engine bug: a record reached the reader unparsed", error);
        }
    }

    /** Takes the next slot from the ring into {@link #taker}, waiting for the parsers as needed. */
    private void takeOne() {
        int idle = 0;
        while (true) {
            EventPoller.PollState state;
            try {
                state = poller.poll(taker);
            } catch (Exception e) {
                throw new IllegalStateException("engine bug: " + e, e);
            }
            if (state == EventPoller.PollState.PROCESSING) {
                return;
            }
            Throwable failure = control.failure();
            if (failure != null) {
                throw new IllegalStateException("a reader thread failed: " + failure, failure);
            }
            if (Thread.currentThread().isInterrupted()) {
                close();
                throw new EngineException("interrupted while waiting for records", new CancellationException(),
                        null);
            }
            idle = backoff.idle(idle);
        }
    }

    /** Stops the reader's threads and closes the input. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        end();
        control.fail(new CancellationException("reader closed"));
        parsers.halt();
        try {
            source.close();
        } finally {
            EngineThreads.interrupt(io); // in case it is stuck in a read that closing does not end
            threads.joinAll();
        }
    }

    /** Takes exactly one slot's results out of the ring, so that the slot can be reused at once. */
    private static final class Taker implements EventPoller.Handler<RecordSlot> {
        int kind;
        int outcome;
        MarcRecord record;
        MarcFormatException reject;
        Throwable error;
        Throwable failure;

        @Override
        public boolean onEvent(RecordSlot slot, long sequence, boolean endOfBatch) {
            kind = slot.kind;
            outcome = slot.outcome;
            if (kind == RecordSlot.END) {
                failure = slot.failure;
            } else if (outcome == RecordSlot.WRITTEN) {
                record = slot.record;
                slot.record = null;
            } else if (outcome == RecordSlot.REJECTED) {
                reject = slot.error instanceof MarcFormatException ? (MarcFormatException) slot.error
                        : new MarcFormatException(slot.ordinal(), slot.byteOffset(),
                        OrderedWriter.toRejected(slot).reason(), slot.copyOfRaw());
            } else {
                error = slot.error;
            }
            return false; // one at a time
        }

        void clear() {
            record = null;
            reject = null;
            error = null;
            failure = null;
        }
    }
}
