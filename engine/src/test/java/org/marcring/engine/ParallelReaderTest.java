package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.testing.Corpus;

/** ParallelReader yields what Iso2709Reader yields: same records, same order, same rejects. */
class ParallelReaderTest {
    /** Permissive reading whose rejects are thrown, so that both sides show them alike. */
    private static final ReadOptions THROWING = ReadOptions.defaults().withRejectsThrown();

    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** Every ISO 2709 file of the corpus, valid or broken on purpose. */
    static Stream<Corpus.Entry> iso2709Files() {
        return Corpus.entries(Corpus.Entry::isIso2709).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iso2709Files")
    void sameRecordsAndRejectsAsTheSequentialReader(Corpus.Entry file) throws IOException {
        int parsers = 1 + Math.floorMod(file.relative.hashCode(), 4);
        for (ReadOptions options : List.of(THROWING, ReadOptions.strict())) {
            List<String> expected;
            try (Iso2709Reader reader = Iso2709Reader.open(file.path, options)) {
                expected = drain(reader);
            }
            List<String> actual;
            try (ParallelReader reader = new ParallelReader(Iso2709Source.open(file.path, options), parsers, 16,
                    null)) {
                actual = drain(reader);
            }
            assertEquals(expected, actual, file + " " + options.mode() + " parsers=" + parsers);
        }
        Fixtures.assertNoEngineThreads();
    }

    /** Each record as its text and its errors, each reject as its message (which names ordinal and offset). */
    private static List<String> drain(MarcReader reader) {
        List<String> out = new ArrayList<>();
        while (true) {
            try {
                if (!reader.hasNext()) {
                    break;
                }
                MarcRecord r = reader.next();
                out.add(r.toString() + " " + r.errors());
            } catch (MarcFormatException e) {
                out.add("REJECT " + e.getMessage() + " " + java.util.Arrays.hashCode(e.rawBytes()));
            } catch (UncheckedIOException e) {
                out.add("IO " + e.getMessage());
                break;
            }
        }
        out.add("read " + reader.recordsRead());
        return out;
    }

    @Test
    void onRejectHandlerGetsRejectsInOrderAndIterationSkipsThem() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.numberedWithUndecodable(200, 20, 150);
            List<Long> rejected = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            try (ParallelReader reader = ParallelReader.of(input, THROWING)) {
                reader.onReject(e -> rejected.add(e.ordinal()));
                for (MarcRecord r : reader) {
                    numbers.add(r.controlNumber());
                }
                assertEquals(198, reader.recordsRead());
                assertEquals(2, reader.rejectedCount());
            }
            assertEquals(List.of(20L, 150L), rejected);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                if (i != 20 && i != 150) {
                    expected.add(Integer.toString(i));
                }
            }
            assertEquals(expected, numbers);
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void afterCloseItAnswersAsTheSequentialReaderDoes() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.numberedWithUndecodable(500, 1);
            MarcReader sequential = Iso2709Reader.of(input, THROWING);
            ParallelReader parallel = new ParallelReader(Iso2709Source.of(input, ReadOptions.defaults()), 2, 8, null);
            for (MarcReader reader : List.of(sequential, parallel)) {
                assertEquals("0", reader.next().controlNumber());
                assertThrows(MarcFormatException.class, reader::next, "record 1 is refused");
                assertEquals("2", reader.next().controlNumber());
                assertTrue(reader.hasNext(), "record 3 is waiting");
                reader.close();
                assertFalse(reader.hasNext(), "nothing more after close, the waiting record included");
                assertThrows(java.util.NoSuchElementException.class, reader::next);
                assertEquals(2, reader.recordsRead());
            }
            assertEquals(1, parallel.rejectedCount());
            assertEquals(1, ((Iso2709Reader) sequential).rejectedCount());
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void streamAndEarlyCloseStopTheThreads() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.concat(Fixtures.numberedRecords(3000));
            try (ParallelReader reader = new ParallelReader(Iso2709Source.of(input, ReadOptions.defaults()), 2, 8,
                    null)) {
                assertEquals(List.of("0", "1", "2"), reader.stream().limit(3).map(MarcRecord::controlNumber).toList());
            } // closed with most records unread, ring full, producer waiting
            Fixtures.assertNoEngineThreads();
            try (Stream<MarcRecord> s = ParallelReader.of(new ByteArrayInputStream(input)).stream()) {
                assertEquals(3000, s.count());
            }
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void readErrorIsThrownInOrderAfterTheRecordsBeforeIt() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.concat(Fixtures.numberedRecords(100));
            int cut = input.length / 2;
            InputStream failing = new InputStream() {
                int pos;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (pos >= cut) {
                        throw new IOException("device gone");
                    }
                    int n = Math.min(len, Math.min(cut - pos, 4096));
                    System.arraycopy(input, pos, b, off, n);
                    pos += n;
                    return n;
                }
            };
            List<String> seen = new ArrayList<>();
            try (ParallelReader reader = ParallelReader.of(failing, THROWING)) {
                UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
                    while (reader.hasNext()) {
                        seen.add(reader.next().controlNumber());
                    }
                });
                assertTrue(e.getMessage().contains("device gone"), e.getMessage());
                assertFalse(reader.hasNext());
            }
            assertTrue(seen.size() > 10 && seen.size() < 100, "records before the error: " + seen.size());
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(Integer.toString(i), seen.get(i));
            }
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void aRecordFromAPipeIsDeliveredBeforeTheNextOneArrives() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<byte[]> records = Fixtures.numberedRecords(3);
            java.io.PipedOutputStream feeder = new java.io.PipedOutputStream();
            java.io.PipedInputStream in = new java.io.PipedInputStream(feeder, 1 << 16);
            try (ParallelReader reader = ParallelReader.of(in)) {
                for (int i = 0; i < 3; i++) {
                    feeder.write(records.get(i));
                    feeder.flush();
                    assertTrue(reader.hasNext());
                    assertEquals(Integer.toString(i), reader.next().controlNumber());
                }
                feeder.close();
                assertFalse(reader.hasNext());
            }
            Fixtures.assertNoEngineThreads();
        });
    }

    @Test
    void bigFileSameRecordsAsSequentialReader() throws IOException {
        var file = Corpus.file(Fixtures.REALISTIC);
        assertTimeoutPreemptively(LIMIT, () -> {
            List<MarcRecord> expected = new ArrayList<>();
            try (Iso2709Reader reader = Iso2709Reader.open(file)) {
                reader.forEachRemaining(expected::add);
            }
            for (int parsers : new int[] {1, 2, 8}) {
                List<MarcRecord> actual = new ArrayList<>();
                try (MarcReader reader = new ParallelReader(Iso2709Source.open(file, THROWING),
                        parsers, 256, null)) {
                    reader.forEachRemaining(actual::add);
                }
                assertEquals(expected, actual);
            }
            assertTrue(Files.size(file) > 0);
        });
    }
}
