package org.marcring.engine;

import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import com.lmax.disruptor.EventPoller;
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
 * buffer in batches of records, N parser threads decode the batches of their stripe, and the calling thread
 * takes the decoded records from the ring in input order, a batch at a time. It behaves exactly as
 * {@link Iso2709Reader}: the same records in the same order, rejects handled as the {@link ReadOptions} of its
 * factory say (skipped and logged when permissive, thrown from {@link #next()} when strict, the reader staying
 * usable) or sent to
 * {@link #onReject(Consumer)}, read errors thrown from {@link #hasNext()}; switching is one constructor
 * change. Made with a constructor, from a {@link RecordSource}, it throws its rejects until told otherwise. It shares its iteration with the sequential readers ({@link SequentialReader}): a refused record
 * comes out once, every record met counts in {@link #recordsRead()} or {@link #rejectedCount()} (bytes between
 * records that hold no record are no record: they count in {@link #regionsSkipped()}), and after
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
    private final EngineRing ring;
    private final EventPoller<RecordBatch> poller;
    private final Taker taker = new Taker();
    private boolean done;
    private boolean closed;

    /**
     * A reader of {@code source} with {@code parsers} parser threads and a ring of {@code ringSize} batches.
     *
     * @param waitStrategy how parser threads wait for input; {@code null} for {@link IdleWaitStrategy}
     */
    public ParallelReader(RecordSource source, int parsers, int ringSize, WaitStrategy waitStrategy) {
        this.source = Objects.requireNonNull(source, "source");
        RingSettings d = RingSettings.defaults(parsers, ringSize);
        RingSettings settings = new RingSettings(parsers, ringSize, d.stripe(), d.batchBytes(), d.batchRecords(),
                d.byteBudget(), waitStrategy);
        try {
            this.ring = new EngineRing(settings, source::newParser, null, null, control, false); // no CPU result
            this.poller = ring.endWithPoller();
            ring.feedFrom(source, settings, 0);
        } catch (RuntimeException | Error e) {
            source.close();
            throw e;
        }
        ring.start();
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
        if (taker.next >= taker.count) {
            takeBatch();
        }
        if (taker.end) {
            done = true;
            Throwable failure = taker.failure;
            taker.clear();
            if (failure != null) {
                throw failure instanceof RuntimeException ? (RuntimeException) failure
                        : new IllegalStateException(Producer.describe(failure), failure);
            }
            return null;
        }
        int i = taker.next++;
        if (i == taker.fatalIndex) {
            Throwable error = taker.fatal;
            taker.clear();
            if (error instanceof Error) {
                throw (Error) error;
            }
            throw new IllegalStateException("engine bug: a record failed in a parser thread", error);
        }
        MarcRecord record = taker.records[i];
        if (record != null) {
            taker.records[i] = null;
            return record;
        }
        MarcFormatException e = taker.rejects[i];
        if (e != null) {
            taker.rejects[i] = null;
            throw e;
        }
        throw new IllegalStateException("engine bug: a record reached the reader unparsed");
    }

    /** Takes the next batch from the ring into {@link #taker}, waiting for the parsers as needed. */
    private void takeBatch() {
        int idle = 0;
        while (true) {
            EventPoller.PollState state;
            try {
                state = poller.poll(taker);
            } catch (Exception e) {
                throw new IllegalStateException("engine bug: " + e, e);
            }
            if (state == EventPoller.PollState.PROCESSING) {
                if (taker.end || taker.count > 0) {
                    return;
                }
                continue; // an empty batch
            }
            Throwable failure = control.failure();
            if (failure != null) {
                throw new IllegalStateException("a reader thread failed" + control.where() + ": " + failure, failure);
            }
            if (Thread.currentThread().isInterrupted()) {
                close();
                throw new EngineException("interrupted while waiting for records", new CancellationException(),
                        null);
            }
            idle = ring.backoff.idle(idle);
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
        ring.halt();
        try {
            source.close();
        } finally {
            EngineThreads.interrupt(ring.io()); // in case it is stuck in a read that closing does not end
            ring.threads.joinAll();
        }
    }

    /**
     * Takes one batch's results out of the ring (its records, its rejects as exceptions), so that the entry
     * can be reused at once, and releases its bytes from the budget.
     */
    private final class Taker implements EventPoller.Handler<RecordBatch> {
        boolean end;
        int count;
        int next;
        MarcRecord[] records = new MarcRecord[0];
        MarcFormatException[] rejects = new MarcFormatException[0];
        int fatalIndex = -1;
        Throwable fatal;
        Throwable failure;

        @Override
        public boolean onEvent(RecordBatch batch, long sequence, boolean endOfBatch) {
            next = 0;
            if (batch.kind == RecordBatch.END) {
                end = true;
                count = 0;
                failure = batch.failure;
                return false;
            }
            count = batch.count;
            if (records.length < count) {
                records = new MarcRecord[count];
                rejects = new MarcFormatException[count];
            }
            fatal = batch.fatal;
            fatalIndex = fatal != null ? batch.fatalIndex : -1;
            int n = fatal != null ? fatalIndex : count;
            for (int i = 0; i < n; i++) {
                if (batch.outcomes[i] == RecordBatch.WRITTEN) {
                    records[i] = batch.records[i];
                } else if (batch.outcomes[i] == RecordBatch.REJECTED) {
                    rejects[i] = batch.toException(i);
                }
            }
            ring.budget.release(batch.dataLength);
            batch.releaseRecords();
            return false; // one batch at a time
        }

        void clear() {
            Arrays.fill(records, null);
            Arrays.fill(rejects, null);
            fatal = null;
            failure = null;
            count = 0;
            next = 0;
        }
    }
}
