package org.marcring.engine.marc4j;

import org.marcring.engine.RecordParser;
import org.marcring.engine.RecordSlot;
import org.marcring.engine.RecordSource;

/**
 * A source over a stream known never to wait for data (a file, an array), declared so: the I/O thread then
 * publishes records in batches instead of one by one, as it does for a file opened by path.
 */
final class NonBlockingSource implements RecordSource {
    private final RecordSource source;

    NonBlockingSource(RecordSource source) {
        this.source = source;
    }

    @Override
    public boolean next(RecordSlot slot) {
        return source.next(slot);
    }

    @Override
    public long position() {
        return source.position();
    }

    @Override
    public boolean readsMayBlock() {
        return false;
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
