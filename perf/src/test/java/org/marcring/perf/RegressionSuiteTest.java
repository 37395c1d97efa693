package org.marcring.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regression suite in smoke mode (one short iteration of everything, in this JVM), so that it cannot rot:
 * checks that it runs and that its JSON is written and reads back, not that the figures meet the baseline.
 */
class RegressionSuiteTest {

    @Test
    void smokeRunWritesResultsThatReadBack(@TempDir Path dir) throws Exception {
        Path baseline = dir.resolve("baseline.json");
        // a baseline no run can meet: the smoke run reports it and still passes
        Files.writeString(baseline, "{\"machine\":\"test\",\"figures\":[{\"name\":\"EncodeBenchmark.marcring\","
                + "\"ratio\":1000.0},{\"name\":\"Gone.figure\",\"ratio\":1.0}]}");
        RegressionSuite.Settings s = new RegressionSuite.Settings();
        s.smoke = true;
        s.out = dir.resolve("regression.json");
        s.baseline = baseline;
        s.writeBaseline = dir.resolve("new-baseline.json");
        s.machine = "test machine";
        RegressionSuite.Outcome outcome = RegressionSuite.run(s);

        Map<String, Double> written = RegressionSuite.readFigures(s.out);
        assertTrue(written.keySet().containsAll(List.of("DecodeBenchmark.marcringStrict",
                "DecodeBenchmark.marcringPermissive", "EncodeBenchmark.marcring", "Engine.oneParser",
                "Engine.twoParsers")), written.toString());
        written.forEach((name, ratio) -> assertTrue(ratio > 0 && Double.isFinite(ratio), name + " " + ratio));
        assertEquals(outcome.figures().size(), written.size());
        assertEquals(written, RegressionSuite.readFigures(s.writeBaseline));
        assertTrue(outcome.baselineFound());
        assertEquals(2, outcome.regressions().size(), outcome.regressions().toString());
        assertTrue(outcome.regressions().get(0).startsWith("EncodeBenchmark.marcring: ratio "));
        assertTrue(outcome.regressions().get(1).startsWith("Gone.figure: in the baseline but not measured"));

        assertEquals("smoke", topLevel(s.out, "mode"));
        assertEquals("test machine", topLevel(s.out, "machine"));
        assertTrue(Files.readString(s.out).contains("\"yaz-marcdump\""));
    }

    @Test
    void aRatioFallingMoreThanTheThresholdIsNamed() {
        List<RegressionSuite.Figure> now = List.of(
                new RegressionSuite.Figure("a", 1.70, "x", 1, 1.7),     // 15% below 2.0: at the threshold, passes
                new RegressionSuite.Figure("b", 1.60, "x", 1, 1.6),     // 20% below 2.0: fails
                new RegressionSuite.Figure("c", 3.00, "x", 1, 3.0));    // better than its baseline
        List<String> r = RegressionSuite.compare(Map.of("a", 2.0, "b", 2.0, "c", 2.5), now, 0.15);
        assertEquals(List.of("b: ratio 1.60 is 20% below the baseline's 2.00 (threshold 15%)"), r);
        assertFalse(RegressionSuite.compare(Map.of("a", 2.0), now, 0.15).iterator().hasNext());
    }

    private static String topLevel(Path file, String field) throws Exception {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals(field)) {
                    return p.getText();
                }
                p.skipChildren();
            }
        }
        return null;
    }
}
