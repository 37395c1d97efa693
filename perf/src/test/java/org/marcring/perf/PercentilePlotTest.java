package org.marcring.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PercentilePlotTest {

    /** 1 to 10,000 µs, once each, recorded in nanoseconds: the median is 5,000 µs, the 99th percentile 9,900. */
    private static Histogram uniform(int scale) {
        Histogram h = new Histogram(3);
        for (int us = 1; us <= 10_000; us++) {
            h.recordValue(us * 1000L * scale);
        }
        return h;
    }

    @Test
    void percentileAxisIsLogarithmicInTheTail() {
        PercentilePlot plot = new PercentilePlot("t", List.of(new PercentilePlot.Series("a", uniform(1))), 1000, "µs");
        double step = plot.x(90) - plot.x(0);
        assertEquals(step, plot.x(99) - plot.x(90), 1e-9);
        assertEquals(step, plot.x(99.9) - plot.x(99), 1e-9);
        assertEquals(step, plot.x(99.99) - plot.x(99.9), 1e-9);
        assertEquals(Math.log10(2) * step, plot.x(50) - plot.x(0), 1e-9);
    }

    @Test
    void curvesPassThroughTheHistogramsPercentiles() throws Exception {
        PercentilePlot plot = new PercentilePlot("latency <test>", List.of(
                new PercentilePlot.Series("slow & steady", uniform(2)),
                new PercentilePlot.Series("fast", uniform(1))), 1000, "µs");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(plot.svg().getBytes(StandardCharsets.UTF_8)));
        NodeList lines = svg.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength());
        List<String> texts = new ArrayList<>();
        NodeList t = svg.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        assertTrue(texts.containsAll(List.of("latency <test>", "slow & steady", "fast", "50%", "90%", "99%",
                "99.9%", "99.99%", "percentile", "latency (µs)")), texts.toString());
        // the fast curve at the median: about 5,000 µs; the slow one about 10,000 µs
        assertEquals(plot.y(5_000_000), yAt(lines.item(1), plot.x(50)), 2.0);
        assertEquals(plot.y(10_000_000), yAt(lines.item(0), plot.x(50)), 2.0);
        assertEquals(plot.y(9_900_000), yAt(lines.item(1), plot.x(99)), 2.0);
    }

    /** The y of the drawn curve at {@code x}, between the points either side. */
    private static double yAt(org.w3c.dom.Node polyline, double x) {
        String[] points = ((Element) polyline).getAttribute("points").split(" ");
        for (int i = 1; i < points.length; i++) {
            String[] a = points[i - 1].split(",");
            String[] b = points[i].split(",");
            double x0 = Double.parseDouble(a[0]);
            double x1 = Double.parseDouble(b[0]);
            if (x0 <= x && x <= x1 && x1 > x0) {
                double y0 = Double.parseDouble(a[1]);
                double y1 = Double.parseDouble(b[1]);
                return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
            }
        }
        throw new AssertionError("the curve does not reach x=" + x);
    }

    @Test
    void latencyAxisEndsAtTheFirstTickAboveTheHighestValue() {
        Histogram h = new Histogram(3);
        h.recordValue(272_000_000L); // 272,000 µs: ticks every 100,000, top at 300,000
        PercentilePlot plot = new PercentilePlot("t", List.of(new PercentilePlot.Series("a", h)), 1000, "µs");
        assertEquals(PercentilePlot.TOP, plot.y(300_000_000L), 1e-9);
        assertEquals(PercentilePlot.HEIGHT - PercentilePlot.BOTTOM, plot.y(0), 1e-9);
        assertTrue(plot.svg().contains(">300,000</text>"));
        assertFalse(plot.svg().contains(">400,000</text>"));
    }

    @Test
    void niceCeilingRoundsUpToOneTwoOrFive() {
        assertEquals(1, PercentilePlot.niceCeiling(0.7), 1e-12);
        assertEquals(200, PercentilePlot.niceCeiling(130), 1e-9);
        assertEquals(500, PercentilePlot.niceCeiling(201), 1e-9);
        assertEquals(1000, PercentilePlot.niceCeiling(1000), 1e-9);
        assertEquals("99.99%", PercentilePlot.percentileLabel(99.99));
        assertEquals("50%", PercentilePlot.percentileLabel(50));
    }
}
