package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marcring.codec.testing.Fixtures.ascii;
import static org.marcring.codec.testing.Fixtures.bytes;
import static org.marcring.codec.testing.Fixtures.concat;
import static org.marcring.codec.testing.Fixtures.record;
import static org.marcring.codec.testing.Fixtures.withDeclaredLength;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;

/** The sequential reader: iteration, rejects thrown or handed over, counts, sources and closing. */
class Iso2709ReaderTest {
    private static final byte[] JUNK = ascii("not a record at all");

    private static byte[] input() {
        return concat(bytes(record(0)), JUNK, bytes(record(1)), ascii("\n"), bytes(record(2)));
    }

    @Test
    void rejectIsThrownByNextAndTheReaderGoesOn() {
        try (Iso2709Reader reader = Iso2709Reader.of(input(), ReadOptions.defaults().withRejectsThrown())) {
            assertEquals(record(0).fields(), reader.next().fields());
            assertTrue(reader.hasNext());
            assertTrue(reader.hasNext(), "hasNext is idempotent");
            MarcFormatException e = assertThrows(org.marcring.codec.SkippedBytesException.class, reader::next);
            assertEquals(1, e.ordinal(), "garbage takes no ordinal: that of the record after it");
            assertEquals(bytes(record(0)).length, e.byteOffset());
            assertEquals("not a record at all", new String(e.rawBytes(), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(record(1).fields(), reader.next().fields());
            assertEquals(record(2).fields(), reader.next().fields());
            assertFalse(reader.hasNext());
            assertThrows(NoSuchElementException.class, reader::next);
            assertEquals(3, reader.recordsRead());
            assertEquals(0, reader.rejectedCount(), "garbage is not a record");
            assertEquals(1, reader.regionsSkipped());
            assertEquals("not a record at all".length(), reader.bytesSkipped());
            assertEquals(input().length, reader.position());
        }
    }

    @Test
    void rejectHandlerTakesRejectsAndIterationSkipsThem() {
        List<Long> rejects = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.of(input(), ReadOptions.defaults().withRejectsThrown())) {
            reader.onReject(e -> rejects.add(e.ordinal()));
            List<MarcRecord> records = new ArrayList<>();
            for (MarcRecord r : reader) {
                records.add(r);
            }
            assertEquals(List.of(record(0).fields(), record(1).fields(), record(2).fields()),
                    records.stream().map(MarcRecord::fields).collect(Collectors.toList()));
            assertEquals(List.of(1L), rejects);
            assertEquals(3, reader.recordsRead());
        }
    }

    @Test
    void streamGivesTheRecordsAndClosesTheReader() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(concat(bytes(record(0)), bytes(record(1)))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Iso2709Reader reader = Iso2709Reader.of(in);
        List<String> ids;
        try (var stream = reader.stream()) {
            ids = stream.map(MarcRecord::controlNumber).collect(Collectors.toList());
        }
        assertEquals(List.of("rec0", "rec1"), ids);
        assertTrue(closed[0]);
    }

    @Test
    void strictReaderRejectsWhatPermissiveRepairs() {
        byte[] clean = bytes(record(3));
        byte[] lying = withDeclaredLength(clean, clean.length + 1);
        try (Iso2709Reader permissive = Iso2709Reader.of(lying, ReadOptions.defaults().withRejectsThrown())) {
            MarcRecord r = permissive.next();
            assertEquals(record(3).fields(), r.fields());
            assertTrue(r.hasErrors());
        }
        try (Iso2709Reader strict = Iso2709Reader.of(lying, ReadOptions.strict())) {
            MarcFormatException e = assertThrows(MarcFormatException.class, strict::next);
            assertTrue(e.getMessage().startsWith("record 1 at byte 0: leader record length"), e.getMessage());
            assertFalse(strict.hasNext());
        }
    }

    @Test
    void maxRecordBytesOfTheOptionsReachesTheFramer() {
        byte[] big = bytes(record(4, 2000));
        try (Iso2709Reader reader = Iso2709Reader.of(big, ReadOptions.defaults().withRejectsThrown().withMaxRecordBytes(1000))) {
            List<MarcFormatException> rejects = new ArrayList<>();
            reader.onReject(rejects::add);
            reader.forEachRemaining(r -> { });
            assertFalse(rejects.isEmpty());
            assertTrue(rejects.get(0).getMessage().contains("record size limit"), rejects.get(0).getMessage());
        }
    }

    @Test
    void allSourcesReadTheSame(@TempDir Path dir) throws IOException {
        byte[] in = input();
        Path file = dir.resolve("in.mrc");
        Files.write(file, in);
        List<String> expected = List.of("rec0", "rec1", "rec2");
        assertEquals(expected, ids(Iso2709Reader.open(file)));
        assertEquals(expected, ids(Iso2709Reader.open(file, ReadOptions.strict())));
        assertEquals(expected, ids(Iso2709Reader.of(new ByteArrayInputStream(in))));
        assertEquals(expected, ids(Iso2709Reader.of(Channels.newChannel(new ByteArrayInputStream(in)),
                ReadOptions.defaults().withRejectsThrown())));
        assertEquals(expected, ids(new Iso2709Reader(RecordFramer.of(in), ReadOptions.defaults().withRejectsThrown())));
    }

    private static List<String> ids(Iso2709Reader reader) {
        try (Iso2709Reader r = reader) {
            r.onReject(e -> { });
            return r.stream().map(MarcRecord::controlNumber).collect(Collectors.toList());
        }
    }

    @Test
    void ioFailureIsUncheckedAndNamesTheOffset() {
        InputStream failing = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ < 30) {
                    return '0';
                }
                throw new IOException("device gone");
            }
        };
        try (Iso2709Reader reader = Iso2709Reader.of(failing)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, reader::hasNext);
            assertTrue(e.getMessage().contains("device gone"), e.getMessage());
        }
    }

    @Test
    void missingFileIsAnUncheckedIOException(@TempDir Path dir) {
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> Iso2709Reader.open(dir.resolve("none.mrc")));
        assertTrue(e.getCause() instanceof java.nio.file.NoSuchFileException, e.toString());
    }
}
