package org.marcring.engine;

import java.util.Objects;

/**
 * A pipeline run that did not complete: the sink failed, the input could not be read, the error policy
 * said stop, the run was cancelled or its thread interrupted. {@link #partialResult()} holds the counts of
 * what was done before; the cause says what went wrong. No engine thread is left running, and no output
 * file appears under its final name.
 */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient PipelineResult partialResult;

    /** A failed run with what it did before failing. */
    public EngineException(String message, Throwable cause, PipelineResult partialResult) {
        super(message, cause);
        this.partialResult = partialResult;
    }

    /** The counts of the run up to its failure (never {@code null} when thrown by the engine). */
    public PipelineResult partialResult() {
        return partialResult;
    }

    /** Thrown by {@link ErrorPolicy#failFast()}: the first record that was rejected. */
    public static final class Rejected extends EngineException {
        private static final long serialVersionUID = 1L;

        private final transient RejectedRecord record;

        /** The run stopped at {@code record}. */
        public Rejected(RejectedRecord record) {
            super(Objects.requireNonNull(record, "record").message(), record.cause(), null);
            this.record = record;
        }

        /** The record that stopped the run. */
        public RejectedRecord record() {
            return record;
        }
    }
}
