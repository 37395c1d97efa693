package org.marcring.engine;

import java.util.function.Function;
import java.util.function.Supplier;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.RecordEncoder;

/**
 * The engine's one topology, wired in one place for the {@link Pipeline}, the {@link ParallelReader} and the
 * {@link ParallelWriter}: a single-producer ring of {@link RecordBatch}es, N parser handlers behind the
 * producer's cursor, and one consumer gated on all of them (the ordered writer's processor, or a poller for a
 * reader's calling thread) that gates the producer in turn; every processor stops the whole run on an
 * exception, and the threads are named and started together. What feeds the ring (the I/O thread's
 * {@link Producer}, or a writer's caller) is the user's business. (A pipeline with one parser has no ring: its
 * stages take turns on one thread, see {@link SingleThreadRun}.)
 */
final class EngineRing {
    final RingBuffer<RecordBatch> ring;
    final ParserStage parsers;
    final EngineThreads threads;
    final Backoff backoff;
    final ByteBudget budget;
    private final RunControl control;
    private final SignalWaitStrategy signal;
    private BatchEventProcessor<RecordBatch> writer;
    private Thread io;

    /**
     * @param parserSupplier a new parser per parser thread
     * @param transform      the user's function, or {@code null}
     * @param encoders       a new encoder per parser thread, or {@code null} to leave decoded records in batches
     * @param measureCpu     whether the threads note their CPU time (see {@link EngineThreads})
     */
    EngineRing(RingSettings settings, Supplier<RecordParser> parserSupplier, Function<MarcRecord, MarcRecord> transform,
               Supplier<? extends RecordEncoder> encoders, RunControl control, boolean measureCpu) {
        WaitStrategy wait = settings.newWaitStrategy();
        this.backoff = wait instanceof IdleWaitStrategy ? ((IdleWaitStrategy) wait).backoff()
                : new IdleWaitStrategy().backoff();
        this.signal = wait instanceof SignalWaitStrategy ? (SignalWaitStrategy) wait : null;
        this.control = control;
        this.budget = new ByteBudget(settings.byteBudget());
        int batchBytes = settings.batchBytes();
        this.ring = RingBuffer.createSingleProducer(() -> new RecordBatch(batchBytes), settings.ringSize(), wait);
        this.parsers = new ParserStage(ring, settings.parsers(), settings.stripe(), parserSupplier, transform,
                encoders, budget, control, signal);
        this.threads = new EngineThreads(measureCpu);
        parsers.addThreads(threads);
    }

    /** Ends the ring with the ordered writer, on a thread of its own. */
    BatchEventProcessor<RecordBatch> endWith(OrderedWriter handler) {
        if (signal != null) {
            handler.signalling(signal);
        }
        writer = new BatchEventProcessorBuilder().setMaxBatchSize(1)
                .build(ring, ring.newBarrier(parsers.sequences()), handler);
        writer.setExceptionHandler(new StopOnException(control));
        ring.addGatingSequences(writer.getSequence());
        threads.add(EngineThreads.WRITER, writer);
        return writer;
    }

    /** Ends the ring with a poller, for a caller's thread to take the batches in order. */
    EventPoller<RecordBatch> endWithPoller() {
        EventPoller<RecordBatch> poller = ring.newPoller(parsers.sequences());
        ring.addGatingSequences(poller.getSequence());
        return poller;
    }

    /** Feeds the ring from {@code source} on the I/O thread; returns the producer. */
    Producer feedFrom(RecordSource source, RingSettings settings, double offeredRate) {
        Producer producer = new Producer(ring, source, control, backoff, budget, settings.batchRecords(),
                offeredRate, signal, writer != null ? writer.getSequence() : null);
        io = threads.add(EngineThreads.IO, producer);
        return producer;
    }

    /**
     * The I/O thread, once {@link #feedFrom} made it; {@code null} before. A stopping run interrupts it
     * ({@link EngineThreads#interrupt}) for a read that closing the input does not end.
     */
    Thread io() {
        return io;
    }

    /** Starts every thread. */
    void start() {
        threads.startAll();
    }

    /** Tells the parser and writer processors to stop (they end once their wait notices). */
    void halt() {
        parsers.halt();
        if (writer != null) {
            writer.halt();
        }
    }

    /** The writer's progress through the ring. */
    long writerSequence() {
        return writer.getSequence().get();
    }
}
