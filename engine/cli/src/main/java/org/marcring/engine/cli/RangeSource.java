package org.marcring.engine.cli;

import org.marcring.codec.iso2709.RawRecord;
import org.marcring.engine.RecordParser;
import org.marcring.engine.RecordSlot;
import org.marcring.engine.RecordSource;

/**
 * A {@link RecordSource} that hands on only the records {@code first} to {@code last} (1-based, inclusive)
 * of another, counting every record it frames, and stops reading after {@code last}: what
 * {@code convert --records A-B} converts. Records before {@code first} are framed but never parsed. Bytes
 * between records that hold no record ({@link RawRecord#GARBAGE}) are not records: they are not counted, and
 * are handed on (to be reported) where they lie between record {@code first - 1} and record {@code last}.
 */
final class RangeSource implements RecordSource {
    private final RecordSource source;
    private final long first;
    private final long last;
    private long met;

    RangeSource(RecordSource source, long first, long last) {
        this.source = source;
        this.first = first;
        this.last = last;
    }

    @Override
    public boolean next(RecordSlot slot) {
        while (met < last) {
            if (!source.next(slot)) {
                return false;
            }
            if ((slot.defects() & RawRecord.GARBAGE) != 0) {
                if (met >= first - 1) {
                    return true;
                }
                continue;
            }
            met++;
            if (met >= first) {
                return true;
            }
        }
        return false;
    }

    /** How many records were framed, those before {@code first} included (skipped bytes are not records). */
    long recordsMet() {
        return met;
    }

    /** Whether the input had record {@code first}, so that something was selected. */
    boolean reachedStart() {
        return met >= first;
    }

    @Override
    public long position() {
        return source.position();
    }

    @Override
    public boolean readsMayBlock() {
        return source.readsMayBlock();
    }

    @Override
    public RecordParser newParser() {
        return source.newParser();
    }

    @Override
    public void close() {
        source.close();
    }
}
