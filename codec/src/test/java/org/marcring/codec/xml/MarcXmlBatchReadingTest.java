package org.marcring.codec.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;

/**
 * {@link MarcXmlReader} reads the records of a document with one parser while they are sound, and a record
 * with anything wrong or to report alone: what comes out must be what reading each record alone gives, with
 * positions in the whole input.
 */
class MarcXmlBatchReadingTest {
    private static final String NS = "http://www.loc.gov/MARC21/slim";

    /** Damages, each making a record not well-formed, or well-formed with something to repair or report. */
    private static final List<UnaryOperator<String>> DAMAGES = List.of(
            r -> r.replace("</subfield></datafield><datafield", "</datafield><datafield"), // missing end tag
            r -> r.replace("Note ", "Note &#1; "), // character reference to a forbidden character
            r -> r.replace("ind1=\"1\"", "ind1=\"1>"), // broken quote
            r -> r.replace("Note ", "Note &nosuch; "), // undeclared entity
            r -> r.replace("Note ", "Note \u0000"), // forbidden character
            r -> r.replace("4500</leader>", "4500XX</leader>"), // leader too long: repaired, reported
            r -> r.replace(" ind1=\"1\"", ""), // no indicator: a warning
            r -> r.replace("<controlfield tag=\"001\">", "<controlfield>"), // no tag: dropped, reported
            r -> r.replace("<!--c-->", "<!--c"), // comment never closed
            r -> r.replace("</record>", "</recor>"), // wrong end tag
            r -> r.replace("<record xmlns", "<record x xmlns")); // the start tag itself broken

    private static String record(int i) {
        return "<record xmlns=\"" + NS + "\"><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">rec-" + i + "</controlfield><!--c-->"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">Title " + i
                + " \u00e9t\u00e9</subfield></datafield><datafield tag=\"500\" ind1=\" \" ind2=\" \">"
                + "<subfield code=\"a\">Note " + i + "</subfield></datafield></record>";
    }

    /** What a reader gives: the records and the refusals, in order, as text with their positions. */
    private static List<String> outcome(MarcXmlReader reader) {
        List<String> out = new ArrayList<>();
        try (MarcXmlReader r = reader) {
            r.onReject(e -> out.add("refused " + e.ordinal() + " at " + e.byteOffset() + ": " + e.fault() + " | "
                    + new String(e.rawBytes(), StandardCharsets.UTF_8)));
            while (r.hasNext()) {
                MarcRecord record = r.next();
                out.add("record " + record.controlNumber() + " " + record.fields() + " " + record.leader() + " "
                        + record.errors().stream().map(MarcError::message).toList());
            }
        }
        return out;
    }

    /**
     * Reads a document of records one a line, some damaged, with one parser for the sound records and with a
     * parser for each record, and compares what comes out.
     */
    private static void assertSameAsRecordByRecord(ReadOptions options, long seed, String collection,
            String prefix) {
        Random random = new Random(seed);
        int count = 400;
        StringBuilder doc = new StringBuilder(collection + "\n");
        for (int i = 0; i < count; i++) {
            String r = record(i);
            if (random.nextInt(8) == 0) {
                r = DAMAGES.get(random.nextInt(DAMAGES.size())).apply(r);
            }
            if (!prefix.isEmpty()) {
                r = r.replace(" xmlns=\"" + NS + "\"", "").replace("<", "<" + prefix).replace("<" + prefix + "/",
                        "</" + prefix).replace("<" + prefix + "!", "<!");
            }
            doc.append(r).append(i % 3 == 0 ? "\n" : i % 3 == 1 ? " " : "");
        }
        doc.append("\n</").append(collection.substring(1, collection.indexOf(' ') < 0 ? collection.length() - 1
                : collection.indexOf(' '))).append(">\n");
        byte[] input = doc.toString().getBytes(StandardCharsets.UTF_8);
        List<String> batched = outcome(MarcXmlReader.open(new ByteArrayInputStream(input), options));
        List<String> alone = outcome(MarcXmlReader.openRecordByRecord(new ByteArrayInputStream(input), options));
        assertTrue(alone.stream().filter(o -> o.startsWith("refused")).count() > 10, alone.toString());
        assertTrue(alone.stream().filter(o -> o.contains(": no ind1")).count() > 0, alone.toString());
        for (int i = 0; i < Math.min(alone.size(), batched.size()); i++) {
            assertEquals(alone.get(i), batched.get(i), "outcome " + i);
        }
        assertEquals(alone.size(), batched.size());
    }

    @Test
    void aPermissiveReaderGivesWhatReadingEachRecordAloneGives() {
        for (long seed = 1; seed <= 3; seed++) {
            assertSameAsRecordByRecord(ReadOptions.defaults(), seed, "<collection>", "");
        }
        assertSameAsRecordByRecord(ReadOptions.defaults(), 5, "<marc:collection xmlns:marc=\"" + NS + "\">", "marc:");
    }

    @Test
    void aRecordWhoseStartTagIsBrokenIsRefusedAloneAndTheReadingGoesOn() {
        // the batch's parser fails on the record's first event, before it has taken the record's piece: the piece
        // must still be read alone and refused, not handed to a new batch that fails the same way, for ever
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            String doc = "<collection xmlns=\"" + NS + "\">" + record(1) + record(2).replace("<record xmlns",
                    "<record x xmlns") + record(3) + "</collection>";
            List<String> out = outcome(MarcXmlReader.open(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))));
            assertEquals(3, out.size(), out.toString());
            assertTrue(out.get(0).startsWith("record rec-1 "), out.get(0));
            assertTrue(out.get(1).startsWith("refused 1 at "), out.get(1));
            assertTrue(out.get(2).startsWith("record rec-3 "), out.get(2));
        });
    }

    @Test
    void aStrictReaderGivesWhatReadingEachRecordAloneGives() {
        assertSameAsRecordByRecord(ReadOptions.strict(), 4, "<collection>", "");
    }

    @Test
    void aWarningInARecordOnALaterLineIsAtItsLineAndColumnInTheInput() {
        String bare = record(7).replace(" ind1=\"1\"", "");
        String doc = "<collection>\n" + record(0) + "\n" + record(1) + "\n  " + bare + "\n" + record(2)
                + "\n</collection>";
        List<MarcRecord> records = new ArrayList<>();
        try (MarcXmlReader r = MarcXmlReader.open(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)))) {
            r.forEachRemaining(records::add);
        }
        assertEquals(List.of("rec-0", "rec-1", "rec-7", "rec-2"),
                records.stream().map(MarcRecord::controlNumber).toList());
        int column = bare.indexOf("<datafield tag=\"245\"");
        int tagEnd = bare.indexOf('>', column) + 1; // the parser is past the start tag when it tells
        assertEquals(List.of("line 4, column " + (tagEnd + 3) + ": no ind1: taken as blank"),
                records.get(2).errors().stream().map(MarcError::message).toList());
        assertTrue(records.get(0).errors().isEmpty() && records.get(3).errors().isEmpty());
    }

    @Test
    void theRawBytesOfARefusedRecordAreItsBytesInTheInput() {
        String broken = record(1).replace("</recor", "</recorX").replace("</record>", "</recor>");
        String doc = "<collection>" + record(0) + broken + record(2) + "</collection>";
        List<MarcFormatException> refused = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (MarcXmlReader r = MarcXmlReader.open(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults().withRejectHandler(refused::add))) {
            r.forEachRemaining(m -> ids.add(m.controlNumber()));
        }
        assertEquals(List.of("rec-0", "rec-2"), ids);
        assertEquals(1, refused.size());
        assertEquals(1, refused.get(0).ordinal());
        assertEquals(doc.substring(0, doc.indexOf(broken)).getBytes(StandardCharsets.UTF_8).length,
                refused.get(0).byteOffset());
        assertArrayEquals(broken.getBytes(StandardCharsets.UTF_8), refused.get(0).rawBytes());
    }
}
