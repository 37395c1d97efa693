package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.ControlField;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.testing.Corpus;

/**
 * The text framers on the shared corpus: the same records, in the same order, as the ISO 2709 twin of a file
 * (NDJSON, MARCXML, MARCMaker), and as many MARCXML records as a full namespace-aware parse of each document
 * finds. Stand-in decoders pick out the 001; the formats' own decoders plug into the same place.
 */
class CorpusFramingTest {

    private static List<String> isoControlNumbers(String relative) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.open(Corpus.file(relative))) {
            reader.forEach(r -> ids.add(r.controlNumber()));
        }
        return ids;
    }

    private static List<String> frame(RecordSource source) {
        List<String> ids = new ArrayList<>();
        PipelineResult r = Pipeline.builder().source(source).parsers(2).ringSize(16)
                .sink(rec -> ids.add(rec.controlNumber())).errorPolicy(ErrorPolicy.failFast()).build().run();
        assertEquals(ids.size(), r.recordsWritten());
        return ids;
    }

    private static MarcRecord withId(String id) {
        return MarcRecord.builder().addField(ControlField.of("001", id)).build();
    }

    @Test
    void ndjsonLinesAreTheIsoTwinsRecords() throws IOException {
        JsonFactory json = new JsonFactory();
        RecordParser parser = slot -> {
            try (JsonParser p = json.createParser(slot.raw(), 0, slot.rawLength())) {
                while (p.nextToken() != null) {
                    if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("001")) {
                        p.nextToken();
                        return withId(p.getText());
                    }
                }
                return withId(null);
            } catch (IOException e) {
                throw new MarcFormatException(slot.ordinal(), slot.byteOffset(), e.getMessage(), slot.copyOfRaw());
            }
        };
        List<String> ids = frame(TextRecordSource.open(Corpus.file("traject/test/test_support/test_data.utf8.json"),
                TextRecordSource.Framing.LINES, ReadOptions.defaults(), () -> parser));
        assertEquals(isoControlNumbers("traject/test/test_support/test_data.utf8.mrc"), ids);
        assertEquals(30, ids.size());
    }

    @Test
    void marcMakerBlocksAreTheIsoTwinsRecords() throws IOException {
        RecordParser parser = slot -> {
            String text = new String(slot.raw(), 0, slot.rawLength(), StandardCharsets.UTF_8);
            for (String line : text.split("\r?\n")) {
                if (line.startsWith("=001  ")) {
                    return withId(line.substring(6).replace('\\', ' '));
                }
            }
            return withId(null);
        };
        List<String> ids = frame(TextRecordSource.open(Corpus.file("marc4j/test/resources/brkrtest.mrk"),
                TextRecordSource.Framing.BLANK_LINES, ReadOptions.defaults(), () -> parser));
        assertEquals(isoControlNumbers("marc4j/test/resources/brkrtest.mrc"), ids);
    }

    @Test
    void marcXmlRecordsAreTheIsoTwinsRecords() throws IOException {
        List<String> ids = frame(XmlRecordSource.open(Corpus.file("traject/test/test_support/test_data.utf8.marc.xml"),
                ReadOptions.defaults(), XmlRecordSourceTest::staxParser));
        List<String> expected = new ArrayList<>();
        for (String id : isoControlNumbers("traject/test/test_support/test_data.utf8.mrc")) {
            expected.add(XmlRecordSource.MARCXML_NAMESPACE + "|" + id);
        }
        assertEquals(expected, ids);
    }

    static Stream<Corpus.Entry> xmlFiles() {
        return Corpus.entries(e -> e.format.equals("xml")).stream();
    }

    /** Every well-formed XML file of the corpus: the byte scan finds the records a full parse finds. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlFiles")
    void byteScanFindsWhatAFullParseFinds(Corpus.Entry file) throws IOException {
        List<String> expected = fullParse(file.path);
        // a document that is not well-formed (or has a DOCTYPE) has no oracle here
        Assumptions.assumeTrue(expected != null, "not a well-formed document without DTD");
        List<RejectedRecord> rejects = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        PipelineBuilder run = Pipeline.builder().source(XmlRecordSource.open(file.path, ReadOptions.defaults(),
                        XmlRecordSourceTest::staxParser)).parsers(2).ringSize(8)
                .sink(r -> actual.add(r.controlNumber())).errorPolicy(ErrorPolicy.skip(rejects::add));
        if (expected.isEmpty()) {
            // a document of another kind (MODS, OAI-PMH of Dublin Core, the MARC-8 code tables): refused, named
            EngineException e = org.junit.jupiter.api.Assertions.assertThrows(EngineException.class,
                    () -> run.build().run());
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no MARCXML record in the input"),
                    e.getMessage());
            return;
        }
        run.build().run();
        assertEquals(List.of(), rejects, "each framed record parses on its own");
        assertEquals(expected, actual);
    }

    /**
     * The MARC records of a document by a namespace-aware parse: {@code record} elements in the MARCXML
     * namespace, or in none with a leader or field as first child, not inside another such record; each as
     * "namespace|001". Null where the document does not parse.
     */
    private static List<String> fullParse(Path file) throws IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            int depth = 0;       // depth inside the current MARC record, 0 outside
            boolean candidate = false; // a record in no namespace whose first child is not seen yet
            String ns = null;
            String id = null;
            boolean in001 = false;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.DTD) {
                    return null;
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    String uri = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                    if (candidate) {
                        candidate = false;
                        String n = r.getLocalName();
                        if (n.equals("leader") || n.equals("controlfield") || n.equals("datafield")) {
                            depth = 1;
                            ns = "";
                            id = null;
                        }
                    }
                    if (depth == 0 && r.getLocalName().equals("record") && uri.isEmpty()) {
                        candidate = true;
                    } else if (depth == 0 && r.getLocalName().equals("record")
                            && uri.equals(XmlRecordSource.MARCXML_NAMESPACE)) {
                        depth = 1;
                        ns = uri;
                        id = null;
                    } else if (depth > 0) {
                        depth++;
                        in001 = r.getLocalName().equals("controlfield") && "001".equals(r.getAttributeValue(null, "tag"));
                    }
                } else if (e == XMLStreamConstants.CHARACTERS && in001 && depth > 0) {
                    id = (id == null ? "" : id) + r.getText();
                } else if (e == XMLStreamConstants.END_ELEMENT && candidate) {
                    candidate = false; // a record in no namespace without children
                } else if (e == XMLStreamConstants.END_ELEMENT && depth > 0) {
                    in001 = false;
                    if (--depth == 0) {
                        out.add(ns + "|" + id);
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        }
        return out;
    }
}
