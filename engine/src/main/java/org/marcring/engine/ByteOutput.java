package org.marcring.engine;

import java.io.IOException;

/** Where the writer thread's bytes go: a file written under a temporary name, or a caller's stream. */
interface ByteOutput {

    /** Writes bytes (may buffer). */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Pushes buffered bytes to the operating system. */
    void flush() throws IOException;

    /**
     * The run succeeded: write out and close everything, but publish nothing yet, so that a failure here
     * still leaves no output (a file keeps its temporary name). Then {@link #commit()}.
     */
    default void complete() throws IOException {
        flush();
    }

    /** The run succeeded and the output is {@link #complete()}: make the output final. */
    void commit() throws IOException;

    /** The run failed: release the output and leave nothing that looks complete. Never throws. */
    void abort();
}
