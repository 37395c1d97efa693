package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.marcring.codec.ControlField;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;

/**
 * MARCXML framing by byte scan: every record element found, in order, each a well-formed, namespace-complete
 * document on its own (checked with the JDK's namespace-aware StAX parser, standing in for the MARCXML
 * decoder).
 */
class XmlRecordSourceTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String NS = XmlRecordSource.MARCXML_NAMESPACE;

    /** Parses the slot's bytes as a document; the record element's namespace and its 001 go into the result. */
    static RecordParser staxParser() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return slot -> {
            try {
                XMLStreamReader r = factory.createXMLStreamReader(
                        new ByteArrayInputStream(slot.raw(), 0, slot.rawLength()), "UTF-8");
                String ns = null;
                String id = null;
                boolean in001 = false;
                while (r.hasNext()) {
                    int e = r.next();
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        if (ns == null) {
                            ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                            assertEquals("record", r.getLocalName());
                        }
                        in001 = r.getLocalName().equals("controlfield") && "001".equals(r.getAttributeValue(null, "tag"));
                    } else if (e == XMLStreamConstants.CHARACTERS && in001) {
                        id = (id == null ? "" : id) + r.getText();
                    } else if (e == XMLStreamConstants.END_ELEMENT) {
                        in001 = false;
                    }
                }
                return MarcRecord.builder().addField(ControlField.of("001", ns + "|" + id)).build();
            } catch (XMLStreamException e) {
                throw new MarcFormatException(slot.ordinal(), slot.byteOffset(), e.getMessage(), slot.copyOfRaw());
            }
        };
    }

    static String record(String prefix, String id) {
        String p = prefix.isEmpty() ? "" : prefix + ":";
        return "<" + p + "record><" + p + "leader>00000nam a2200000 a 4500</" + p + "leader>"
                + "<" + p + "controlfield tag=\"001\">" + id + "</" + p + "controlfield>"
                + "<" + p + "datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><" + p + "subfield code=\"a\">T &amp; &lt;x&gt;"
                + "</" + p + "subfield></" + p + "datafield></" + p + "record>";
    }

    private static List<String> run(String xml, int chunk, int parsers, List<RejectedRecord> rejects,
                                     ReadOptions options) {
        byte[] input = xml.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        PipelineResult r = Pipeline.builder()
                .source(XmlRecordSource.of(new PipelineStressTest.ChunkedStream(input, chunk, chunk), options,
                        XmlRecordSourceTest::staxParser))
                .parsers(parsers).ringSize(8)
                .sink(rec -> out.add(rec.controlNumber()))
                .errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
        assertEquals(out.size() + rejects.size(), r.recordsRead());
        assertTrue(r.isBalanced());
        return out;
    }

    @Test
    void prefixedCollectionRecordsGetTheirNamespaceDeclaration() {
        assertTimeoutPreemptively(LIMIT, () -> {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a <record> in a comment -->\n"
                    + "<marc:collection xmlns:marc=\"" + NS + "\">\n" + record("marc", "a1") + "\n"
                    + "<![CDATA[ <marc:record> not one ]]>" + record("marc", "a2") + "</marc:collection>\n";
            for (int chunk : new int[] {1, 5, 100_000}) {
                List<RejectedRecord> rejects = new ArrayList<>();
                assertEquals(List.of(NS + "|a1", NS + "|a2"), run(xml, chunk, 2, rejects, ReadOptions.defaults()));
                assertEquals(List.of(), rejects);
            }
        });
    }

    @Test
    void defaultNamespaceNoNamespaceAndOaiPmhWrapping() {
        assertTimeoutPreemptively(LIMIT, () -> {
            // in no namespace, a record needs MARC content; an empty one or one holding a header is no record
            String plain = "<collection>" + record("", "p1") + "<record/><record></record>"
                    + "<record><header>h</header><record><!-- c --><controlfield tag='001'>p2</controlfield></record>"
                    + "</record></collection>";
            List<RejectedRecord> rejects = new ArrayList<>();
            assertEquals(List.of("|p1", "|p2"), run(plain, 3, 1, rejects, ReadOptions.defaults()));
            assertEquals(List.of(), rejects);

            String dflt = "<!DOCTYPE collection [ <!ENTITY x \"<record>\"> ]><collection xmlns=\"" + NS + "\">"
                    + record("", "d1") + record("", "d2") + "</collection>";
            assertEquals(List.of(NS + "|d1", NS + "|d2"), run(dflt, 7, 3, rejects, ReadOptions.defaults()));

            String oai = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>"
                    + "<record><header><identifier>x</identifier></header><metadata>"
                    + "<marc:record xmlns:marc=\"" + NS + "\">" + record("marc", "o1").substring("<marc:record>".length())
                    + "</metadata></record>"
                    + "<record><header/><metadata><m:collection xmlns:m='" + NS + "'>" + record("m", "o2")
                    + "</m:collection></metadata></record></ListRecords></OAI-PMH>";
            assertEquals(List.of(NS + "|o1", NS + "|o2"), run(oai, 11, 2, rejects, ReadOptions.defaults()));
            assertEquals(List.of(), rejects);
        });
    }

    @Test
    void truncatedAndOversizedRecordsAreRejectedWithOffsets() {
        assertTimeoutPreemptively(LIMIT, () -> {
            String head = "<collection xmlns=\"" + NS + "\">" + record("", "t1");
            String cut = record("", "t2").substring(0, 60);
            List<RejectedRecord> rejects = new ArrayList<>();
            assertEquals(List.of(NS + "|t1"), run(head + cut, 13, 2, rejects, ReadOptions.defaults()));
            assertEquals(1, rejects.size());
            assertEquals(head.length(), rejects.get(0).byteOffset());
            assertEquals(cut, new String(rejects.get(0).rawBytes(), StandardCharsets.UTF_8));

            String big = "<record><controlfield tag=\"001\">" + "z".repeat(300) + "</controlfield></record>";
            String xml = "<collection xmlns=\"" + NS + "\">" + record("", "b1") + big + record("", "b2")
                    + "</collection>";
            rejects.clear();
            assertTrue(record("", "b1").length() < 300 && big.length() > 300);
            assertEquals(List.of(NS + "|b1", NS + "|b2"), run(xml, 17, 2, rejects,
                    ReadOptions.defaults().withMaxRecordBytes(300)));
            assertEquals(1, rejects.size(), "the big record is one reject, not a run of pieces: " + rejects);
            RejectedRecord r = rejects.get(0);
            assertEquals(RejectedRecord.Stage.DECODE, r.stage());
            assertEquals(1, r.ordinal(), "the record after it keeps its number");
            String kept = new String(r.rawBytes(), StandardCharsets.UTF_8);
            assertTrue(big.startsWith(kept) && kept.length() >= 200, "its first bytes, as in the input: " + kept);
            assertTrue(rejects.get(0).reason().contains("size limit"), rejects.get(0).reason());
        });
    }

    @Test
    void randomDocumentsKeepEveryRecordInOrder() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Random random = new Random(7);
            for (int run = 0; run < 40; run++) {
                String prefix = random.nextBoolean() ? "marc" : "";
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n");
                xml.append(prefix.isEmpty() ? "<collection xmlns=\"" + NS + "\">"
                        : "<marc:collection xmlns:marc=\"" + NS + "\">");
                List<String> expected = new ArrayList<>();
                int n = random.nextInt(120);
                for (int i = 0; i < n; i++) {
                    xml.append(random.nextInt(4) == 0 ? "\n  <!-- c -->\n  " : "\n");
                    xml.append(record(prefix, "r" + i));
                    expected.add(NS + "|r" + i);
                }
                xml.append(prefix.isEmpty() ? "</collection>" : "</marc:collection>");
                List<RejectedRecord> rejects = new ArrayList<>();
                assertEquals(expected, run(xml.toString(), 1 + random.nextInt(400), 1 + random.nextInt(4), rejects,
                        ReadOptions.defaults()), "run " + run);
                assertEquals(List.of(), rejects);
            }
            Fixtures.assertNoEngineThreads();
        });
    }
}
