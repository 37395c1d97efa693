package org.marcring.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Draws latency percentile curves as an SVG image, the way HdrHistogram's plotter does: the percentile
 * axis is logarithmic in {@code 1 / (1 - percentile)}, so 90%, 99%, 99.9% and 99.99% are equally spaced
 * and the tail gets as much room as the body; the latency axis is linear from zero. One curve per series,
 * with a legend.
 */
public final class PercentilePlot {
    /** One curve: a label for the legend and the histogram it is drawn from. */
    public record Series(String label, Histogram histogram) {
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    static final int WIDTH = 820;
    static final int HEIGHT = 520;
    static final int LEFT = 80;
    static final int RIGHT = 30;
    static final int TOP = 50;
    static final int BOTTOM = 60;

    private final String title;
    private final List<Series> series;
    private final double unitRatio;
    private final String unit;
    private final int decades;
    private final double yStep;
    private final double yMax;

    /**
     * @param title     the heading
     * @param series    the curves (values as recorded)
     * @param unitRatio recorded values per plotted unit, e.g. 1000 for nanoseconds plotted in microseconds
     * @param unit      the plotted unit's name, e.g. {@code µs}
     */
    public PercentilePlot(String title, List<Series> series, double unitRatio, String unit) {
        this.title = title;
        this.unitRatio = unitRatio;
        this.unit = unit;
        long maxCount = 1;
        double max = 0;
        for (Series s : series) {
            maxCount = Math.max(maxCount, s.histogram().getTotalCount());
            max = Math.max(max, s.histogram().getMaxValue() / unitRatio);
        }
        // as far into the tail as the largest series has records: 1,000 records reach 99.9%
        this.decades = (int) Math.max(2, Math.min(6, Math.ceil(Math.log10(maxCount))));
        this.yStep = niceCeiling(max / 5);
        this.yMax = yStep * Math.max(1, Math.ceil(max / yStep - 1e-9));
        this.series = List.copyOf(series);
    }

    /** The image. */
    public String svg() {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(sb, WIDTH / 2.0, 28, "middle", 16, title);
        // grid and ticks: percentile axis
        for (int d = 0; d <= decades; d++) {
            tick(sb, d == 0 ? 0 : 100 - 100 / Math.pow(10, d));
        }
        tick(sb, 50);
        for (double v : yTicks()) {
            double y = y(v * unitRatio);
            line(sb, LEFT, y, WIDTH - RIGHT, y, "#dddddd");
            text(sb, LEFT - 6, y + 4, "end", 12, format(v));
        }
        line(sb, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "black");
        line(sb, LEFT, TOP, LEFT, HEIGHT - BOTTOM, "black");
        text(sb, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, HEIGHT - 15, "middle", 13, "percentile");
        sb.append("<text x=\"18\" y=\"").append(TOP + (HEIGHT - TOP - BOTTOM) / 2).append("\" text-anchor=\"middle\" "
                + "font-size=\"13\" transform=\"rotate(-90 18 ").append(TOP + (HEIGHT - TOP - BOTTOM) / 2)
                .append(")\">").append(escape("latency (" + unit + ")")).append("</text>\n");
        // curves
        for (int i = 0; i < series.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
            for (double[] p : points(series.get(i).histogram())) {
                sb.append(num(x(p[0]))).append(',').append(num(y(p[1]))).append(' ');
            }
            sb.setLength(sb.length() - 1);
            sb.append("\"/>\n");
            double ly = TOP + 18 + 18 * i;
            line(sb, LEFT + 15, ly - 4, LEFT + 40, ly - 4, colour, 3);
            text(sb, LEFT + 46, ly, "start", 12, series.get(i).label());
        }
        return sb.append("</svg>\n").toString();
    }

    /** The (percentile, value) points of a histogram's curve, as HdrHistogram's percentile output lists them. */
    static List<double[]> points(Histogram h) {
        List<double[]> points = new ArrayList<>();
        if (h.getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue v : h.percentiles(5)) {
            points.add(new double[] {v.getPercentileLevelIteratedTo(), h.highestEquivalentValue(v.getValueIteratedTo())});
        }
        return points;
    }

    /** Horizontal position of a percentile (0 to 100), logarithmic in 1 / (1 - p). */
    double x(double percentile) {
        double q = percentile / 100;
        double decade = q >= 1 ? decades : Math.min(decades, Math.log10(1 / (1 - q)));
        return LEFT + decade / decades * (WIDTH - LEFT - RIGHT);
    }

    /** Vertical position of a recorded value. */
    double y(double value) {
        double v = Math.min(value / unitRatio, yMax);
        return HEIGHT - BOTTOM - v / yMax * (HEIGHT - TOP - BOTTOM);
    }

    private void tick(StringBuilder sb, double percentile) {
        double x = x(percentile);
        line(sb, x, TOP, x, HEIGHT - BOTTOM, "#dddddd");
        text(sb, x, HEIGHT - BOTTOM + 18, "middle", 12, percentileLabel(percentile));
    }

    static String percentileLabel(double percentile) {
        String s = String.format(Locale.ROOT, "%.6f", percentile).replaceFirst("0+$", "").replaceFirst("\\.$", "");
        return s + "%";
    }

    private List<Double> yTicks() {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * yStep <= yMax * 1.0001; i++) {
            ticks.add(i * yStep);
        }
        return ticks;
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code v}. */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v * 0.999999) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static void line(StringBuilder sb, double x1, double y1, double x2, double y2, String colour) {
        line(sb, x1, y1, x2, y2, colour, 1);
    }

    private static void line(StringBuilder sb, double x1, double y1, double x2, double y2, String colour, int w) {
        sb.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(w).append("\"/>\n");
    }

    private static void text(StringBuilder sb, double x, double y, String anchor, int size, String text) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(size).append("\">").append(escape(text))
                .append("</text>\n");
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
