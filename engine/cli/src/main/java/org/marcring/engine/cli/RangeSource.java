package org.marcring.engine.cli;

import org.marcring.engine.RecordParser;
import org.marcring.engine.RecordSlot;
import org.marcring.engine.RecordSource;

/**
 * A {@link RecordSource} that hands on only the records {@code first} to {@code last} (1-based, inclusive)
 * of another, counting every record it frames, and stops reading after {@code last}: what
 * {@code convert --records A-B} converts. Records before {@code first} are framed but never parsed.
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
            met++;
            if (met >= first) {
                return true;
            }
        }
        return false;
    }

    /** How many records were framed, those skipped included. */
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
