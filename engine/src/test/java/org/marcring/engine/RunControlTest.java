package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

/** The first outcome of a run wins: a failure after completion does not turn it into a failed run. */
class RunControlTest {

    @Test
    void firstFailureWins() throws InterruptedException {
        RunControl c = new RunControl();
        assertFalse(c.isStopped());
        assertFalse(c.await(1_000_000));
        IOException first = new IOException("first");
        c.fail(first);
        c.fail(new IOException("second"));
        c.complete();
        assertSame(first, c.failure());
        assertTrue(c.isStopped());
        assertTrue(c.await(0));
    }

    @Test
    void aCancellationAfterCompletionIsIgnored() {
        RunControl c = new RunControl();
        c.complete();
        c.fail(new CancellationException("too late"));
        assertNull(c.failure());
        assertTrue(c.isFinished());
        assertEquals(true, c.isStopped(), "the threads may still be told to stop");
    }
}
