package org.marcring.engine;

import com.lmax.disruptor.WaitStrategy;

/**
 * How an engine ring is shaped, immutable: the parser threads, the ring's entries, how the entries are dealt
 * to the parsers, how many bytes and records a batch holds, the bytes the whole ring may hold in flight, and
 * how waiting threads wait. A {@link PipelineBuilder} yields one; the parallel reader and writer take the
 * defaults with their own thread count.
 *
 * @param parsers      parser threads, 1 to 256
 * @param ringSize     ring entries (batches), a power of two of at least 2
 * @param stripe       consecutive entries a parser takes at a time, a power of two
 * @param batchBytes   bytes of input records at which a batch is full
 * @param batchRecords most records per batch
 * @param byteBudget   most bytes (input and encoded output) in flight in the ring
 * @param waitStrategy how parser and writer threads wait, {@code null} for a new {@link SignalWaitStrategy}
 */
record RingSettings(int parsers, int ringSize, int stripe, int batchBytes, int batchRecords, long byteBudget,
                    WaitStrategy waitStrategy) {

    RingSettings {
        if (parsers < 1 || parsers > 256) {
            throw new IllegalArgumentException("parsers must be 1 to 256: " + parsers);
        }
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1 || ringSize > 1 << 20) {
            throw new IllegalArgumentException("ring size must be a power of two from 2 to 2^20: " + ringSize);
        }
        if (stripe < 1 || Integer.bitCount(stripe) != 1) {
            throw new IllegalArgumentException("stripe must be a power of two: " + stripe);
        }
        if (batchBytes < 1 || batchRecords < 1 || byteBudget < 1) {
            throw new IllegalArgumentException("batch bytes, batch records and byte budget must be positive: "
                    + batchBytes + ", " + batchRecords + ", " + byteBudget);
        }
    }

    /** The defaults with {@code parsers} parser threads and a ring of {@code ringSize} entries. */
    static RingSettings defaults(int parsers, int ringSize) {
        return new RingSettings(parsers, ringSize, PipelineBuilder.DEFAULT_STRIPE, PipelineBuilder.DEFAULT_BATCH_BYTES,
                PipelineBuilder.DEFAULT_BATCH_RECORDS, PipelineBuilder.DEFAULT_BYTE_BUDGET, null);
    }

    /** The wait strategy to use: the one set, or a new default one. */
    WaitStrategy newWaitStrategy() {
        return waitStrategy != null ? waitStrategy : new SignalWaitStrategy();
    }
}
