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
 * stripe of the slots, all behind the producer's cursor: the Disruptor 4 replacement for a worker pool.
 */
final class ParserStage {
    final BatchEventProcessor<RecordSlot>[] processors;

    /**
     * @param parsers  a new parser per handler
     * @param encoders a new encoder per handler, or {@code null} to leave decoded records in the slots
     */
    @SuppressWarnings("unchecked")
    ParserStage(RingBuffer<RecordSlot> ring, int count, int stripe, Supplier<RecordParser> parsers,
                Function<MarcRecord, MarcRecord> transform, Supplier<? extends RecordEncoder> encoders,
                RunControl control) {
        int shift = Integer.numberOfTrailingZeros(stripe);
        while (shift > 0 && ((long) count << shift) > ring.getBufferSize()) {
            shift--; // give every parser a block of the ring
        }
        processors = new BatchEventProcessor[count];
        var barrier = ring.newBarrier();
        for (int i = 0; i < count; i++) {
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
            ParserHandler handler = new ParserHandler(i, count, shift, parser, transform, encoder, control);
            processors[i] = new BatchEventProcessorBuilder().setMaxBatchSize(batchLimit(ring.getBufferSize()))
                    .build(ring, barrier, handler);
            processors[i].setExceptionHandler(new StopOnException(control));
        }
    }

    /**
     * Most slots a handler takes before it publishes its progress: a handler's sequence moves only at the
     * end of its batch, so an unlimited batch (the Disruptor's default) makes the stages run in lock-step
     * over the whole ring instead of overlapping.
     */
    static int batchLimit(int ringSize) {
        return Math.max(1, Math.min(64, ringSize / 4));
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
        for (BatchEventProcessor<RecordSlot> p : processors) {
            p.halt();
        }
    }
}
