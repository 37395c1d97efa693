package org.marcring.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** Output to a caller's stream: flushed at the end, never closed (the caller owns it). */
final class StreamOutput implements ByteOutput {
    private final OutputStream out;

    StreamOutput(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void commit() throws IOException {
        out.flush();
    }

    @Override
    public void abort() {
        try {
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // the run has failed already; its exception is what the caller sees
        }
    }
}
