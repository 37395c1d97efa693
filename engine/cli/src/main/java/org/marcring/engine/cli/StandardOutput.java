package org.marcring.engine.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * A command's data on standard output, written to the process's file descriptor 1 itself rather than through
 * {@code System.out}, a {@code PrintStream} that swallows write errors. A write that fails because the reader
 * of a pipe went away ({@code marcring dump big.mrc | head -2}) throws {@link ReaderGoneException}, on which
 * the command line ends at once and quietly; any other failure (a full disk, {@code > /dev/full}) throws an
 * {@link IOException} that says what went wrong, and the command fails.
 */
final class StandardOutput extends OutputStream {
    private final FileOutputStream fd1 = new FileOutputStream(FileDescriptor.out);

    private StandardOutput() {
    }

    /** Standard output, buffered in 64 KiB; closing it flushes and leaves the descriptor open. */
    static OutputStream open() {
        System.out.flush(); // whatever was printed through System.out comes first
        return new BufferedOutputStream(new StandardOutput(), 1 << 16);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            fd1.write(b, off, len);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public void close() {
        // standard output stays open (the buffer above flushes first)
    }

    private static IOException translate(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("broken pipe")) {
            return new ReaderGoneException(e);
        }
        return new IOException("writing to standard output failed: " + Errors.describe(e), e);
    }

    /** The reader of standard output went away (EPIPE): nobody wants the rest, and nobody is to be told. */
    static final class ReaderGoneException extends IOException {
        private static final long serialVersionUID = 1L;

        ReaderGoneException(IOException cause) {
            super("the reader of standard output went away", cause);
        }

        /** Whether {@code t} or one of its causes is this. */
        static boolean isIn(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof ReaderGoneException) {
                    return true;
                }
            }
            return false;
        }
    }
}
