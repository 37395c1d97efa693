package org.marcring.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The measurements of one run as a table: each with records/s and MB/s derived from its input's record
 * count and size, and, for marcring, its speed relative to marc4j doing the same work on the same input
 * in the same run ({@code marc4j time / marcring time}: 2.0 means twice as fast).
 */
public final class ResultTable {
    private final List<Measurement> measurements;

    /** A table of {@code measurements}, in the order given. */
    public ResultTable(List<Measurement> measurements) {
        this.measurements = List.copyOf(measurements);
    }

    /** The measurements. */
    public List<Measurement> measurements() {
        return measurements;
    }

    /**
     * How many times faster marcring was than marc4j for {@code m}, or NaN where {@code m} is not a marcring
     * measurement or marc4j has no counterpart in this run.
     */
    public double ratioToMarc4j(Measurement m) {
        String other = m.marc4jCounterpart();
        if (other == null) {
            return Double.NaN;
        }
        for (Measurement c : measurements) {
            if (c.benchmark().equals(m.benchmark()) && c.method().equals(other) && c.input().equals(m.input())) {
                return c.msPerOp() / m.msPerOp();
            }
        }
        return Double.NaN;
    }

    /** The table as text, one line per measurement. */
    public String format() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "input", "ms/op", "records/s", "MB/s", "vs marc4j"});
        for (Measurement m : measurements) {
            double ratio = ratioToMarc4j(m);
            rows.add(new String[] {
                m.name(),
                m.input(),
                String.format(Locale.ROOT, "%.3f", m.msPerOp())
                        + (Double.isNaN(m.error()) ? "" : String.format(Locale.ROOT, " ± %.3f", m.error())),
                String.format(Locale.ROOT, "%,.0f", m.recordsPerSecond()),
                String.format(Locale.ROOT, "%.1f", m.megabytesPerSecond()),
                Double.isNaN(ratio) ? (m.isMarcring() ? "n/a" : "") : String.format(Locale.ROOT, "%.2fx", ratio),
            });
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                boolean left = i < 2;
                String cell = row[i];
                String pad = " ".repeat(width[i] - cell.length());
                sb.append(left ? cell + pad : pad + cell).append(i + 1 < row.length ? "  " : "");
            }
            sb.append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                sb.append("-".repeat(total - 2)).append('\n');
            }
        }
        return sb.append("MB = 10^6 bytes; vs marc4j = marc4j time / marcring time on the same input in this run\n")
                .toString();
    }

    /** Writes the table as JSON: {@code {"jvm": …, "results": [{benchmark, method, input, …}]}}. */
    public void writeJson(Writer out, String jvm, String timestamp) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("timestamp", timestamp);
            g.writeStringField("jvm", jvm);
            g.writeStringField("unit", "ms/op; MB = 10^6 bytes");
            g.writeArrayFieldStart("results");
            for (Measurement m : measurements) {
                g.writeStartObject();
                g.writeStringField("benchmark", m.benchmark());
                g.writeStringField("method", m.method());
                g.writeStringField("input", m.input());
                g.writeNumberField("inputRecords", m.inputRecords());
                g.writeNumberField("inputBytes", m.inputBytes());
                g.writeNumberField("msPerOp", m.msPerOp());
                if (!Double.isNaN(m.error())) {
                    g.writeNumberField("error", m.error());
                }
                g.writeNumberField("recordsPerSecond", Math.round(m.recordsPerSecond()));
                g.writeNumberField("megabytesPerSecond", Math.round(m.megabytesPerSecond() * 10) / 10.0);
                double ratio = ratioToMarc4j(m);
                if (!Double.isNaN(ratio)) {
                    g.writeNumberField("ratioToMarc4j", Math.round(ratio * 100) / 100.0);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
