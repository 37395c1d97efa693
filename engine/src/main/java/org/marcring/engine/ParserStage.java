package org.marcring.engine;

import java.util.function.Function;
import java.util.function.Supplier;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.RecordEncoder;

/**
 * The parser handlers of a ring, each with its own {@link RecordParser} (and encoder), each taking its
 * stripe of the batches, all behind the producer's cursor: the Disruptor 4 replacement for a worker pool.
 */
final class ParserStage {
    final BatchEventProcessor<RecordBatch>[] processors;

    /**
     * @param parsers  a new parser per handler
     * @param encoders a new encoder per handler, or {@code null} to leave decoded records in the batches
     * @param budget   counts the encoded bytes in flight, or {@code null}
     * @param signal   the ring's wait strategy where it is woken by signals, or {@code null}
     */
    @SuppressWarnings("unchecked")
    ParserStage(RingBuffer<RecordBatch> ring, int count, int stripe, Supplier<RecordParser> parsers,
                Function<MarcRecord, MarcRecord> transform, Supplier<? extends RecordEncoder> encoders,
                ByteBudget budget, RunControl control, SignalWaitStrategy signal) {
        int shift = Integer.numberOfTrailingZeros(stripe);
        while (shift > 0 && ((long) count << shift) > ring.getBufferSize()) {
            shift--; // give every parser a block of the ring
        }
        processors = new BatchEventProcessor[count];
        var barrier = ring.newBarrier();
        for (int i = 0; i < count; i++) {
            ParserHandler handler = handler(i, count, shift, parsers, transform, encoders, budget, control, signal);
            processors[i] = new BatchEventProcessorBuilder().setMaxBatchSize(1).build(ring, barrier, handler);
            processors[i].setExceptionHandler(new StopOnException(control));
        }
    }

    /**
     * Handler {@code index} of {@code count}, with a new parser and encoder of its own.
     *
     * @throws IllegalArgumentException if a supplier gives {@code null}
     */
    static ParserHandler handler(int index, int count, int blockShift, Supplier<RecordParser> parsers,
                                 Function<MarcRecord, MarcRecord> transform, Supplier<? extends RecordEncoder> encoders,
                                 ByteBudget budget, RunControl control, SignalWaitStrategy signal) {
        RecordEncoder encoder = null;
        if (encoders != null) {
            encoder = encoders.get();
            if (encoder == null) {
                throw new IllegalArgumentException("the encoder supplier returned null");
            }
        }
        RecordParser parser = parsers.get();
        if (parser == null) {
            throw new IllegalArgumentException("the source made no parser (null)");
        }
        return new ParserHandler(index, count, blockShift, parser, transform, encoder, budget, control, signal);
    }

    /** The handlers' sequences, for gating the next stage on them. */
    Sequence[] sequences() {
        Sequence[] s = new Sequence[processors.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = processors[i].getSequence();
        }
        return s;
    }

    /** Adds one thread per handler, named {@code marcring-parser-N}. */
    void addThreads(EngineThreads threads) {
        for (int i = 0; i < processors.length; i++) {
            threads.add(EngineThreads.PARSER + i, processors[i]);
        }
    }

    void halt() {
        for (BatchEventProcessor<RecordBatch> p : processors) {
            p.halt();
        }
    }
}
