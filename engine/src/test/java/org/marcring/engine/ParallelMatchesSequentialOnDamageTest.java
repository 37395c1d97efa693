package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;

/**
 * On MARCXML and MARC-in-JSON with one record in ten damaged (end tags or braces missing, broken tags, stray
 * quotes, garbage between records), the parallel reader yields exactly what the sequential reader yields: the same
 * records in the same order, with as many repairs of the same severities, and the same rejects (ordinal, byte
 * offset, the input's bytes).
 */
class ParallelMatchesSequentialOnDamageTest {
    private static final int RECORDS = 300;
    private static final String NS = "http://www.loc.gov/MARC21/slim";

    @ParameterizedTest
    @CsvSource({"MARCXML, '', 1", "MARCXML, marc:, 2", "MARCXML, '', 3", "JSON, array, 4", "JSON, lines, 5",
            "JSON, array, 6"})
    void bothReadersYieldTheSameRecordsAndRejects(MarcFormat format, String variant, long seed) throws Exception {
        byte[] input = damaged(format, variant == null ? "" : variant, new Random(seed));
        Outcome sequential = new Outcome();
        try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream(input), format,
                ReadOptions.defaults().withRejectHandler(sequential.rejects::add))) {
            r.forEachRemaining(sequential.records::add);
        }
        Outcome parallel = new Outcome();
        try (ParallelReader r = ParallelReader.of(new ByteArrayInputStream(input), format,
                ReadOptions.defaults().withRejectHandler(parallel.rejects::add))) {
            r.forEachRemaining(parallel.records::add);
        }
        Fixtures.assertNoEngineThreads();

        assertTrue(sequential.rejects.size() >= RECORDS / 20, "damage was done: " + sequential.rejects.size());
        assertEquals(RECORDS, sequential.records.size() + sequential.rejects.size()
                - garbage(sequential.rejects), "every record read or refused");
        assertEquals(sequential.records, parallel.records);
        for (int i = 0; i < sequential.records.size(); i++) {
            assertEquals(severities(sequential.records.get(i)), severities(parallel.records.get(i)), "record " + i);
        }
        assertEquals(sequential.rejects.size(), parallel.rejects.size());
        for (int i = 0; i < sequential.rejects.size(); i++) {
            MarcFormatException s = sequential.rejects.get(i);
            MarcFormatException p = parallel.rejects.get(i);
            assertEquals(s.ordinal(), p.ordinal(), s.getMessage() + " / " + p.getMessage());
            assertEquals(s.byteOffset(), p.byteOffset(), s.getMessage() + " / " + p.getMessage());
            assertArrayEquals(s.rawBytes(), p.rawBytes(), s.getMessage() + " / " + p.getMessage());
        }
    }

    /** Rejects of bytes that were no record (garbage put between records). */
    private static int garbage(List<MarcFormatException> rejects) {
        int n = 0;
        for (MarcFormatException e : rejects) {
            if (e.getMessage().contains("not a JSON object where a record belongs")) {
                n++;
            }
        }
        return n;
    }

    private static List<MarcError.Severity> severities(MarcRecord r) {
        List<MarcError.Severity> list = new ArrayList<>();
        for (MarcError e : r.errors()) {
            list.add(e.severity());
        }
        return list;
    }

    private static byte[] damaged(MarcFormat format, String variant, Random random) {
        StringBuilder sb = new StringBuilder();
        boolean xml = format == MarcFormat.MARCXML;
        String p = xml ? variant : "";
        if (xml) {
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(p).append("collection xmlns")
                    .append(p.isEmpty() ? "" : ":" + p.substring(0, p.length() - 1)).append("=\"").append(NS)
                    .append("\">\n");
        } else if (variant.equals("array")) {
            sb.append("[\n");
        }
        for (int i = 0; i < RECORDS; i++) {
            if (i > 0 && !xml && variant.equals("array")) {
                sb.append(",\n");
            } else if (i > 0) {
                sb.append('\n');
            }
            String r = xml ? xmlRecord(i, p) : jsonRecord(i);
            if (random.nextInt(10) == 0) {
                r = xml ? breakXml(r, p, random) : breakJson(r, random, variant.equals("array"));
            }
            sb.append(r);
        }
        sb.append(xml ? "\n</" + p + "collection>\n" : variant.equals("array") ? "\n]\n" : "\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String breakXml(String r, String p, Random random) {
        switch (random.nextInt(6)) {
            case 0: return r.replace("</" + p + "record>", "");
            case 1: return r.replaceFirst("</" + p + "datafield>", "");
            case 2: return r.replace("<" + p + "leader>", "<" + p + "leader ");
            case 3: return r.replace("code=\"a\"", "code=\"a");
            case 4: return r.replace("tag=\"245\"", "tag=\"2455\""); // repaired, not refused
            default: return r.replace("Note", "No&te");
        }
    }

    private static String breakJson(String r, Random random, boolean array) {
        switch (random.nextInt(5)) {
            case 0: return r.substring(0, r.length() - 1);
            case 1: return r.replace("\"rec-", "\"r\"ec-");
            case 2: return r.replace("\"ind1\":\"1\"", "\"ind1\":\"12\""); // repaired, not refused
            case 3: return array ? "[[1,2],[]],\n" + r : "[]\n" + r;
            default: return r.replace("]}}]}", "]}}}");
        }
    }

    private static String xmlRecord(int i, String p) {
        return "  <" + p + "record>\n    <" + p + "leader>00000nam a2200000 a 4500</" + p + "leader>\n"
                + "    <" + p + "controlfield tag=\"001\">rec-" + i + "</" + p + "controlfield>\n"
                + "    <" + p + "datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><" + p + "subfield code=\"a\">Title "
                + i + " \u00e9t\u00e9</" + p + "subfield></" + p + "datafield>\n"
                + "    <" + p + "datafield tag=\"500\" ind1=\" \" ind2=\" \"><" + p + "subfield code=\"a\">Note "
                + i + "</" + p + "subfield></" + p + "datafield>\n  </" + p + "record>";
    }

    private static String jsonRecord(int i) {
        return "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"rec-" + i + "\"},"
                + "{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"Title " + i + " \u00e9t\u00e9\"}]}},"
                + "{\"500\":{\"ind1\":\" \",\"ind2\":\" \",\"subfields\":[{\"a\":\"Note " + i + "\"}]}}]}";
    }

    private static final class Outcome {
        final List<MarcRecord> records = new ArrayList<>();
        final List<MarcFormatException> rejects = new ArrayList<>();
    }
}
