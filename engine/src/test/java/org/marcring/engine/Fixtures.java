package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.marcring.codec.ControlField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.testing.Corpus;

/** Test inputs built from the corpus' realistic records, and the checks every fault test repeats. */
final class Fixtures {
    static final String REALISTIC = "mrrc/tests/data/fixtures/realistic.mrc";

    private Fixtures() {
    }

    /**
     * {@code count} ISO 2709 records, each a realistic record of the corpus (cycled) whose 001 holds its
     * ordinal, so that a test can tell records apart by content.
     */
    static List<byte[]> numberedRecords(int count) throws IOException {
        List<MarcRecord> base = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.open(Corpus.file(REALISTIC))) {
            reader.forEachRemaining(base::add);
        }
        Iso2709Encoder encoder = new Iso2709Encoder();
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MarcRecord r = base.get(i % base.size()).toBuilder().removeFields("001")
                    .addFieldInOrder(ControlField.of("001", Integer.toString(i))).build();
            out.add(encoder.encode(r));
        }
        return out;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * {@code count} numbered records ({@link #numberedRecords}) as one input, those at the ordinals
     * {@code undecodable} made {@link #undecodable} (and so rejected by any reader).
     */
    static byte[] numberedWithUndecodable(int count, int... undecodable) throws IOException {
        List<byte[]> records = new ArrayList<>(numberedRecords(count));
        for (int i : undecodable) {
            records.set(i, undecodable(records.get(i)));
        }
        return concat(records);
    }

    /** A copy of a record whose field terminators are all gone: no decoder can find its directory. */
    static byte[] undecodable(byte[] record) {
        byte[] r = Arrays.copyOf(record, record.length);
        for (int i = 24; i < r.length - 1; i++) {
            if (r[i] == 0x1E) {
                r[i] = 'x';
            }
        }
        return r;
    }

    /** The big test file: the realistic records of the corpus, {@code copies} times over. */
    static Path replicated(Path dir, int copies) throws IOException {
        byte[] one = Files.readAllBytes(Corpus.file(REALISTIC));
        Path file = dir.resolve("big.mrc");
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < copies; i++) {
                out.write(one);
            }
        }
        return file;
    }

    /** Waits (briefly) until no engine thread is alive, and fails naming any that stays. */
    static void assertNoEngineThreads() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            List<String> left = engineThreads();
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("engine threads still alive: " + left);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static List<String> engineThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("marcring-")) {
                names.add(t.getName());
            }
        }
        return names;
    }

    /** Asserts that the live thread count is back to {@code baseline} (waiting briefly for it). */
    static void assertThreadCount(int baseline) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (Thread.activeCount() > baseline && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertEquals(baseline, Thread.activeCount(), "live threads");
    }
}
