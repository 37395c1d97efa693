package org.marcring.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcring.codec.MarcException;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.testing.FramedRecords;
import org.marcring.codec.testing.FramedRecords.Piece;

/** MARCXML framing: damage to one record costs that record only, and the framed bytes are the input's. */
class MarcXmlFramerTest {

    private static List<Piece> frame(String xml) {
        return FramedRecords.pieces(MarcXmlFramer.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults()));
    }

    private static List<String> readable(String xml) {
        return FramedRecords.readable(frame(xml), in -> MarcXmlReader.open(in, ReadOptions.defaults()));
    }

    /** The file of 50 records with the {@code n}th occurrence of {@code what} replaced by {@code by}. */
    private static String damaged(String what, String by, int n) {
        String xml = FramedRecords.file(MarcFormat.MARCXML, 50);
        int at = -1;
        for (int k = 0; k <= n; k++) {
            at = xml.indexOf(what, at + 1);
        }
        return xml.substring(0, at) + by + xml.substring(at + what.length());
    }

    @Test
    void recordsOfAnUndamagedFileAreAllFramedAndReadable() {
        assertEquals(FramedRecords.ids(50), readable(FramedRecords.file(MarcFormat.MARCXML, 50)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"</record>", "</datafield>", "</leader>", "<leader>", "</controlfield>"})
    void aRecordMissingOneTagCostsThatRecordOnly(String tag) {
        // each record has one leader, two control fields, three data fields: the 6th record's tag is the 5th
        // (0-based) occurrence of </record> and <leader>, the 10th of </controlfield>, the 15th of </datafield>
        int occurrence = tag.contains("field") ? (tag.contains("control") ? 10 : 15) : 5;
        String xml = damaged(tag, "", occurrence);
        assertEquals(FramedRecords.ids(50, 5), readable(xml));
    }

    @Test
    void aBrokenLeaderStartTagCostsThatRecordOnly() {
        assertEquals(FramedRecords.ids(50, 5), readable(damaged("<leader>", "<leader", 5)));
    }

    @Test
    void aStrayQuoteInATagCostsThatRecordOnly() {
        assertEquals(FramedRecords.ids(50, 5), readable(damaged("<datafield tag=\"", "<datafield tag=\"\"", 15)));
    }

    @Test
    void aRecordCutShortByTheNextOneIsFlaggedTruncatedAndEndsWhereTheNextStarts() {
        List<Piece> pieces = frame(damaged("</record>", "", 5));
        Piece cut = pieces.get(5);
        assertEquals(RawRecord.TRUNCATED, cut.defects());
        assertTrue(cut.text().startsWith("<record>") && cut.text().indexOf("<record>", 1) < 0, cut.text());
        assertEquals(cut.byteOffset() + cut.text().getBytes(StandardCharsets.UTF_8).length,
                pieces.get(6).byteOffset());
        assertEquals(50, pieces.size());
    }

    @Test
    void tenPercentOfDamagedRecordsCostNoOtherRecord() {
        Random random = new Random(18);
        String xml = FramedRecords.file(MarcFormat.MARCXML, 2000);
        String[] tags = {"</record>", "</datafield>", "<leader>", "</subfield>"};
        StringBuilder sb = new StringBuilder();
        int from = 0;
        int damagedCount = 0;
        for (int r = 0; r < 2000; r++) {
            int start = xml.indexOf("<record>", from);
            int end = xml.indexOf("</record>", start) + "</record>".length();
            String rec = xml.substring(start, end);
            sb.append(xml, from, start);
            if (random.nextInt(10) == 0) {
                String tag = tags[random.nextInt(tags.length)];
                int at = rec.indexOf(tag);
                rec = rec.substring(0, at) + rec.substring(at + tag.length());
                damagedCount++;
            }
            sb.append(rec);
            from = end;
        }
        sb.append(xml.substring(from));
        assertEquals(2000 - damagedCount, readable(sb.toString()).size());
    }

    @Test
    void framedBytesAreTheInputsBytesAndTheInheritedNamespacesComeApart() {
        String xml = "<marc:collection xmlns:marc=\"" + MarcXml.NAMESPACE + "\"><marc:record><marc:leader>"
                + "00000nam a2200000 a 4500</marc:leader></marc:record></marc:collection>";
        MarcXmlFramer framer = MarcXmlFramer.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults());
        RawRecord view = new RawRecord();
        assertTrue(framer.next(view));
        String raw = new String(view.copy(), StandardCharsets.UTF_8);
        assertEquals(xml.substring(xml.indexOf("<marc:record>"), xml.indexOf("</marc:collection>")), raw);
        assertEquals(" xmlns:marc=\"" + MarcXml.NAMESPACE + "\"",
                new String(framer.inheritedNamespaces(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<foo><bar/></foo>|the root element is <foo>",
            "<?xml version=\"1.0\"?><c xmlns=\"http://www.indexdata.com/turbomarc\"><r><l>00000nam</l></r></c>"
                    + "|the root element is <c> in the namespace http://www.indexdata.com/turbomarc",
            "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>|the root element is <html>",
            "<\u0001\u00ff\u0010garbage>more 01234 bytes|not XML: it starts with <\\x01",
            "<?xml version=\"1.0\"?>|no element",
            "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><datafield tag=\"952\"/></collection>"
                    + "|the root element is <collection> in the namespace http://www.loc.gov/MARC21/slim, holding "
                    + "<datafield>"})
    void inputWithNoMarcXmlRecordIsRefusedNamingWhatItHolds(String input, String named) {
        MarcException e = assertThrows(MarcException.class, () -> frame(input));
        assertTrue(e.getMessage().contains("no MARCXML record"), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"/>",
            "<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">\n</marc:collection>",
            "<collection></collection>"})
    void anEmptyInputOrCollectionHasNoRecordsAndNoError(String input) {
        assertEquals(List.of(), frame(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<foo><bar/></foo>", "<html><body><record><p>x</p></record></body></html>"})
    void theSequentialReaderRefusesADocumentWithNoMarcRecordAlike(String input) {
        MarcException framed = assertThrows(MarcException.class, () -> frame(input));
        MarcException read = assertThrows(MarcException.class, () -> {
            try (MarcXmlReader r = MarcXmlReader.open(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    ReadOptions.defaults())) {
                r.forEachRemaining(x -> { });
            }
        });
        String root = input.substring(0, input.indexOf('>') + 1);
        assertTrue(framed.getMessage().contains("the root element is " + root), framed.getMessage());
        assertTrue(read.getMessage().contains("no MARCXML record in the input: the root element is " + root),
                read.getMessage());
    }
}
