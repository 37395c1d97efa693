package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.ReadOptions;

/**
 * A damaged MARCXML or MARC-in-JSON record costs that record only, through the whole pipeline: every other
 * record is written, the damaged one is rejected with exactly its bytes from the input, and the counts add up.
 */
class DamagedTextFormatsTest {

    private static MarcRecord record(int n) {
        return MarcRecord.builder().controlField("001", "rec" + n)
                .addField(DataField.of("245", '1', '0', "a", "Title " + n)).build();
    }

    private static String file(MarcFormat format, int n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcFormats.openWriter(out, format)) {
            for (int i = 0; i < n; i++) {
                w.write(record(i));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
            "MARCXML, '</record>', ''",
            "MARCXML, '</datafield>', ''",
            "MARCXML, '<leader>', '<leader'",
            "JSON, ']}', ']'",
            "JSON, '\"rec5\"', '\"rec5\"\"'"})
    void oneDamagedRecordOfFiftyCostsThatRecordOnly(MarcFormat format, String what, String by) throws Exception {
        String clean = file(format, 50);
        String recordStart = format == MarcFormat.MARCXML ? "<record>" : "{\"leader\"";
        int start = nth(clean, recordStart, 5);
        int next = nth(clean, recordStart, 6);
        int at = clean.indexOf(what, start);
        String damaged = clean.substring(0, at) + by + clean.substring(at + what.length());
        int end = next + by.length() - what.length();
        while (",\n ".indexOf(damaged.charAt(end - 1)) >= 0) {
            end--;
        }
        byte[] expectedReject = damaged.substring(start, end).getBytes(StandardCharsets.UTF_8);

        List<String> ids = new ArrayList<>();
        List<RejectedRecord> rejects = new ArrayList<>();
        PipelineResult result = run(damaged, format, ids, rejects);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            if (i != 5) {
                expected.add("rec" + i);
            }
        }
        assertEquals(expected, ids);
        assertEquals(50, result.recordsRead());
        assertEquals(1, result.recordsRejected());
        assertEquals(5, rejects.get(0).ordinal());
        assertArrayEquals(expectedReject, rejects.get(0).rawBytes(),
                () -> new String(rejects.get(0).rawBytes(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"'<collection xmlns=\"http://www.loc.gov/MARC21/slim\">', '</collection>', '<record>'",
            "'<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">', '</marc:collection>', '<marc:record>'"})
    void anXmlRejectIsTheInputsBytesExactly(String open, String close, String recordTag) throws Exception {
        String p = recordTag.startsWith("<marc:") ? "marc:" : "";
        String good = "<" + p + "record><" + p + "leader>00000nam a2200000 a 4500</" + p + "leader><" + p
                + "controlfield tag=\"001\">ok</" + p + "controlfield></" + p + "record>";
        String bad = "<" + p + "record><" + p + "leader>00000nam a2200000 a 4500</" + p + "leader><" + p
                + "controlfield tag=\"001\">bad</" + p + "wrong></" + p + "record>";
        String xml = open + good + bad + good + close;
        List<String> ids = new ArrayList<>();
        List<RejectedRecord> rejects = new ArrayList<>();
        run(xml, MarcFormat.MARCXML, ids, rejects);
        assertEquals(List.of("ok", "ok"), ids);
        assertEquals(bad, new String(rejects.get(0).rawBytes(), StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void marcMakerRecordsWithoutBlankLinesBetweenThemAreEachARecord() throws Exception {
        String mrk = file(MarcFormat.MRK, 10).replaceAll("\r?\n\\s*\r?\n", "\n");
        List<String> ids = new ArrayList<>();
        List<RejectedRecord> rejects = new ArrayList<>();
        PipelineResult result = run(mrk, MarcFormat.MRK, ids, rejects);
        assertEquals(List.of("rec0", "rec1", "rec2", "rec3", "rec4", "rec5", "rec6", "rec7", "rec8", "rec9"), ids);
        assertEquals(10, result.recordsRead());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<foo><bar/></foo>|the root element is <foo>",
            "<html><body>Bad Gateway</body></html>|the root element is <html>",
            "<\u0001\u0002 random>bytes then records|not XML: it starts with <\\x01\\x02 random>"})
    void xmlDetectedOnInputWithNoMarcXmlRecordFailsTheRunNamingWhatItHoldsAndTheDetection(String input,
                                                                                        String named) {
        List<String> ids = new ArrayList<>();
        List<RejectedRecord> rejects = new ArrayList<>();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> run(input, MarcFormat.AUTO, ids, rejects));
        String message = e.getMessage() + (e.getCause() == null ? "" : " / " + e.getCause().getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(message.contains("no MARCXML record") && message.contains(named)
                && message.contains("MARCXML was detected from the first bytes"), message);
        assertEquals(List.of(), ids);
    }

    private static PipelineResult run(String input, MarcFormat format, List<String> ids,
                                      List<RejectedRecord> rejects) throws IOException {
        return Pipeline.builder()
                .source(RecordSources.of(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), format,
                        ReadOptions.defaults()))
                .parsers(2).ringSize(8).sink(r -> ids.add(r.controlNumber()))
                .errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
    }

    private static int nth(String s, String what, int n) {
        int at = -1;
        for (int k = 0; k <= n; k++) {
            at = s.indexOf(what, at + 1);
        }
        return at;
    }

}
