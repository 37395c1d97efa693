package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;

/**
 * A 50-record MARCXML, MARC-in-JSON or newline-delimited JSON file whose 6th record is broken, read by the
 * sequential reader: the broken record alone is refused, naming its ordinal, byte offset and line in the input,
 * with its bytes as in the input, and the 49 others are read, in order. Before the readers framed each record,
 * one broken record took the rest of the document with it (5 records read, 1 refused).
 */
class OneBrokenRecordTest {
    private static final int RECORDS = 50;
    /** 0-based: the 6th record. */
    private static final int BROKEN = 5;
    private static final String NS = "http://www.loc.gov/MARC21/slim";

    /** A way to break one record, in one format; record {@code i} stands on line {@code i + 2} of its input. */
    enum Damage {
        XML_NO_END_RECORD(MarcFormat.MARCXML, "", r -> r.replace("</record>", "")),
        XML_NO_END_DATAFIELD(MarcFormat.MARCXML, "", r -> r.replaceFirst("</datafield>", "")),
        XML_BROKEN_LEADER(MarcFormat.MARCXML, "", r -> r.replace("<leader>", "<leader ")),
        PREFIXED_XML_NO_END_RECORD(MarcFormat.MARCXML, "marc:", r -> r.replace("</marc:record>", "")),
        PREFIXED_XML_BROKEN_LEADER(MarcFormat.MARCXML, "marc:", r -> r.replace("<marc:leader>", "<marc:leader ")),
        JSON_NO_CLOSING_BRACE(MarcFormat.JSON, "", r -> r.substring(0, r.length() - 1)),
        JSON_STRAY_QUOTE(MarcFormat.JSON, "", r -> r.replace("\"rec-", "\"r\"ec-")),
        NDJSON_NO_CLOSING_BRACE(MarcFormat.NDJSON, "", r -> r.substring(0, r.length() - 1)),
        NDJSON_STRAY_QUOTE(MarcFormat.NDJSON, "", r -> r.replace("\"rec-", "\"r\"ec-")),
        /** Newline-delimited JSON read as a document (a sequence of objects), as format detection may take it. */
        NDJSON_AS_DOCUMENT_NO_CLOSING_BRACE(MarcFormat.JSON, "lines", r -> r.substring(0, r.length() - 1)),
        NDJSON_AS_DOCUMENT_STRAY_QUOTE(MarcFormat.JSON, "lines", r -> r.replace("\"rec-", "\"r\"ec-"));

        final MarcFormat format;
        final String variant;
        final UnaryOperator<String> breaker;

        Damage(MarcFormat format, String variant, UnaryOperator<String> breaker) {
            this.format = format;
            this.variant = variant;
            this.breaker = breaker;
        }
    }

    /** The input, and the byte offset of the broken record in it. */
    private static Object[] input(Damage damage) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String r = damage.format == MarcFormat.MARCXML ? xmlRecord(i, damage.variant) : jsonRecord(i);
            records.add(i == BROKEN ? damage.breaker.apply(r) : r);
        }
        String head;
        String separator;
        String tail;
        if (damage.format == MarcFormat.MARCXML) {
            String p = damage.variant;
            head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + p + "collection xmlns"
                    + (p.isEmpty() ? "" : ":" + p.substring(0, p.length() - 1)) + "=\"" + NS + "\">\n";
            separator = "\n";
            tail = "\n</" + p + "collection>\n";
        } else if (damage.format == MarcFormat.JSON && !damage.variant.equals("lines")) {
            head = "[\n";
            separator = ",\n";
            tail = "\n]\n";
        } else {
            head = "\n"; // so that each record stands on line ordinal + 2 here too
            separator = "\n";
            tail = "\n";
        }
        StringBuilder sb = new StringBuilder(head);
        long offset = -1;
        for (int i = 0; i < RECORDS; i++) {
            if (i > 0) {
                sb.append(separator);
            }
            if (i == BROKEN) {
                offset = sb.toString().getBytes(StandardCharsets.UTF_8).length;
            }
            sb.append(records.get(i));
        }
        sb.append(tail);
        return new Object[] {sb.toString().getBytes(StandardCharsets.UTF_8), offset,
                records.get(BROKEN).getBytes(StandardCharsets.UTF_8)};
    }

    private static String xmlRecord(int i, String p) {
        return "<" + p + "record><" + p + "leader>00000nam a2200000 a 4500</" + p + "leader>"
                + "<" + p + "controlfield tag=\"001\">rec-" + i + "</" + p + "controlfield>"
                + "<" + p + "datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><" + p + "subfield code=\"a\">Title "
                + i + " \u00e9t\u00e9</" + p + "subfield></" + p + "datafield>"
                + "<" + p + "datafield tag=\"500\" ind1=\" \" ind2=\" \"><" + p + "subfield code=\"a\">Note "
                + i + "</" + p + "subfield></" + p + "datafield></" + p + "record>";
    }

    private static String jsonRecord(int i) {
        return "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"rec-" + i + "\"},"
                + "{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"Title " + i + " \u00e9t\u00e9\"}]}},"
                + "{\"500\":{\"ind1\":\" \",\"ind2\":\" \",\"subfields\":[{\"a\":\"Note " + i + "\"}]}}]}";
    }

    private static List<String> expectedIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            if (i != BROKEN) {
                ids.add("rec-" + i);
            }
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aPermissiveReaderRefusesTheBrokenRecordAloneAndReadsTheOther49(Damage damage) {
        Object[] in = input(damage);
        List<MarcFormatException> rejects = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream((byte[]) in[0]), damage.format,
                ReadOptions.defaults().withRejectHandler(rejects::add))) {
            for (MarcRecord record : r) {
                ids.add(record.controlNumber());
                assertEquals("Note " + record.controlNumber().substring(4), record.value("500", 'a'));
            }
            assertEquals(RECORDS - 1, r.recordsRead());
            assertEquals(1, ((SequentialReader) r).rejectedCount());
        }
        assertEquals(expectedIds(), ids);
        assertEquals(1, rejects.size(), rejects.toString());
        MarcFormatException e = rejects.get(0);
        assertEquals(BROKEN, e.ordinal(), e.getMessage());
        // a missing end tag is found where the next record starts, on the next line
        int line = BROKEN + (damage.name().contains("NO_END_RECORD") ? 3 : 2);
        assertTrue(e.getMessage().contains(": line " + line + ", column "), e.getMessage());
        if (damage.format != MarcFormat.NDJSON) { // a line reader knows lines, not bytes
            assertEquals((long) in[1], e.byteOffset(), e.getMessage());
            byte[] broken = (byte[]) in[2];
            byte[] raw = e.rawBytes();
            assertArrayEquals(broken, Arrays.copyOf(raw, Math.min(raw.length, broken.length)),
                    new String(raw, StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Damage.class, names = {"XML_BROKEN_LEADER", "PREFIXED_XML_BROKEN_LEADER", "JSON_STRAY_QUOTE"})
    void theLineOfAFaultFarIntoALargeFileIsItsLineInTheWholeInput(Damage damage) {
        int count = 3000; // some 900 KB: far more than the reader holds at a time
        int broken = 2500;
        StringBuilder sb = new StringBuilder(damage.format == MarcFormat.MARCXML ? "<" + damage.variant
                + "collection xmlns" + (damage.variant.isEmpty() ? "" : ":marc") + "=\"" + NS + "\">\n" : "[\n");
        for (int i = 0; i < count; i++) {
            String r = damage.format == MarcFormat.MARCXML ? xmlRecord(i, damage.variant) : jsonRecord(i);
            sb.append(i == broken ? damage.breaker.apply(r) : r).append(i == count - 1 ? "\n"
                    : damage.format == MarcFormat.MARCXML ? "\n" : ",\n");
        }
        sb.append(damage.format == MarcFormat.MARCXML ? "</" + damage.variant + "collection>\n" : "]\n");
        List<MarcFormatException> rejects = new ArrayList<>();
        long read;
        try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)),
                damage.format, ReadOptions.defaults().withRejectHandler(rejects::add))) {
            read = r.stream().count();
        }
        assertEquals(count - 1, read);
        assertEquals(1, rejects.size());
        assertEquals(broken, rejects.get(0).ordinal());
        assertTrue(rejects.get(0).getMessage().contains(": line " + (broken + 2) + ", column "),
                rejects.get(0).getMessage());
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aStrictReaderThrowsForTheBrokenRecordAndGoesOn(Damage damage) {
        Object[] in = input(damage);
        List<String> ids = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream((byte[]) in[0]), damage.format,
                ReadOptions.strict())) {
            for (int i = 0; i < BROKEN; i++) {
                ids.add(r.next().controlNumber());
            }
            MarcFormatException e = assertThrows(MarcFormatException.class, r::next);
            assertEquals(BROKEN, e.ordinal());
            while (r.hasNext()) {
                ids.add(r.next().controlNumber());
            }
            assertFalse(r.hasNext());
        }
        assertEquals(expectedIds(), ids);
    }
}
