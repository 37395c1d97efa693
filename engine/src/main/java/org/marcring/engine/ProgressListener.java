package org.marcring.engine;

/**
 * Receives a {@link Progress} snapshot now and then (about every quarter second, and once at the end)
 * on the writer thread; must return quickly. Throwing stops the pipeline.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Called with the state of the run. */
    void onProgress(Progress progress);
}
