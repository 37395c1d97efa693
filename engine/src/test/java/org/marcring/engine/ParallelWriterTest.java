package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.iso2709.Iso2709Writer;
import org.marcring.codec.testing.Corpus;

/** ParallelWriter writes what Iso2709Writer writes, in submission order, and fails loudly. */
class ParallelWriterTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static List<MarcRecord> realistic() throws Exception {
        List<MarcRecord> records = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.open(Corpus.file(Fixtures.REALISTIC))) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void sameBytesAsTheSequentialWriter() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<MarcRecord> records = realistic();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (Iso2709Writer w = Iso2709Writer.of(expected)) {
                records.forEach(w::write);
            }
            for (int parsers : new int[] {1, 2, 4}) {
                for (int ring : new int[] {8, 1024}) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ParallelWriter w = new ParallelWriter(out, Iso2709Encoder::new, parsers, ring,
                            ErrorPolicy.failFast());
                    records.forEach(w::write);
                    w.close();
                    assertArrayEquals(expected.toByteArray(), out.toByteArray(), parsers + "/" + ring);
                    assertEquals(records.size(), w.result().recordsWritten());
                    assertTrue(w.result().complete() && w.result().isBalanced());
                    // the records come from this thread, not an I/O thread; the encoders did the work
                    assertEquals(0, w.result().cpu().io(), w.result().toString());
                    assertTrue(w.result().cpu().parsers() > 0, w.result().toString());
                }
            }
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void flushWaitsUntilTheBytesAreOut(@TempDir Path dir) {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<MarcRecord> records = realistic().subList(0, 100);
            byte[] first = new Iso2709Encoder().encode(records.get(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ParallelWriter w = new ParallelWriter(out, Iso2709Encoder::new, 2, 64, ErrorPolicy.failFast())) {
                w.write(records.get(0));
                w.flush();
                assertArrayEquals(first, out.toByteArray());
                records.subList(1, 100).forEach(w::write);
                w.flush();
                assertEquals(100, w.recordsWritten());
            }
            Path file = dir.resolve("out.mrc");
            ParallelWriter w = ParallelWriter.open(file);
            records.forEach(w::write);
            w.flush();
            assertFalse(Files.exists(file), "the file appears only when closed");
            w.close();
            List<MarcRecord> back = new ArrayList<>();
            try (Iso2709Reader r = Iso2709Reader.open(file)) {
                r.forEachRemaining(back::add);
            }
            assertEquals(records.size(), back.size());
            assertEquals(records.get(99).controlNumber(), back.get(99).controlNumber());
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void closingWhileTheRunFailsThrowsTheRunsFailureEveryTime() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<MarcRecord> records = new ArrayList<>(realistic().subList(0, 8));
            MarcRecord huge = records.get(7).toBuilder().dataField("500", ' ', ' ', "a", "x".repeat(12_000)).build();
            records.set(7, huge);
            for (int round = 0; round < 200; round++) {
                ParallelWriter writer = new ParallelWriter(new ByteArrayOutputStream(), Iso2709Encoder::new, 2, 16,
                        ErrorPolicy.failFast());
                EngineException e = assertThrows(EngineException.class, () -> {
                    records.forEach(writer::write);
                    writer.close();
                }, "round " + round);
                assertInstanceOf(MarcException.class, e.getCause().getCause(), e.toString());
            }
        });
    }

    @Test
    void aRecordThatCannotBeEncodedFailsFastOrIsSkipped(@TempDir Path dir) {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<MarcRecord> records = new ArrayList<>(realistic().subList(0, 50));
            // a field over 9,999 bytes cannot be expressed in ISO 2709
            MarcRecord huge = records.get(25).toBuilder().dataField("500", ' ', ' ', "a", "x".repeat(12_000))
                    .build();
            records.set(25, huge);

            Path file = dir.resolve("out.mrc");
            ParallelWriter failing = ParallelWriter.open(file);
            EngineException e = assertThrows(EngineException.class, () -> {
                for (MarcRecord r : records) {
                    failing.write(r);
                }
                failing.close();
            });
            assertInstanceOf(MarcException.class, e.getCause().getCause(), e.toString());
            failing.close(); // idempotent
            assertFalse(Files.exists(file), "no output after a failure");
            try (var files = Files.list(dir)) {
                assertEquals(0, files.count(), "no temporary file left either");
            }

            List<RejectedRecord> rejects = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ParallelWriter skipping = new ParallelWriter(out, Iso2709Encoder::new, 2, 16,
                    ErrorPolicy.skip(rejects::add));
            records.forEach(skipping::write);
            skipping.close();
            assertEquals(49, skipping.result().recordsWritten());
            assertEquals(1, skipping.result().recordsRejected());
            assertEquals(25, rejects.get(0).ordinal());
            assertEquals(RejectedRecord.Stage.ENCODE, rejects.get(0).stage());
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (Iso2709Writer w = Iso2709Writer.of(expected)) {
                for (int i = 0; i < records.size(); i++) {
                    if (i != 25) {
                        w.write(records.get(i));
                    }
                }
            }
            assertArrayEquals(expected.toByteArray(), out.toByteArray());
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void outputFailureSurfacesOnALaterCall() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<MarcRecord> records = realistic();
            PipelineFaultTest.FailingStream sink = new PipelineFaultTest.FailingStream(100_000);
            ParallelWriter w = new ParallelWriter(sink, Iso2709Encoder::new, 2, 64, ErrorPolicy.failFast());
            EngineException e = assertThrows(EngineException.class, () -> {
                for (MarcRecord r : records) {
                    w.write(r);
                }
                w.close();
            });
            assertTrue(e.getMessage().contains("disk full"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> w.write(records.get(0)));
            Fixtures.assertNoEngineThreads();
        });
    }
}
