package org.marcring.engine;

/**
 * A run with one parser: the three stages one after another on one thread, one batch at a time. A
 * {@link BatchFiller} fills the batch from the source, a {@link ParserHandler} decodes, transforms and encodes
 * its records, the {@link OrderedWriter} writes its output and counts it; then the same batch is filled
 * again. With one parser a ring gains nothing but the overlap of reading and writing with parsing, and pays
 * for it with hand-overs and wake-ups between three threads: a run asked to use one thread uses one core.
 *
 * <p>Everything else is as in the ring: the same batches (so the same output, counts, rejects and latency
 * records), the output flushed whenever the input has nothing ready, the end entry after the last batch, and
 * a stop of the run noticed between batches (and by a paced wait). A failure of any stage, an {@link Error}
 * included, stops the run through its {@link RunControl}; the writer aborts its output unless it committed.
 */
final class SingleThreadRun implements Runnable {
    private final BatchFiller filler;
    private final ParserHandler parser;
    private final OrderedWriter writer;
    private final RunControl control;
    private final RecordBatch batch;

    SingleThreadRun(BatchFiller filler, ParserHandler parser, OrderedWriter writer, RunControl control,
                    int batchBytes) {
        this.filler = filler;
        this.parser = parser;
        this.writer = writer;
        this.control = control;
        this.batch = new RecordBatch(batchBytes);
    }

    /** Records taken from the source so far. */
    long recordsRead() {
        return filler.records();
    }

    @Override
    public void run() {
        try {
            filler.start();
            long sequence = 0;
            while (!control.isStopped()) {
                boolean more = filler.refill(batch);
                if (batch.count > 0) {
                    batch.publishNanos = System.nanoTime();
                    parser.onEvent(batch, sequence, true);
                    writer.onEvent(batch, sequence++, true);
                    if (more) {
                        if (filler.isWaiting()) {
                            writer.onTimeout(sequence); // the next read may block: push out what is written
                        }
                        continue;
                    }
                    batch.clear();
                } else if (more) {
                    continue; // a paced wait that was stopped
                }
                filler.markEnd(batch);
                writer.onEvent(batch, sequence, true);
                return;
            }
        } catch (Throwable t) {
            control.fail(t);
        } finally {
            writer.onShutdown();
        }
    }
}
