package org.marcring.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;

/** The shapes a MARCXML document comes in, written by hand. */
class MarcXmlReaderTest {
    private static final String NS = "http://www.loc.gov/MARC21/slim";
    private static final String BODY = "<leader>00000nam a2200000 a 4500</leader>"
            + "<controlfield tag=\"001\">id1</controlfield>"
            + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">Title :</subfield>"
            + "<subfield code=\"b\">sub &amp; more</subfield></datafield>";
    private static final MarcRecord EXPECTED = MarcRecord.builder().leader("00000nam a2200000 a 4500")
            .controlField("001", "id1").addField(DataField.of("245", '1', '0', "a", "Title :", "b", "sub & more"))
            .build();

    private static List<MarcRecord> read(byte[] xml) {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcXmlReader r = MarcXmlReader.open(new ByteArrayInputStream(xml), ReadOptions.strict())) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<MarcRecord> read(String xml) {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void collectionBareRecordPrefixPrologAndBom() {
        assertEquals(List.of(EXPECTED, EXPECTED),
                read("<collection xmlns=\"" + NS + "\"><record>" + BODY + "</record><record>" + BODY
                        + "</record></collection>"));
        assertEquals(List.of(EXPECTED), read("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<record xmlns=\"" + NS
                + "\">" + BODY + "</record>"));
        String prefixed = BODY.replace("<", "<marc:").replace("<marc:/", "</marc:");
        assertEquals(List.of(EXPECTED), read("<marc:collection xmlns:marc=\"" + NS + "\"><marc:record>" + prefixed
                + "</marc:record></marc:collection>"));
        byte[] doc = ("<record xmlns=\"" + NS + "\">" + BODY + "</record>").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[doc.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(doc, 0, withBom, 3, doc.length);
        assertEquals(List.of(EXPECTED), read(withBom));
        assertEquals(List.of(EXPECTED), read("<collection><record>" + BODY + "</record></collection>"));
    }

    @Test
    void recordsAreFoundInsideOtherDocuments() {
        String oai = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>"
                + "<record><header><identifier>oai:x:1</identifier></header><metadata>"
                + "<marc:record xmlns:marc=\"" + NS + "\">" + BODY.replace("<", "<marc:").replace("<marc:/", "</marc:")
                + "</marc:record></metadata></record>"
                + "<record><header status=\"deleted\"><identifier>oai:x:2</identifier></header></record>"
                + "</ListRecords></OAI-PMH>";
        assertEquals(List.of(EXPECTED), read(oai));
        String noNamespaceOai = "<OAI-PMH><ListRecords><record><header><identifier>i</identifier></header>"
                + "<metadata><record>" + BODY + "</record></metadata></record>"
                + "<record><header><identifier>dc only</identifier></header><metadata><dc><title>t</title></dc>"
                + "</metadata></record></ListRecords></OAI-PMH>";
        assertEquals(List.of(EXPECTED), read(noNamespaceOai));
        String sru = "<searchRetrieveResponse xmlns=\"http://www.loc.gov/zing/srw/\"><records><record>"
                + "<recordSchema>marcxml</recordSchema><recordData><record xmlns=\"" + NS + "\">" + BODY
                + "</record></recordData></record></records></searchRetrieveResponse>";
        assertEquals(List.of(EXPECTED), read(sru));
    }

    @Test
    void textPiecesCdataAndCommentsAreJoined() {
        String body = BODY.replace("Title :", "Ti<!-- c --><![CDATA[tle]]> &#58;");
        assertEquals(List.of(EXPECTED), read("<record xmlns=\"" + NS + "\">" + body + "</record>"));
    }

    /** An endless document: the first records come out long before it would end. */
    @Test
    void readsAsItStreams() {
        InputStream endless = new InputStream() {
            private final byte[] head = ("<collection xmlns=\"" + NS + "\">").getBytes(StandardCharsets.UTF_8);
            private final byte[] rec = ("<record>" + BODY + "</record>\n").getBytes(StandardCharsets.UTF_8);
            private long pos;

            @Override
            public int read() {
                long p = pos++;
                if (p < head.length) {
                    return head[(int) p];
                }
                return rec[(int) ((p - head.length) % rec.length)];
            }
        };
        try (MarcXmlReader r = MarcXmlReader.open(endless, ReadOptions.strict())) {
            for (int i = 0; i < 20_000; i++) {
                assertTrue(r.hasNext());
                assertEquals(EXPECTED, r.next());
            }
            assertEquals(20_000, r.recordsRead());
        }
    }

    @Test
    void oversizedRecordIsRefusedAndTheNextOneRead() {
        String big = "x".repeat(200_000);
        String doc = "<collection xmlns=\"" + NS + "\"><record>" + BODY.replace("id1", big) + "</record><record>"
                + BODY + "</record></collection>";
        try (MarcXmlReader r = MarcXmlReader.open(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults().withRejectsThrown().withMaxRecordBytes(100_000))) {
            org.marcring.codec.MarcFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.marcring.codec.MarcFormatException.class, r::next);
            assertEquals(0, e.ordinal());
            assertTrue(e.getMessage().contains("longer than 100000"), e.getMessage());
            assertEquals(EXPECTED, r.next());
            assertFalse(r.hasNext());
        }
    }

    @Test
    void permissiveRepairsAreListed() {
        List<MarcRecord> out = new ArrayList<>();
        String doc = "<record xmlns=\"" + NS + "\"><leader>short</leader>"
                + "<datafield tag=\"245\" ind1=\"1\"><subfield code=\"ab\">x</subfield><subfield>lost</subfield>"
                + "</datafield></record>";
        try (MarcXmlReader r = MarcXmlReader.open(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults().withRejectsThrown())) {
            r.forEachRemaining(out::add);
        }
        MarcRecord rec = out.get(0);
        assertEquals("short" + " ".repeat(19), rec.leader().toString());
        assertEquals(DataField.of("245", '1', ' ', "a", "x"), rec.get("245"));
        List<String> messages = new ArrayList<>();
        rec.errors().forEach(e -> messages.add(e.message()));
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("no ind2")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("'ab' cut")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("'lost'")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("leader has 5 characters")));
        assertFalse(rec.errors().isEmpty());
    }
}
