package org.marcring.perf;

import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.engine.Iso2709Source;
import org.marcring.engine.RecordParser;
import org.marcring.engine.RecordSlot;
import org.marcring.engine.RecordSource;

/**
 * ISO 2709 records held in memory, offered to the engine over and over up to a given count, so that a
 * run lasts as long as wanted without touching the disk. Ordinals keep counting across passes; byte
 * offsets are those of a file holding the passes one after the other.
 */
final class RepeatingSource implements RecordSource {
    private final byte[] bytes;
    private final int[] offsets;
    private final int[] lengths;
    private final long total;
    private final ReadOptions options;
    private long next;

    /** @param records how many records to offer in all */
    RepeatingSource(byte[] bytes, long records, ReadOptions options) {
        this.bytes = bytes;
        this.total = records;
        this.options = options;
        int n = 0;
        RawRecord raw = new RawRecord();
        try (RecordFramer framer = RecordFramer.of(bytes)) {
            while (framer.next(raw)) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no ISO 2709 record in the input");
        }
        offsets = new int[n];
        lengths = new int[n];
        int i = 0;
        try (RecordFramer framer = RecordFramer.of(bytes)) {
            while (framer.next(raw)) {
                offsets[i] = (int) raw.byteOffset();
                lengths[i++] = raw.length();
            }
        }
    }

    @Override
    public boolean next(RecordSlot slot) {
        if (next >= total) {
            return false;
        }
        int i = (int) (next % offsets.length);
        long pass = next / offsets.length;
        slot.copyRaw(bytes, offsets[i], lengths[i]);
        slot.describe(next, pass * bytes.length + offsets[i], 0, lengths[i]);
        next++;
        return true;
    }

    @Override
    public long position() {
        long pass = next / offsets.length;
        int i = (int) (next % offsets.length);
        return pass * bytes.length + (i == 0 ? 0 : offsets[i - 1] + lengths[i - 1]);
    }

    @Override
    public boolean readsMayBlock() {
        return false;
    }

    @Override
    public RecordParser newParser() {
        return Iso2709Source.of(bytes, options).newParser();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
