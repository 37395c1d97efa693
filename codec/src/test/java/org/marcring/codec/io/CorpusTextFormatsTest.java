package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.json.MarcJsonReader;
import org.marcring.codec.testing.Corpus;
import org.marcring.codec.xml.MarcXml;
import org.marcring.codec.xml.MarcXmlReader;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The MARCXML and MARC-in-JSON files of the shared corpus that are meant to be valid read cleanly. */
class CorpusTextFormatsTest {
    /** Files that are XML or JSON but broken on purpose, or not MARC at all. */
    static final Set<String> NOT_VALID_MARC = Set.of(
            "marc-perl/marc-xml/t/invalid.xml",             // a datafield with no record around it
            "marc-perl/marc-xml/t/empty-record.xml",        // <record/>: no leader
            "marc-perl/marc-xml/t/empty-record-2.xml",
            "marc-perl/marc-xml/t/end-of-stream.xml",       // leader of dashes is fine; kept below
            "marc4j/src/org/marc4j/converter/impl/resources/codetables.xml",
            "marc4j/src/org/marc4j/samples/resources/modsoutput.xml",
            "marc4j/test/resources/cruel-cruel-indicatorless-summerland.xml",
            "ruby-marc/test/messed_up_leader.xml",
            "ruby-marc/test/three-records-second-bad.xml",
            "ruby-marc/test/no-leading-zero.xml",
            "ruby-marc/test/non-numeric.xml",
            "pymarc/test/bad_tag.xml",
            "traject/test/test_support/namespace-test.xml",
            "marc4j/test/resources/illegal-marc-in-json.json",
            "pymarc/test/test.json",                         // raw line feeds inside strings: not JSON (RFC 8259 7)
            "marc4j/test/resources/marc-json.json",          // another JSON layout (not MARC-in-JSON)
            "marc4j/test/resources/summerland-marc-json.json",
            "marc4j/test/resources/summerland-indented-marc-json.json");

    static Stream<Corpus.Entry> validXml() {
        return Corpus.entries(e -> "xml".equals(e.format) && !e.isBrokenByName()
                && !NOT_VALID_MARC.contains(e.relative)).stream();
    }

    static Stream<Corpus.Entry> validJson() {
        return Corpus.entries(e -> "json".equals(e.format) && !e.isBrokenByName()
                && !NOT_VALID_MARC.contains(e.relative)).stream();
    }

    /** Independent count: MARCXML record elements, by the JDK's DOM parser. */
    private static int domCount(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList all = f.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "record");
        int n = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String ns = e.getNamespaceURI();
            if (MarcXml.NAMESPACE.equals(ns)
                    || (ns == null && e.getElementsByTagNameNS("*", "leader").getLength() > 0)) {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validXml")
    void validXmlReadsStrictlyWithTheRightCount(Corpus.Entry file) throws Exception {
        List<MarcRecord> records = new ArrayList<>();
        int expected = domCount(file.path);
        if (expected == 0) {
            // the OAI-PMH samples of Dublin Core: no MARC record, which the reader says, naming the root element
            org.marcring.codec.MarcException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.marcring.codec.MarcException.class, () -> {
                        try (MarcReader r = MarcXmlReader.open(file.path, ReadOptions.strict())) {
                            r.forEachRemaining(records::add);
                        }
                    });
            assertTrue(e.getMessage().contains("no MARCXML record in the input: the root element is <OAI-PMH>"),
                    e.getMessage());
            assertEquals(List.of(), records);
            return;
        }
        try (MarcReader r = MarcXmlReader.open(file.path, ReadOptions.strict())) {
            r.forEachRemaining(records::add);
        }
        assertEquals(expected, records.size(), "records in " + file);
        if (!file.relative.contains("oai")) {
            assertTrue(expected > 0, "no MARC records in " + file); // the OAI-PMH samples hold Dublin Core
        }
        if (!file.relative.contains("sru_") && !file.relative.contains("oai")) {
            assertEquals(file.terminators, records.size(), "manifest count for " + file);
        }
        for (MarcRecord rec : records) {
            assertTrue(rec.fields().size() > 0 || file.relative.contains("leader-types"), "empty record in " + file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validJson")
    void validJsonReadsStrictlyWithTheManifestCount(Corpus.Entry file) throws IOException {
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(file.path, MarcFormat.AUTO, ReadOptions.strict())) {
            r.forEachRemaining(records::add);
        }
        assertEquals(file.terminators, records.size(), "records in " + file);
        for (MarcRecord rec : records) {
            assertTrue(rec.fields().size() > 3, "record without fields in " + file);
        }
    }

    @Test
    void ndjsonReadsLineByLine() throws IOException {
        Path file = Corpus.file("marc-perl/marc-mij/t/test.ndj");
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(file, MarcFormat.NDJSON, ReadOptions.strict())) {
            r.forEachRemaining(records::add);
        }
        long lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
        assertEquals(lines, records.size());
        assertEquals("000000040", records.get(0).controlNumber());
    }

    @Test
    void trajectRecordsAreTheSameInAllThreeFormats() throws IOException {
        List<MarcRecord> iso = new ArrayList<>();
        List<MarcRecord> json = new ArrayList<>();
        List<MarcRecord> xml = new ArrayList<>();
        try (MarcReader r = Iso2709Reader.open(Corpus.file("traject/test/test_support/test_data.utf8.mrc"))) {
            r.forEachRemaining(iso::add);
        }
        try (MarcReader r = MarcJsonReader.open(Corpus.file("traject/test/test_support/test_data.utf8.json"),
                ReadOptions.strict())) {
            r.forEachRemaining(json::add);
        }
        try (MarcReader r = MarcXmlReader.open(Corpus.file("traject/test/test_support/test_data.utf8.marc.xml"),
                ReadOptions.strict())) {
            r.forEachRemaining(xml::add);
        }
        assertEquals(30, iso.size());
        for (int i = 0; i < iso.size(); i++) {
            assertEquals(iso.get(i).fields(), json.get(i).fields(), "JSON record " + i);
            assertEquals(iso.get(i).fields(), xml.get(i).fields(), "XML record " + i);
            assertEquals(iso.get(i).leader().toString().substring(5),
                    xml.get(i).leader().toString().substring(5), "XML leader " + i);
        }
        assertEquals(iso.size(), json.size());
        assertEquals(iso.size(), xml.size());
    }

    @Test
    void gzipAndBomAreDetected() throws IOException {
        List<MarcRecord> gz = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(Corpus.file("traject/test/test_support/test_data.utf8.mrc.gz"))) {
            r.forEachRemaining(gz::add);
        }
        List<MarcRecord> plain = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(Corpus.file("traject/test/test_support/test_data.utf8.mrc"))) {
            r.forEachRemaining(plain::add);
        }
        assertEquals(30, gz.size());
        assertEquals(plain, gz);
        List<MarcRecord> bom = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(Corpus.file("solrmarc/test/data/records/specTestRecs_withBOM.xml"))) {
            r.forEachRemaining(bom::add);
        }
        List<MarcRecord> noBom = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(Corpus.file("solrmarc/test/data/records/specTestRecs.xml"))) {
            r.forEachRemaining(noBom::add);
        }
        assertEquals(76, bom.size());
        assertEquals(noBom, bom);
    }

    @Test
    void formatsAreDetectedFromTheirFirstBytes() throws IOException {
        Object[][] cases = {
            {"traject/test/test_support/test_data.utf8.mrc", MarcFormat.ISO2709},
            {"traject/test/test_support/test_data.utf8.marc.xml", MarcFormat.MARCXML},
            {"traject/test/test_support/test_data.utf8.json", MarcFormat.NDJSON}, // one record per line
            {"pymarc/test/batch.json", MarcFormat.JSON},
            {"marc4j/test/resources/summerland-marc-in-json-indented.json", MarcFormat.JSON},
            {"marc-perl/marc-mij/t/test.ndj", MarcFormat.NDJSON},
            {"marc4j/test/resources/brkrtest.mrk", MarcFormat.MRK},
            {"marc4j/test/resources/brkrtest.mrk8", MarcFormat.MRK},
            {"marc-perl/marc-marcmaker/t/camel.mrk", MarcFormat.MRK},
            {"solrmarc/test/data/records/specTestRecs_withBOM.xml", MarcFormat.MARCXML},
            {"marc-perl/marc-record/t/filler.usmarc", MarcFormat.ISO2709},
            {"mrrc/tests/data/error_fixtures/e001_record_length_non_digit.bin", MarcFormat.ISO2709},
        };
        for (Object[] c : cases) {
            byte[] head;
            try (InputStream in = Files.newInputStream(Corpus.file((String) c[0]))) {
                head = in.readNBytes(8192);
            }
            assertEquals(c[1], FormatDetector.detect(head, head.length), (String) c[0]);
        }
        assertEquals(null, FormatDetector.detect(new byte[] {'h', 'e', 'l', 'l', 'o'}, 5));
        byte[] lif = Files.readAllBytes(Corpus.file("marc-perl/marc-record/t/sample1.lif"));
        assertEquals(null, FormatDetector.detect(lif, lif.length)); // MicroLIF is not read
    }
}
