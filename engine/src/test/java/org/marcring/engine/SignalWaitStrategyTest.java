package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.FixedSequenceGroup;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Waits that end on a signal: parks are made ten seconds long, so that a lost wake-up shows as a wait that does
 * not end within two; a signal that comes while the waiter goes to sleep must not be lost.
 */
class SignalWaitStrategyTest {
    private static final long LONG_PARK = TimeUnit.SECONDS.toNanos(10);
    private static final long SOON_MS = 2_000;
    /** Each wait on a thread of its own: a pool's worker may be unparked by the pool itself. */
    private static final java.util.concurrent.Executor OWN_THREAD = r -> {
        Thread t = new Thread(r, "waiter");
        t.setDaemon(true);
        t.start();
    };

    /** A barrier that is never alerted: the strategy only asks it whether the run stopped. */
    private static final SequenceBarrier NEVER_ALERTED = new SequenceBarrier() {
        @Override
        public long waitFor(long sequence) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getCursor() {
            return 0;
        }

        @Override
        public boolean isAlerted() {
            return false;
        }

        @Override
        public void alert() {
        }

        @Override
        public void clearAlert() {
        }

        @Override
        public void checkAlert() {
        }
    };

    private static CompletableFuture<Long> writerWaitsFor(SignalWaitStrategy s, long sequence, Sequence cursor,
                                                          Sequence parsers) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return s.waitFor(sequence, cursor, parsers, NEVER_ALERTED);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, OWN_THREAD);
    }

    @RepeatedTest(20)
    void aWriterWithABacklogWakesWhenTheLastOfItsBatchesIsDoneByEitherParser() throws Exception {
        SignalWaitStrategy s = new SignalWaitStrategy(0, LONG_PARK);
        Sequence cursor = new Sequence(100);               // a hundred batches published: a backlog
        Sequence a = new Sequence(0);
        Sequence b = new Sequence(0);
        CompletableFuture<Long> writer = writerWaitsFor(s, 1, cursor, new FixedSequenceGroup(new Sequence[] {a, b}));
        Thread.sleep(5);                                   // most often parked by now; either way nothing is lost
        // parser a runs ahead; parser b, one batch behind, finishes last and must wake the writer
        a.set(SignalWaitStrategy.WAKE_AFTER_BATCHES + 3);
        s.signalHandlersMoved();
        b.set(SignalWaitStrategy.WAKE_AFTER_BATCHES);
        s.signalHandlersMoved();
        long available = writer.get(SOON_MS, TimeUnit.MILLISECONDS);
        assertTrue(available >= 1, "returned " + available);
    }

    @RepeatedTest(20)
    void aWriterWithoutABacklogWakesAsSoonAsItsBatchIsDone() throws Exception {
        SignalWaitStrategy s = new SignalWaitStrategy(0, LONG_PARK);
        Sequence cursor = new Sequence(1);                 // only the batch it waits for is published
        Sequence a = new Sequence(0);
        CompletableFuture<Long> writer = writerWaitsFor(s, 1, cursor, new FixedSequenceGroup(new Sequence[] {a}));
        Thread.sleep(5);
        a.set(1);
        s.signalHandlersMoved();
        assertEquals(1L, writer.get(SOON_MS, TimeUnit.MILLISECONDS));
    }

    @RepeatedTest(20)
    void aProducerWaitingForRoomWakesWhenTheConsumerPassesWhatItWants() throws Exception {
        SignalWaitStrategy s = new SignalWaitStrategy(0, LONG_PARK);
        Sequence consumer = new Sequence(10);
        long wanted = 26;
        CompletableFuture<Long> producer = CompletableFuture.supplyAsync(() -> {
            int parks = 0;
            while (consumer.get() < wanted) {
                s.awaitConsumer(consumer, wanted);
                parks++;
            }
            return (long) parks;
        }, OWN_THREAD);
        Thread.sleep(5);
        for (long seq = 11; seq <= wanted; seq++) {
            consumer.set(seq);
            s.signalConsumerMoved();
        }
        producer.get(SOON_MS, TimeUnit.MILLISECONDS);       // a lost wake-up would park it for ten seconds
        assertEquals(wanted, consumer.get());
    }

    @Test
    void aSignalForAnEarlierBatchDoesNotEndTheWaitOfAProducerThatWantsALaterOne() throws Exception {
        SignalWaitStrategy s = new SignalWaitStrategy(0, TimeUnit.MILLISECONDS.toNanos(300));
        Sequence consumer = new Sequence(10);
        long wanted = 20;
        CompletableFuture<Long> producer = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            s.awaitConsumer(consumer, wanted);             // one park: ends by a signal or by its timeout
            return System.nanoTime() - start;
        }, OWN_THREAD);
        Thread.sleep(20);
        consumer.set(15);
        s.signalConsumerMoved();                           // not what it wants: it sleeps on to its timeout
        long waited = producer.get(SOON_MS, TimeUnit.MILLISECONDS);
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(250), "woke after " + waited / 1_000_000 + " ms");
    }
}
