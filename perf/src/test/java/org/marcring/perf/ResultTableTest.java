package org.marcring.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResultTableTest {
    // 2,000 records, 2,000,000 bytes: at 10 ms per pass, 200,000 records/s and 200 MB/s
    private static final Measurement OURS = new Measurement("DecodeBenchmark", "marcringStrict", "a.mrc", 10.0, 0.5,
            2000, 2_000_000);
    private static final Measurement THEIRS = new Measurement("DecodeBenchmark", "marc4jStrict", "a.mrc", 45.0,
            Double.NaN, 2000, 2_000_000);
    private static final Measurement THEIRS_OTHER_INPUT = new Measurement("DecodeBenchmark", "marc4jStrict", "b.mrc",
            1.0, 0.1, 10, 10_000);
    private static final Measurement PERMISSIVE = new Measurement("DecodeBenchmark", "marcringPermissive", "a.mrc",
            12.0, 0.2, 2000, 2_000_000);
    private static final Measurement FRAMING = new Measurement("FramingBenchmark", "marcring", "a.mrc", 0.5, 0.01,
            2000, 2_000_000);

    @Test
    void ratesDeriveFromTheInputsCountsAndTheTimePerPass() {
        assertEquals(200_000, OURS.recordsPerSecond(), 1e-6);
        assertEquals(200.0, OURS.megabytesPerSecond(), 1e-9);
        assertEquals("marc4jStrict", OURS.marc4jCounterpart());
        assertEquals(null, THEIRS.marc4jCounterpart());
    }

    @Test
    void marcringIsComparedWithMarc4jOnTheSameInputOnly() {
        ResultTable table = new ResultTable(List.of(THEIRS_OTHER_INPUT, OURS, THEIRS, PERMISSIVE, FRAMING));
        assertEquals(4.5, table.ratioToMarc4j(OURS), 1e-9);
        assertTrue(Double.isNaN(table.ratioToMarc4j(THEIRS)), "marc4j rows have no ratio");
        assertTrue(Double.isNaN(table.ratioToMarc4j(PERMISSIVE)), "no marc4jPermissive in this run");
        assertTrue(Double.isNaN(table.ratioToMarc4j(FRAMING)), "framing has no marc4j counterpart");
    }

    @Test
    void rowsArePairedOnTheInputAndEveryOtherParameter() {
        assertEquals("realistic.mrc", Report.label(java.util.Map.of("input", "realistic.mrc")));
        assertEquals("realistic.mrc@50mb threads=0",
                Report.label(java.util.Map.of("threads", "0", "input", "realistic.mrc@50mb")));
        assertEquals("mode=x threads=2", Report.label(java.util.Map.of("threads", "2", "mode", "x")));
        // two inputs of one benchmark in one run: each marcring row meets the marc4j row of its own input
        Measurement oursA = new Measurement("TextFormatBenchmark", "marcringIsoToMarcXml", "a.mrc", 2.0, 0.1, 10, 10);
        Measurement oursB = new Measurement("TextFormatBenchmark", "marcringIsoToMarcXml", "b.mrc", 1.0, 0.1, 10, 10);
        Measurement theirsA = new Measurement("TextFormatBenchmark", "marc4jIsoToMarcXml", "a.mrc", 30.0, 0.1, 10, 10);
        Measurement theirsB = new Measurement("TextFormatBenchmark", "marc4jIsoToMarcXml", "b.mrc", 5.0, 0.1, 10, 10);
        ResultTable table = new ResultTable(List.of(oursA, theirsA, oursB, theirsB));
        assertEquals(15.0, table.ratioToMarc4j(oursA), 1e-9);
        assertEquals(5.0, table.ratioToMarc4j(oursB), 1e-9);
    }

    @Test
    void theTableShowsOneLinePerMeasurement() {
        String text = new ResultTable(List.of(OURS, THEIRS, FRAMING)).format();
        String[] lines = text.split("\n");
        assertEquals(6, lines.length, text);              // header, rule, 3 rows, footnote
        assertTrue(lines[2].startsWith("DecodeBenchmark.marcringStrict"), lines[2]);
        assertTrue(lines[2].contains("10.000 ± 0.500") && lines[2].contains("200,000")
                && lines[2].contains("200.0") && lines[2].endsWith("4.50x"), lines[2]);
        assertTrue(lines[4].trim().endsWith("n/a"), lines[4]);
    }

    @Test
    void jsonCarriesRatesAndRatio() {
        StringWriter out = new StringWriter();
        new ResultTable(List.of(OURS, THEIRS)).writeJson(out, "test VM", "2026-01-01T00:00:00Z");
        String json = out.toString().replaceAll("\\s+", "");
        assertTrue(json.contains("\"method\":\"marcringStrict\",\"input\":\"a.mrc\",\"inputRecords\":2000,"
                + "\"inputBytes\":2000000,\"msPerOp\":10.0,\"error\":0.5,\"recordsPerSecond\":200000,"
                + "\"megabytesPerSecond\":200.0,\"ratioToMarc4j\":4.5}"), json);
        assertTrue(json.contains("\"method\":\"marc4jStrict\",\"input\":\"a.mrc\",\"inputRecords\":2000,"
                + "\"inputBytes\":2000000,\"msPerOp\":45.0,\"recordsPerSecond\":44444,"), json);
    }
}
