package org.marcring.engine;

import java.util.function.Function;

import com.lmax.disruptor.EventHandler;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.RecordEncoder;

/**
 * One parser thread's work: for the slots of its stripe, decode the raw bytes, apply the user's function
 * and (for a byte sink) encode the result into the slot, so that decoding and encoding both run on all
 * parser threads. Slots are striped in blocks: handler {@code i} of {@code n} owns sequence {@code s} when
 * {@code (s / blockSize) % n == i}, so neighbouring slots written by different threads are rare.
 *
 * <p>Nothing escapes: a decoding failure, an exception from the user's function or from the encoder marks
 * the slot rejected, an {@link Error} marks it fatal, and the writer deals with it in order. A handler
 * thread never dies of a record (a dead handler would block the ring forever).
 */
final class ParserHandler implements EventHandler<RecordSlot> {
    private final int index;
    private final int count;
    private final int blockShift;
    private final RecordParser parser;
    private final Function<MarcRecord, MarcRecord> transform;
    private final RecordEncoder encoder;
    private final RunControl control;

    /**
     * @param index      this handler's number, 0 to {@code count - 1}
     * @param count      number of parser handlers on the ring
     * @param blockShift log2 of the stripe block size
     * @param transform  the user's function, or {@code null}
     * @param encoder    encodes into the slot's output, or {@code null} to leave the record in the slot
     */
    ParserHandler(int index, int count, int blockShift, RecordParser parser,
                  Function<MarcRecord, MarcRecord> transform, RecordEncoder encoder, RunControl control) {
        this.index = index;
        this.count = count;
        this.blockShift = blockShift;
        this.parser = parser;
        this.transform = transform;
        this.encoder = encoder;
        this.control = control;
    }

    /** Whether handler {@code index} of {@code count} owns sequence {@code sequence}. */
    static boolean owns(long sequence, int index, int count, int blockShift) {
        return (sequence >>> blockShift) % count == index;
    }

    @Override
    public void onEvent(RecordSlot slot, long sequence, boolean endOfBatch) {
        if (slot.kind != RecordSlot.RECORD || !owns(sequence, index, count, blockShift) || control.isStopped()) {
            return;
        }
        try {
            process(slot);
        } catch (Throwable t) {
            slot.outcome = RecordSlot.FATAL;
            slot.error = t;
        }
    }

    private void process(RecordSlot slot) {
        slot.clearResult();
        MarcRecord record;
        try {
            record = parser.parse(slot);
        } catch (RuntimeException e) {
            reject(slot, RejectedRecord.Stage.DECODE, e);
            return;
        }
        java.util.List<org.marcring.codec.MarcError> repairs = RepairedRecord.repairsOf(record);
        String controlNumber = repairs == null ? null : record.controlNumber();
        if (transform != null) {
            try {
                record = transform.apply(record);
            } catch (RuntimeException e) {
                reject(slot, RejectedRecord.Stage.TRANSFORM, e);
                return;
            }
            if (record == null) {
                slot.outcome = RecordSlot.FILTERED;
                return;
            }
        }
        if (encoder != null) {
            try {
                encoder.encode(record, slot.outputBuffer());
            } catch (RuntimeException e) {
                slot.output.reset();
                reject(slot, RejectedRecord.Stage.ENCODE, e);
                return;
            }
        } else {
            slot.record = record;
        }
        if (repairs != null) {
            boolean cutShort = (slot.defects() & org.marcring.codec.iso2709.RawRecord.TRUNCATED) != 0;
            slot.repaired = new RepairedRecord(slot.ordinal(), slot.byteOffset(), controlNumber, repairs,
                    cutShort || RepairedRecord.losesData(repairs));
        }
        slot.outcome = RecordSlot.WRITTEN;
    }

    private static void reject(RecordSlot slot, RejectedRecord.Stage stage, RuntimeException e) {
        slot.outcome = RecordSlot.REJECTED;
        slot.stage = stage;
        slot.error = e;
    }
}
