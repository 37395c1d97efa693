package org.marcring.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the pipeline does with a record it cannot pass on (see {@link RejectedRecord}): stop, or skip it
 * and report it. Called on the writer thread, in input order, so a listener needs no locking.
 *
 * <pre>{@code
 * .errorPolicy(ErrorPolicy.failFast())
 * .errorPolicy(ErrorPolicy.skip(r -> log.warn(r.message())))
 * .errorPolicy(ErrorPolicy.rejectsFile(Path.of("rejects.mrc")))
 * }</pre>
 *
 * <p>A policy may hold state (an open rejects file): give each pipeline its own instance.
 */
public interface ErrorPolicy {

    /**
     * Handles one rejected record; throwing stops the pipeline with that exception.
     *
     * @throws IOException if the report cannot be written (this stops the pipeline too)
     */
    void reject(RejectedRecord record) throws IOException;

    /**
     * Hears of one record that was passed on after the decoder repaired it (see {@link RepairedRecord}), on
     * the writer thread, in input order with the rejects; throwing stops the pipeline with that exception.
     * Does nothing unless overridden: repaired records are counted in the result either way.
     *
     * @throws IOException if the report cannot be written (this stops the pipeline too)
     */
    default void repaired(RepairedRecord record) throws IOException {
    }

    /**
     * Called once at the end of a successful run, on the writer thread, before the output is committed: write
     * out everything, but publish nothing yet (a file keeps a temporary name). Throwing fails the run, and then
     * neither the output nor this policy's report is committed. Does nothing unless overridden.
     *
     * @throws IOException if the report cannot be completed
     */
    default void complete() throws IOException {
    }

    /**
     * Called once at the end of the run, on the writer thread: commit on success (after {@link #complete()}
     * and the output's commit), clean up on failure.
     */
    default void finish(boolean success) throws IOException {
    }

    /** Stops the pipeline at the first rejected record ({@link EngineException} with the record as cause). */
    static ErrorPolicy failFast() {
        return record -> {
            throw new EngineException.Rejected(record);
        };
    }

    /** Skips rejected records, handing each to {@code listener}. */
    static ErrorPolicy skip(Consumer<RejectedRecord> listener) {
        Objects.requireNonNull(listener, "listener");
        return listener::accept;
    }

    /** Skips rejected records silently (they are still counted in the result). */
    static ErrorPolicy skip() {
        return record -> {
        };
    }

    /**
     * Skips rejected records and writes their raw bytes, exactly as read, to {@code file}, so that nothing
     * is lost; the file is written under a temporary name and appears only when the run succeeds. With no
     * reject, an empty file is written.
     */
    static ErrorPolicy rejectsFile(Path file) {
        return new RejectsFile(file, null);
    }

    /** As {@link #rejectsFile(Path)}, and also hands each reject to {@code listener}. */
    static ErrorPolicy rejectsFile(Path file, Consumer<RejectedRecord> listener) {
        return new RejectsFile(file, Objects.requireNonNull(listener, "listener"));
    }
}
