package org.marcring.engine;

import java.io.IOException;

/** Where the writer thread's bytes go: a file written under a temporary name, or a caller's stream. */
interface ByteOutput {

    /** Writes bytes (may buffer). */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Pushes buffered bytes to the operating system. */
    void flush() throws IOException;

    /** The run succeeded: make the output final. */
    void commit() throws IOException;

    /** The run failed: release the output and leave nothing that looks complete. Never throws. */
    void abort();
}
