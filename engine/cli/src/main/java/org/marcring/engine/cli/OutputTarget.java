package org.marcring.engine.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Where a command writes: standard output ({@code -} or no name); a regular file (or a new one), written
 * under a temporary {@link PartFile} in the same folder and renamed to its name only on commit; or
 * something that is not a regular file (a device such as {@code /dev/null}, a FIFO, {@code /proc/self/fd/1}),
 * which is written straight and never replaced. A symbolic link is followed: the file it points to is
 * written atomically, the link stays. A name ending in {@code .gz} is gzip-compressed.
 *
 * <p>Several outputs of one run are committed together by {@link #commitAll}: every one is finished
 * (flushed, closed) before any is renamed, so that a failure while finishing any of them (a full disk)
 * leaves every old file as it was.
 */
final class OutputTarget implements AutoCloseable {
    private final String name;
    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private final GZIPOutputStream gzip;
    private boolean finished;
    private boolean done;

    private OutputTarget(String name, Path target, Path temp, OutputStream stream, GZIPOutputStream gzip) {
        this.name = name;
        this.target = target;
        this.temp = temp;
        this.stream = stream;
        this.gzip = gzip;
    }

    /** Whether {@code arg} names standard output ({@code null} or {@code -}). */
    static boolean isStandardOutput(String arg) {
        return arg == null || arg.equals("-");
    }

    /**
     * Opens {@code arg} ({@code null} or {@code -} for standard output). For a file, first removes the
     * temporary files of earlier runs into it that provably died ({@link PartFile#removeStale}).
     */
    static OutputTarget open(String arg) {
        if (isStandardOutput(arg)) {
            return new OutputTarget("standard output", null, null, StandardOutput.open(), null);
        }
        Path given = Path.of(arg).toAbsolutePath();
        if (Files.isDirectory(given)) {
            throw new IllegalArgumentException(arg + ": is a directory, not a file");
        }
        try {
            if (Files.exists(given) && !Files.isRegularFile(given)) {
                // a device, a FIFO, a terminal, /proc/self/fd/N: written straight, never replaced
                return wrap(arg, null, null, Files.newOutputStream(given, StandardOpenOption.WRITE));
            }
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(arg + ": cannot write: " + Errors.describe(e));
        }
        Path target = followLinks(arg, given);
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(arg + ": cannot write: no such folder " + dir);
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new IllegalArgumentException(arg + ": cannot write: permission denied");
        }
        PartFile.removeStale(target);
        Path temp;
        try {
            temp = PartFile.create(target);
            temp.toFile().deleteOnExit(); // also when interrupted (Ctrl-C); gone anyway once renamed
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(arg + ": cannot write: " + Errors.describe(e));
        }
        try {
            return wrap(arg, target, temp, Files.newOutputStream(temp));
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new IllegalArgumentException(arg + ": cannot write: " + Errors.describe(e));
        }
    }

    private static OutputTarget wrap(String arg, Path target, Path temp, OutputStream raw) throws IOException {
        OutputStream out = new BufferedOutputStream(raw, 1 << 16);
        GZIPOutputStream gz = null;
        if (arg.endsWith(".gz")) {
            gz = new GZIPOutputStream(out, 1 << 16);
            out = gz;
        }
        return new OutputTarget(arg, target, temp, out, gz);
    }

    /** The file {@code given} ends at after following its symbolic links, even where the last one dangles. */
    static Path followLinks(String arg, Path given) {
        try {
            if (Files.exists(given)) {
                return given.toRealPath();
            }
            Path p = given;
            for (int hops = 0; Files.isSymbolicLink(p); hops++) {
                if (hops == 40) {
                    throw new IllegalArgumentException(arg + ": cannot write: too many levels of symbolic links");
                }
                p = p.resolveSibling(Files.readSymbolicLink(p));
            }
            return p.toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalArgumentException(arg + ": cannot write: " + Errors.describe(e));
        }
    }

    /** The name as given, or "standard output". */
    String name() {
        return name;
    }

    /** The stream to write to (buffered; do not close it, committing does). */
    OutputStream stream() {
        return stream;
    }

    /** Finishes and commits this output alone ({@link #commitAll} with one output). */
    void commit() throws IOException {
        commitAll(List.of(this));
    }

    /**
     * Commits {@code outputs} together: finishes every one (gzip trailer, flush, close), and only when all are
     * complete renames each file's temporary copy to its name. If finishing any fails, all are aborted:
     * nothing appears under any name, and the old files stay as they were.
     */
    static void commitAll(List<OutputTarget> outputs) throws IOException {
        List<OutputTarget> all = new ArrayList<>(outputs);
        for (OutputTarget o : all) {
            try {
                o.finish();
            } catch (IOException e) {
                all.forEach(OutputTarget::abort);
                throw new IOException(o.name + ": cannot write: " + Errors.describe(e), e);
            }
        }
        for (OutputTarget o : all) {
            try {
                o.publish();
            } catch (IOException e) {
                all.forEach(OutputTarget::abort);
                throw new IOException(o.name + ": cannot write: " + Errors.describe(e), e);
            }
        }
    }

    private void finish() throws IOException {
        finished = true;
        if (gzip != null) {
            gzip.finish();
        }
        stream.close();
    }

    private void publish() throws IOException {
        done = true;
        if (target != null) {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Gives up: a file's temporary copy is deleted, nothing new appears under its name. */
    void abort() {
        if (done) {
            return;
        }
        done = true;
        if (!finished) {
            finished = true;
            try {
                stream.close();
            } catch (IOException ignored) {
                // deleted next
            }
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
        abort();
    }
}
