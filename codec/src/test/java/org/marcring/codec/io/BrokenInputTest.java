package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.testing.Corpus;

/** Damaged documents of the shared corpus and by hand: located errors, and what comes before kept. */
class BrokenInputTest {

    /** Reads until the end or the first exception; returns the records and the exception (or null). */
    private static Object[] readAll(MarcReader r) {
        List<MarcRecord> records = new ArrayList<>();
        RuntimeException failure = null;
        try (r) {
            while (r.hasNext()) {
                records.add(r.next());
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        return new Object[] {records, failure};
    }

    @SuppressWarnings("unchecked")
    private static List<MarcRecord> records(Object[] result) {
        return (List<MarcRecord>) result[0];
    }

    private static MarcReader open(String corpusFile, MarcFormat format, ReadOptions options) {
        return MarcFormats.openReader(Corpus.file(corpusFile), format, options);
    }

    @Test
    void illegalJsonNamesLineAndColumn() {
        Object[] r = readAll(open("marc4j/test/resources/illegal-marc-in-json.json", MarcFormat.JSON,
                ReadOptions.defaults().withRejectsThrown()));
        MarcFormatException e = (MarcFormatException) r[1];
        assertTrue(e.getMessage().contains("line 170, column 36"), e.getMessage());
        assertEquals(0, records(r).size());
    }

    @Test
    void truncatedJsonAndXmlAreLocated() {
        MarcFormatException json = (MarcFormatException) readAll(open(
                "mrrc/tests/data/error_fixtures/e402_malformed_marcjson.json", MarcFormat.AUTO, ReadOptions.defaults().withRejectsThrown()))[1];
        assertTrue(json.getMessage().contains("line 1, column"), json.getMessage());
        MarcFormatException eof = (MarcFormatException) readAll(open(
                "mrrc/tests/data/error_fixtures/e401_unexpected_eof_in_subfield.xml", MarcFormat.AUTO, ReadOptions.defaults().withRejectsThrown()))[1];
        assertTrue(eof.getMessage().contains("line 5"), eof.getMessage());
        MarcFormatException tag = (MarcFormatException) readAll(open(
                "mrrc/tests/data/error_fixtures/e401_malformed_marcxml.xml", MarcFormat.AUTO, ReadOptions.defaults().withRejectsThrown()))[1];
        assertTrue(tag.getMessage().contains("line 5, column 42"), tag.getMessage());
        MarcFormatException ref = (MarcFormatException) readAll(open(
                "mrrc/tests/data/error_fixtures/e401_bad_char_reference.xml", MarcFormat.AUTO, ReadOptions.defaults().withRejectsThrown()))[1];
        assertTrue(ref.getMessage().contains("line 5"), ref.getMessage());
        Object[] none = readAll(open("mrrc/tests/data/error_fixtures/e401_no_record_element.xml", MarcFormat.AUTO,
                ReadOptions.defaults().withRejectsThrown()));
        // well-formed, but a collection with no record in it: refused, naming what it holds
        assertTrue(String.valueOf(none[1]).contains("no MARCXML record in the input: the root element is "
                + "<collection> in the namespace http://www.loc.gov/MARC21/slim, holding <notarecord>"),
                String.valueOf(none[1]));
        assertEquals(0, records(none).size());
    }

    @Test
    void recordsBeforeXmlDamageAreKept() {
        Object[] r = readAll(open("ruby-marc/test/three-records-second-bad.xml", MarcFormat.AUTO, ReadOptions.defaults().withRejectsThrown()));
        assertEquals(1, records(r).size());
        MarcFormatException e = (MarcFormatException) r[1];
        assertEquals(1, e.ordinal());
        assertTrue(e.getMessage().contains("line 72"), e.getMessage());
    }

    @Test
    void structuralFaultsAreRepairedOrRefusedByMode() {
        String[][] cases = {
            {"marc4j/test/resources/chabon-bad-subfields-element.xml", "020", "<subfields>"},
            {"marc4j/test/resources/chabon-missing-subfield-code.xml", "020", "without a code"},
            {"marc4j/test/resources/chabon-missing-controlfield-tag.xml", null, "without a tag"},
            {"marc4j/test/resources/chabon-missing-datafield-tag.xml", null, "without a tag"},
        };
        for (String[] c : cases) {
            List<MarcRecord> permissive = records(readAll(open(c[0], MarcFormat.AUTO, ReadOptions.defaults().withRejectsThrown())));
            assertEquals(1, permissive.size(), c[0]);
            assertTrue(permissive.get(0).errors().stream().anyMatch(e -> e.message().contains(c[2])),
                    c[0] + ": " + permissive.get(0).errors());
            assertTrue(permissive.get(0).errors().get(0).message().matches("line \\d+, column \\d+: .*"));
            Object[] strict = readAll(open(c[0], MarcFormat.AUTO, ReadOptions.strict()));
            assertTrue(strict[1] instanceof MarcFormatException, c[0]);
            assertEquals(0, ((MarcFormatException) strict[1]).ordinal());
        }
        // the field that lost its subfield code keeps its other subfields
        MarcRecord r = records(readAll(open("marc4j/test/resources/chabon-missing-subfield-code.xml", MarcFormat.AUTO,
                ReadOptions.defaults().withRejectsThrown()))).get(0);
        assertEquals("DLC", r.value("040", 'a'));
    }

    @Test
    void strictReaderGoesOnAfterARefusedRecord() {
        String xml = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">"
                + "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">one</controlfield></record>"
                + "<record><leader>00000nam a2200000 a 4500</leader><controlfield>lost</controlfield></record>"
                + "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">three</controlfield></record>"
                + "</collection>";
        try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                MarcFormat.MARCXML, ReadOptions.strict())) {
            assertEquals("one", r.next().controlNumber());
            MarcFormatException e = assertThrows(MarcFormatException.class, r::next);
            assertEquals(1, e.ordinal());
            assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
            assertEquals("three", r.next().controlNumber());
            assertFalse(r.hasNext());
        }
    }

    @Test
    void rejectsCanGoToAHandler() {
        String mrk = "=LDR  00000nam  2200000 a 4500\n=001  one\n\n"
                + "=LDR  00000nam  2200000 a 4500\n=245  $anothing before the dollar\n\n"
                + "=LDR  00000nam  2200000 a 4500\n=001  three\n";
        List<MarcFormatException> rejects = new ArrayList<>();
        try (SequentialReader r = (SequentialReader) MarcFormats.openReader(
                new ByteArrayInputStream(mrk.getBytes(StandardCharsets.UTF_8)), MarcFormat.MRK, ReadOptions.strict())) {
            r.onReject(rejects::add);
            List<String> ids = new ArrayList<>();
            r.forEachRemaining(rec -> ids.add(rec.controlNumber()));
            assertEquals(List.of("one", "three"), ids);
            assertEquals(2, r.recordsRead());
            assertEquals(1, r.rejectedCount());
        }
        assertEquals(1, rejects.size());
        assertEquals(1, rejects.get(0).ordinal());
        assertTrue(rejects.get(0).getMessage().contains("line 5: no indicators"), rejects.get(0).getMessage());
    }

    @Test
    void damagedNdjsonLineIsSkippedAndReadingGoesOn() {
        String ndjson = "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"one\"}]}\n"
                + "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"tw\n"
                + "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"three\"}]}\n";
        try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)),
                MarcFormat.NDJSON, ReadOptions.defaults().withRejectsThrown())) {
            assertEquals("one", r.next().controlNumber());
            MarcFormatException e = assertThrows(MarcFormatException.class, r::next);
            assertTrue(e.getMessage().startsWith("record 2: line 2, column"), e.getMessage());
            assertEquals("three", r.next().controlNumber());
            assertFalse(r.hasNext());
        }
    }

    @Test
    void badTagsAndLeadersAreRepairedInPermissiveMode() {
        MarcRecord r = records(readAll(open("pymarc/test/bad_tag.xml", MarcFormat.AUTO, ReadOptions.defaults().withRejectsThrown()))).get(0);
        assertTrue(r.has("042"), r.toString());
        assertEquals(24, r.leader().toString().length());
        assertTrue(r.errors().stream().anyMatch(e -> e.message().contains("leader has 17 characters")),
                r.errors().toString());
        MarcRecord messed = records(readAll(open("ruby-marc/test/messed_up_leader.xml", MarcFormat.AUTO,
                ReadOptions.defaults().withRejectsThrown()))).get(0);
        assertEquals("01301nam a22003618< 4500", messed.leader().toString());
    }
}
