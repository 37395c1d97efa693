package org.marcring.engine.marc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.marc4j.MarcException;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.marc8.Marc8Encoder;

/** The marc4j reader's contract: order, errors, strictness, encodings, formats, and its threads' lifetime. */
class ParallelMarcReaderTest {

    /** {@code count} small distinct records, 001 = ordinal. */
    static List<MarcRecord> records(int count) {
        List<MarcRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(MarcRecord.builder().leader(Leader.defaultBibliographic())
                    .controlField("001", Integer.toString(i))
                    .addField(org.marcring.codec.DataField.of("245", '1', '0', "a", "Title " + i, "c", "by Author " + i))
                    .addField(org.marcring.codec.DataField.of("650", ' ', '0', "a", "Subject " + (i % 7)))
                    .build());
        }
        return out;
    }

    static byte[] iso(List<MarcRecord> records) {
        Iso2709Encoder encoder = new Iso2709Encoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (MarcRecord r : records) {
            out.writeBytes(encoder.encode(r));
        }
        return out.toByteArray();
    }

    static List<String> ids(org.marc4j.MarcReader reader) {
        List<String> ids = new ArrayList<>();
        while (reader.hasNext()) {
            ids.add(reader.next().getControlNumber());
        }
        return ids;
    }

    static List<String> expectedIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Integer.toString(i));
        }
        return ids;
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

    static void assertNoEngineThreads() throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!engineThreads().isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("engine threads still alive: " + engineThreads());
            }
            Thread.sleep(10);
        }
    }

    @Test
    void readToTheEndWithoutCloseLeavesNoThreadAlive() throws Exception {
        ParallelMarcReader reader = new ParallelMarcReader(new ByteArrayInputStream(iso(records(3000))),
                ParallelMarcReader.Options.defaults().threads(3));
        assertTrue(engineThreads().size() >= 3, "3 parsers running (the I/O thread may have framed the whole input "
                + "into the ring already): " + engineThreads());
        assertEquals(expectedIds(3000), ids(reader)); // never closed
        assertNoEngineThreads();
        assertFalse(reader.hasNext());
        assertEquals(3000, reader.recordsRead());
    }

    @Test
    void closeHalfWayStopsTheThreads() throws Exception {
        try (ParallelMarcReader reader = new ParallelMarcReader(new ByteArrayInputStream(iso(records(3000))))) {
            assertEquals("0", reader.next().getControlNumber());
            assertEquals("1", reader.next().getControlNumber());
        }
        assertNoEngineThreads();
    }

    @Test
    void severalReadersAtOnceOnDifferentThreads() throws Exception {
        byte[] input = iso(records(2000));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> ids(new ParallelMarcReader(new ByteArrayInputStream(input),
                        ParallelMarcReader.Options.defaults().threads(2)))));
            }
            for (Future<List<String>> f : results) {
                assertEquals(expectedIds(2000), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertNoEngineThreads();
    }

    /** Three records; the middle one with an upper-case subfield code and a non-ASCII indicator. */
    static byte[] withFaultyMiddle() {
        List<MarcRecord> rs = records(3);
        byte[] a = new Iso2709Encoder().encode(rs.get(0));
        byte[] b = new Iso2709Encoder().encode(rs.get(1));
        byte[] c = new Iso2709Encoder().encode(rs.get(2));
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int sub = s.indexOf("\u001Fc");
        b[sub + 1] = 'C';
        int ind = s.indexOf("10\u001Fa");
        b[ind] = (byte) 0xB2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        out.writeBytes(c);
        return out.toByteArray();
    }

    @Test
    void permissiveRepairsAndAttachesErrorsWhereMarc4jDoes() {
        byte[] input = withFaultyMiddle();
        List<Record> ours = new ArrayList<>();
        ParallelMarcReader reader = new ParallelMarcReader(new ByteArrayInputStream(input), true, true);
        while (reader.hasNext()) {
            ours.add(reader.next());
        }
        List<Record> theirs = new ArrayList<>();
        MarcPermissiveStreamReader marc4j = new MarcPermissiveStreamReader(new ByteArrayInputStream(input), true, true);
        while (marc4j.hasNext()) {
            theirs.add(marc4j.next());
        }
        assertEquals(3, ours.size());
        assertEquals(3, theirs.size());
        for (int i = 0; i < 3; i++) {
            boolean marc4jErrors = theirs.get(i).getErrors() != null && !theirs.get(i).getErrors().isEmpty();
            boolean ourErrors = ours.get(i).getErrors() != null && !ours.get(i).getErrors().isEmpty();
            assertEquals(marc4jErrors, ourErrors, "record " + i + " has errors: marc4j " + theirs.get(i).getErrors()
                    + ", ours " + ours.get(i).getErrors());
        }
        DataField title = (DataField) ours.get(1).getVariableField("245");
        assertEquals(' ', title.getIndicator1());
        assertEquals("by Author 1", title.getSubfield('c').getData());
        String messages = ours.get(1).getErrors().toString();
        assertTrue(messages.contains("upper-case subfield code"), messages);
        assertTrue(messages.contains("invalid indicator 1"), messages);
    }

    @Test
    void strictThrowsNamingOrdinalAndOffsetThenGoesOn() {
        byte[] input = withFaultyMiddle();
        int firstLength = Integer.parseInt(new String(input, 0, 5, StandardCharsets.US_ASCII));
        ParallelMarcReader reader = new ParallelMarcReader(new ByteArrayInputStream(input), false, true);
        assertEquals("0", reader.next().getControlNumber());
        MarcException e = assertThrows(MarcException.class, reader::next);
        assertTrue(e.getMessage().startsWith("record 2 at byte " + firstLength + ": "), e.getMessage());
        assertEquals("2", reader.next().getControlNumber());
        assertFalse(reader.hasNext());
    }

    @Test
    void permissiveThrowsAnUnreadableRecordThenGoesOn() {
        List<MarcRecord> rs = records(3);
        byte[] a = new Iso2709Encoder().encode(rs.get(0));
        byte[] b = new Iso2709Encoder().encode(rs.get(1));
        for (int i = 24; i < b.length - 1; i++) {
            if (b[i] == 0x1E) {
                b[i] = 'x'; // no field terminators: no directory to be found
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        out.writeBytes(new Iso2709Encoder().encode(rs.get(2)));
        ParallelMarcReader reader = new ParallelMarcReader(new ByteArrayInputStream(out.toByteArray()));
        assertEquals("0", reader.next().getControlNumber());
        MarcException e = assertThrows(MarcException.class, reader::next);
        assertTrue(e.getMessage().startsWith("record 2 at byte " + a.length + ": "), e.getMessage());
        assertEquals("2", reader.next().getControlNumber());
        assertFalse(reader.hasNext());
    }

    /** A MARC-8 record holding "é" (ANSEL acute E2 before the e). */
    static byte[] marc8Record() {
        MarcRecord r = MarcRecord.builder().leader(Leader.defaultBibliographic().withCharacterCoding(' '))
                .controlField("001", "m8")
                .addField(org.marcring.codec.DataField.of("245", '0', '0', "a", "Caf\u00E9"))
                .build();
        return new Iso2709Encoder(Marc8Encoder.INSTANCE, (severity, index, message) -> fail(message), false)
                .encode(r);
    }

    @Test
    void marc8IsConvertedAsMarc4jsPermissiveReaderConvertsIt() {
        byte[] input = marc8Record();
        Record ours = first(new ParallelMarcReader(new ByteArrayInputStream(input), true, true));
        Record theirs = new MarcPermissiveStreamReader(new ByteArrayInputStream(input), true, true).next();
        assertEquals("Cafe\u0301", ((DataField) ours.getVariableField("245")).getSubfield('a').getData());
        assertEquals(theirs.toString(), ours.toString());
        assertEquals('a', ours.getLeader().getCharCodingScheme());
    }

    @Test
    void withoutConversionMarc8ComesThroughByteForCharAsMarc4jGivesIt() {
        byte[] input = marc8Record();
        Record ours = first(new ParallelMarcReader(new ByteArrayInputStream(input), true, false));
        Record theirs = new MarcStreamReader(new ByteArrayInputStream(input)).next();
        assertEquals("Caf\u00E2e", ((DataField) ours.getVariableField("245")).getSubfield('a').getData());
        assertEquals(theirs.toString(), ours.toString());
        assertEquals(' ', ours.getLeader().getCharCodingScheme());
    }

    @Test
    void marc4jEncodingNames() {
        assertEquals(CharacterCoding.UTF8, Marc4jEncodings.of("UTF8"));
        assertEquals(CharacterCoding.UTF8, Marc4jEncodings.of("UTF-8"));
        assertEquals(CharacterCoding.MARC8, Marc4jEncodings.of("MARC8"));
        assertEquals(CharacterCoding.MARC8, Marc4jEncodings.of("MARC-8"));
        assertEquals(CharacterCoding.LATIN1, Marc4jEncodings.of("ISO8859_1"));
        assertEquals(CharacterCoding.LATIN1, Marc4jEncodings.of("ISO-8859-1"));
        assertEquals(CharacterCoding.AUTO, Marc4jEncodings.of("BESTGUESS"));
        assertEquals(CharacterCoding.AUTO, Marc4jEncodings.of(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Marc4jEncodings.of("EBCDIC"));
        assertTrue(e.getMessage().contains("EBCDIC"), e.getMessage());
    }

    @Test
    void namedEncodingOverridesTheLeader() {
        // a record marked UTF-8 whose bytes are MARC-8: read as MARC-8 when told so
        byte[] input = marc8Record();
        input[9] = 'a';
        Record ours = first(new ParallelMarcReader(new ByteArrayInputStream(input), "MARC8"));
        assertEquals("Cafe\u0301", ((DataField) ours.getVariableField("245")).getSubfield('a').getData());
    }

    @Test
    void everyReadableFormatIsDetectedAndGivesTheSameRecords() throws Exception {
        List<MarcRecord> rs = records(300);
        String expected = flat(new ParallelMarcReader(new ByteArrayInputStream(iso(rs))));
        assertTrue(expected.contains("Title 299"));
        for (MarcFormat format : new MarcFormat[] {MarcFormat.MARCXML, MarcFormat.JSON, MarcFormat.NDJSON,
                MarcFormat.MRK, MarcFormat.MRK8}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MarcWriter w = MarcFormats.openWriter(out, format)) {
                rs.forEach(w::write);
            }
            assertEquals(expected, flat(new ParallelMarcReader(new ByteArrayInputStream(out.toByteArray()))),
                    format.toString());
            assertEquals(expected, flat(new ParallelMarcReader(new ByteArrayInputStream(out.toByteArray()),
                    ParallelMarcReader.Options.defaults().format(format))), format + " named");
        }
        assertNoEngineThreads();
    }

    @Test
    void aFileByPathAndAGzippedStream(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        byte[] input = iso(records(700));
        java.nio.file.Path file = dir.resolve("records.mrc");
        java.nio.file.Files.write(file, input);
        assertEquals(expectedIds(700), ids(ParallelMarcReader.open(file)));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(input);
        }
        assertEquals(expectedIds(700), ids(new ParallelMarcReader(new ByteArrayInputStream(gz.toByteArray()))));
        try (java.io.FileInputStream in = new java.io.FileInputStream(file.toFile())) {
            assertEquals(expectedIds(700), ids(new ParallelMarcReader(in)));
        }
        assertNoEngineThreads();
    }

    @Test
    void inputInNoFormatIsAMarc4jExceptionSayingWhatItSaw() {
        MarcException e = assertThrows(MarcException.class, () -> new ParallelMarcReader(
                new ByteArrayInputStream("hello, world".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().contains("cannot tell the format"), e.getMessage());
        assertFalse(new ParallelMarcReader(new ByteArrayInputStream(new byte[0])).hasNext());
    }

    @Test
    void aReadFailureIsThrownFromHasNextAndEndsTheThreads() throws Exception {
        byte[] input = iso(records(5000));
        int half = input.length / 2; // well past what is looked at to tell the format
        java.io.InputStream failing = new java.io.InputStream() {
            private int at;

            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (at >= half) {
                    throw new java.io.IOException("disk on fire");
                }
                int n = Math.min(len, half - at);
                System.arraycopy(input, at, b, off, n);
                at += n;
                return n;
            }
        };
        ParallelMarcReader reader = new ParallelMarcReader(failing);
        int read = 0;
        MarcException e = null;
        try {
            while (reader.hasNext()) {
                reader.next();
                read++;
            }
        } catch (MarcException thrown) {
            e = thrown;
        }
        assertTrue(e != null, "the failure reaches the caller");
        assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
        assertTrue(read > 0 && read < 5000, "records before the failure: " + read);
        assertFalse(reader.hasNext());
        assertNoEngineThreads();
    }

    /** The first record; the reader is closed. */
    static Record first(ParallelMarcReader reader) {
        try (reader) {
            return reader.next();
        }
    }

    static String flat(ParallelMarcReader reader) {
        StringBuilder b = new StringBuilder();
        while (reader.hasNext()) {
            Record r = reader.next();
            String leader = r.getLeader().marshal();
            b.append(leader, 5, 12).append(leader, 17, 24); // lengths and base address differ by format
            for (ControlField c : r.getControlFields()) {
                b.append('|').append(c.getTag()).append(c.getData());
            }
            for (DataField d : r.getDataFields()) {
                b.append('|').append(d);
            }
            b.append('\n');
        }
        return b.toString();
    }
}
