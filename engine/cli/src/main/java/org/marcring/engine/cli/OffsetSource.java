package org.marcring.engine.cli;

import java.util.concurrent.ConcurrentLinkedQueue;

import org.marcring.engine.RecordParser;
import org.marcring.engine.RecordSlot;
import org.marcring.engine.RecordSource;

/**
 * A {@link RecordSource} that remembers the byte offset of each record it frames, in order, so that a
 * callback sink, which receives only records, can tell where each came from: every record framed ends up
 * written or rejected in the same order, so the sink and the error policy each take the next offset.
 */
final class OffsetSource implements RecordSource {
    private final RecordSource source;
    private final ConcurrentLinkedQueue<Long> offsets = new ConcurrentLinkedQueue<>();

    OffsetSource(RecordSource source) {
        this.source = source;
    }

    /** The offset of the next record handed on (written or rejected), -1 where the source has none. */
    long takeOffset() {
        Long o = offsets.poll();
        return o == null ? -1 : o;
    }

    @Override
    public boolean next(RecordSlot slot) {
        boolean more = source.next(slot);
        if (more) {
            offsets.add(slot.byteOffset());
        }
        return more;
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
    public boolean ready() {
        return source.ready();
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
