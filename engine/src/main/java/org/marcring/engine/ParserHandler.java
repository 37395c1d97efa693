package org.marcring.engine;

import java.util.List;
import java.util.function.Function;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

import org.marcring.codec.MarcError;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Transcoder;
import org.marcring.codec.iso2709.RawRecord;

/**
 * One parser thread's work: for each batch of its stripe, decode every record's raw bytes, apply the user's
 * function and (for a byte sink) encode the result into the batch's output, the encoder's separator between
 * records, so that decoding and encoding both run on all parser threads and the writer has one block of bytes
 * to write per batch. Batches are dealt in blocks: handler {@code i} of {@code n} owns sequence {@code s} when
 * {@code (s / blockSize) % n == i}.
 *
 * <p>With no user function and an encoder that is also an {@link Iso2709Transcoder}, a plain ISO 2709 record
 * (one the decoder reads without remark) is written straight from its bytes, with the same result; every
 * other record takes the decoding path.
 *
 * <p>Nothing escapes: a decoding failure, an exception from the user's function or from the encoder marks
 * the record rejected (its encoded bytes so far are cut off), an {@link Error} marks the batch fatal at that
 * record, and the writer deals with it in order. A handler thread never dies of a record (a dead handler would
 * block the ring forever).
 */
final class ParserHandler implements EventHandler<RecordBatch> {
    private final int index;
    private final int count;
    private final int blockShift;
    private final RecordParser parser;
    private final BatchParser inPlace;
    private final RecordSlot slot = new RecordSlot();
    private final Function<MarcRecord, MarcRecord> transform;
    private final RecordEncoder encoder;
    private final Iso2709Transcoder direct;
    private final byte[] separator;
    private final ByteBudget budget;
    private final RunControl control;
    private final SignalWaitStrategy signal;
    private Sequence sequence;

    /**
     * @param index      this handler's number, 0 to {@code count - 1}
     * @param count      number of parser handlers on the ring
     * @param blockShift log2 of the stripe block size
     * @param transform  the user's function, or {@code null}
     * @param encoder    encodes into the batch's output, or {@code null} to leave the records in the batch
     * @param budget     counts the output bytes in flight, or {@code null}
     * @param signal     the ring's wait strategy, told when a batch is done, or {@code null}
     */
    ParserHandler(int index, int count, int blockShift, RecordParser parser,
                  Function<MarcRecord, MarcRecord> transform, RecordEncoder encoder, ByteBudget budget,
                  RunControl control, SignalWaitStrategy signal) {
        this.index = index;
        this.count = count;
        this.blockShift = blockShift;
        this.parser = parser;
        this.inPlace = parser instanceof BatchParser ? (BatchParser) parser : null;
        this.transform = transform;
        this.encoder = encoder;
        this.direct = transform == null && inPlace != null && encoder instanceof Iso2709Transcoder
                ? (Iso2709Transcoder) encoder : null;
        this.separator = encoder != null ? encoder.separator() : null;
        this.budget = budget;
        this.control = control;
        this.signal = signal;
    }

    @Override
    public void setSequenceCallback(Sequence sequenceCallback) {
        this.sequence = sequenceCallback;
    }

    /** Whether handler {@code index} of {@code count} owns sequence {@code sequence}. */
    static boolean owns(long sequence, int index, int count, int blockShift) {
        return (sequence >>> blockShift) % count == index;
    }

    @Override
    public void onEvent(RecordBatch batch, long seq, boolean endOfBatch) {
        if (batch.kind == RecordBatch.RECORDS && owns(seq, index, count, blockShift) && !control.isStopped()) {
            parse(batch);
        }
        if (signal != null && sequence != null) {
            // the processor would set the sequence only after this returns: set it now and wake the writer,
            // also after a batch of another parser's stripe, which the writer may be waiting on this one to pass
            sequence.setVolatile(seq);
            signal.signalHandlersMoved();
        }
    }

    private void parse(RecordBatch batch) {
        batch.clearResults(encoder == null);
        for (int i = 0; i < batch.count; i++) {
            try {
                process(batch, i);
            } catch (Throwable t) {
                batch.fatal = t;
                batch.fatalIndex = i;
                batch.fatalThread = Thread.currentThread().getName();
                break;
            }
        }
        if (budget != null) {
            budget.add(batch.output.length());
        }
    }

    private void process(RecordBatch batch, int i) {
        if (direct != null && batch.inputs == null && transcoded(batch, i)) {
            return;
        }
        MarcRecord record;
        try {
            if (batch.inputs != null) {
                record = batch.inputs[i];
                batch.inputs[i] = null; // the ring holds no record longer than needed
            } else if (inPlace != null) {
                record = inPlace.parse(batch, i);
            } else {
                batch.load(i, slot);
                record = parser.parse(slot);
            }
        } catch (RuntimeException e) {
            reject(batch, i, RejectedRecord.Stage.DECODE, e);
            return;
        }
        List<MarcError> repairs = RepairedRecord.repairsOf(record);
        String controlNumber = repairs == null ? null : record.controlNumber();
        if (transform != null) {
            try {
                record = transform.apply(record);
            } catch (RuntimeException e) {
                reject(batch, i, RejectedRecord.Stage.TRANSFORM, e);
                return;
            }
            if (record == null) {
                batch.outcomes[i] = RecordBatch.FILTERED;
                batch.filtered++;
                return;
            }
        }
        if (encoder != null) {
            int mark = batch.output.length();
            try {
                if (batch.written > 0) {
                    batch.output.append(separator);
                }
                encoder.encode(record, batch.output);
            } catch (RuntimeException e) {
                batch.output.truncate(mark);
                reject(batch, i, RejectedRecord.Stage.ENCODE, e);
                return;
            }
        } else {
            batch.records[i] = record;
        }
        if (repairs != null) {
            boolean cutShort = (batch.defects[i] & RawRecord.TRUNCATED) != 0;
            batch.repairs[i] = new RepairedRecord(batch.ordinals[i], batch.offsets[i], controlNumber, repairs,
                    cutShort || RepairedRecord.losesData(repairs));
            batch.repaired++;
        }
        batch.outcomes[i] = RecordBatch.WRITTEN;
        batch.written++;
    }

    /** Writes record {@code i} straight from its bytes where it is plain; whether it did. */
    private boolean transcoded(RecordBatch batch, int i) {
        int mark = batch.output.length();
        try {
            if (batch.written > 0) {
                batch.output.append(separator);
            }
            if (inPlace.transcode(batch, i, direct, batch.output)) {
                batch.outcomes[i] = RecordBatch.WRITTEN;
                batch.written++;
                return true;
            }
        } catch (RuntimeException e) {
            // not expected: the decoding path then deals with the record, and reports what is wrong with it
        }
        batch.output.truncate(mark);
        return false;
    }

    private static void reject(RecordBatch batch, int i, RejectedRecord.Stage stage, RuntimeException e) {
        batch.outcomes[i] = RecordBatch.REJECTED;
        batch.stages[i] = stage;
        batch.errors[i] = e;
        batch.rejected++;
    }
}
