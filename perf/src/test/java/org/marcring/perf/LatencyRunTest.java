package org.marcring.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** A very short latency run: its files are there, and the interval logs add up to the distributions. */
class LatencyRunTest {

    @Test
    void writesDistributionsLogsAndPlot(@TempDir Path out) throws Exception {
        BenchInput in = BenchFiles.load("synthetic-1mb.mrc");
        String summary = LatencyRun.run(in, in.records(), List.of(10, 50), 0.5, 2, 100, out);
        assertTrue(summary.contains("10%") && summary.contains("50%"), summary);
        for (int rate : new int[] {10, 50}) {
            String hgrm = Files.readString(out.resolve("rate-" + rate + ".hgrm"));
            Matcher total = Pattern.compile("Total count\\s*=\\s*(\\d+)").matcher(hgrm);
            assertTrue(total.find(), hgrm);
            long count = Long.parseLong(total.group(1));
            assertTrue(count > 0);
            long logged = 0;
            HistogramLogReader reader = new HistogramLogReader(new File(out.resolve("rate-" + rate + ".hlog").toString()));
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                logged += ((org.HdrHistogram.Histogram) h).getTotalCount();
            }
            assertEquals(count, logged, "the intervals of rate " + rate + " add up to its distribution");
        }
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("latency.svg").toFile());
        assertEquals(2, svg.getElementsByTagName("polyline").getLength());
        assertEquals(summary, Files.readString(out.resolve("summary.txt")));
    }

    @Test
    void aWarmUpRunIsNotRecorded(@TempDir Path out) throws Exception {
        BenchInput in = BenchFiles.load("synthetic-1mb.mrc");
        double seconds = 0.5;
        String summary = LatencyRun.run(in, in.records(), List.of(20), seconds, 0.4, 2, 100, out);
        assertTrue(summary.contains("0.4 s paced warm-up"), summary);
        Matcher row = Pattern.compile("\\s+20%\\s+(\\d+)").matcher(summary);
        assertTrue(row.find(), summary);
        double offered = Double.parseDouble(row.group(1));
        String hgrm = Files.readString(out.resolve("rate-20.hgrm"));
        Matcher total = Pattern.compile("Total count\\s*=\\s*(\\d+)").matcher(hgrm);
        assertTrue(total.find(), hgrm);
        long count = Long.parseLong(total.group(1));
        // the measured run's records only: a recorded warm-up would add 0.4 s worth of them
        assertEquals(offered * seconds, count, 1.0 + offered * seconds * 0.001, summary);
    }
}
