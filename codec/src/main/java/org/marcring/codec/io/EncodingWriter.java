package org.marcring.codec.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.marcring.codec.MarcRecord;

/**
 * A {@link MarcWriter} for any format: encodes each record with a {@link RecordEncoder} into a
 * reused buffer and writes the bytes to an output stream, adding the format's header, separators
 * and footer. Not thread-safe.
 */
public final class EncodingWriter implements MarcWriter {
    private static final int FLUSH_AT = 1 << 16;

    private final OutputStream out;
    private final RecordEncoder encoder;
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(FLUSH_AT + 8192);
    private final byte[] separator;
    private long written;
    private boolean closed;

    /**
     * A writer to {@code out}; closing the writer closes {@code out}.
     */
    public EncodingWriter(OutputStream out, RecordEncoder encoder) {
        this.out = Objects.requireNonNull(out, "out");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.separator = encoder.separator();
        buffer.append(encoder.header());
    }

    @Override
    public void write(MarcRecord record) {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        int mark = buffer.length();
        if (written > 0) {
            buffer.append(separator);
        }
        try {
            encoder.encode(record, buffer);
        } catch (RuntimeException e) {
            buffer.truncate(mark); // nothing half-written
            throw e;
        }
        written++;
        if (buffer.length() >= FLUSH_AT) {
            drain();
        }
    }

    @Override
    public long recordsWritten() {
        return written;
    }

    @Override
    public void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain() {
        try {
            buffer.writeTo(out);
            buffer.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream o = out) {
            buffer.append(encoder.footer());
            buffer.writeTo(o);
            buffer.reset();
            o.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
