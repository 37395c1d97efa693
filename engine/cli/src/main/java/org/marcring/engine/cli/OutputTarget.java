package org.marcring.engine.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

import org.marcring.engine.PartFile;

/**
 * Where a command writes: standard output ({@code -} or no name), or a file written under a temporary
 * name in the same folder and renamed to its own name only on {@link #commit()}; a name ending in
 * {@code .gz} is gzip-compressed.
 */
final class OutputTarget implements AutoCloseable {
    private final String name;
    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private final GZIPOutputStream gzip;
    private boolean done;

    private OutputTarget(String name, Path target, Path temp, OutputStream stream, GZIPOutputStream gzip) {
        this.name = name;
        this.target = target;
        this.temp = temp;
        this.stream = stream;
        this.gzip = gzip;
    }

    /** Opens {@code arg} ({@code null} or {@code -} for standard output). */
    static OutputTarget open(String arg) {
        if (arg == null || arg.equals("-")) {
            // System.out is a PrintStream, which swallows write errors: ask it after each (64 KiB) write, so
            // that a full disk or a closed pipe fails the run instead of losing the output silently
            PrintStream stdout = System.out;
            OutputStream out = new BufferedOutputStream(new FilterOutputStream(stdout) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    stdout.write(b, off, len);
                    check();
                }

                @Override
                public void flush() throws IOException {
                    check(); // checkError() flushes
                }

                @Override
                public void close() throws IOException {
                    check(); // standard output stays open
                }

                private void check() throws IOException {
                    if (stdout.checkError()) {
                        throw new IOException("writing to standard output failed (disk full, or the reader of the"
                                + " pipe is gone)");
                    }
                }
            }, 1 << 16);
            return new OutputTarget("standard output", null, null, out, null);
        }
        Path target = Path.of(arg).toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(arg + ": is a directory, not a file");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(arg + ": cannot write: no such folder " + dir);
        }
        Path temp;
        try {
            temp = PartFile.create(target);
            temp.toFile().deleteOnExit(); // also when interrupted (Ctrl-C); gone anyway once renamed
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(arg + ": cannot write: " + Errors.describe(e));
        }
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
            GZIPOutputStream gz = null;
            if (arg.endsWith(".gz")) {
                gz = new GZIPOutputStream(out, 1 << 16);
                out = gz;
            }
            return new OutputTarget(arg, target, temp, out, gz);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new IllegalArgumentException(arg + ": cannot write: " + Errors.describe(e));
        }
    }

    /** The name as given, or "standard output". */
    String name() {
        return name;
    }

    /** The stream to write to (buffered; do not close it, {@link #commit()} does). */
    OutputStream stream() {
        return stream;
    }

    /** Finishes the output: flushes, and for a file closes and renames it to its own name. */
    void commit() throws IOException {
        done = true;
        try {
            if (gzip != null) {
                gzip.finish();
            }
            stream.close();
            if (target != null) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            abort();
            throw new IOException(name + ": cannot write: " + Errors.describe(e), e);
        }
    }

    /** Gives up: a file's temporary copy is deleted, nothing appears under its name. */
    void abort() {
        done = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // deleted next
        }
        if (temp != null) {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        if (!done) {
            abort();
        }
    }
}
