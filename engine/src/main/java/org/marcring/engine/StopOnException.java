package org.marcring.engine;

import com.lmax.disruptor.ExceptionHandler;

/**
 * The Disruptor exception handler of every engine processor: anything that escapes a handler (which
 * catches per slot, so only a bug does) stops the whole run instead of killing one thread and leaving
 * the others waiting for it.
 */
final class StopOnException implements ExceptionHandler<RecordBatch> {
    private final RunControl control;

    StopOnException(RunControl control) {
        this.control = control;
    }

    @Override
    public void handleEventException(Throwable ex, long sequence, RecordBatch event) {
        control.fail(ex);
    }

    @Override
    public void handleOnStartException(Throwable ex) {
        control.fail(ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
        // the run is over; cleanup failures do not change its outcome
    }
}
