package org.marcring.perf;

/**
 * One benchmark result: the time one operation (a pass over a whole input file) took on average.
 *
 * @param benchmark    the benchmark class's simple name, e.g. {@code DecodeBenchmark}
 * @param method       the benchmark method, e.g. {@code marcringStrict}
 * @param input        the input file's name
 * @param msPerOp      milliseconds per operation
 * @param error        the 99.9% confidence half-interval in milliseconds (NaN where there were too few samples)
 * @param inputRecords records in the input file
 * @param inputBytes   bytes in the input file
 */
public record Measurement(String benchmark, String method, String input, double msPerOp, double error,
                          long inputRecords, long inputBytes) {

    /** The prefix of methods that measure marcring; the same method with {@value #MARC4J} measures marc4j. */
    public static final String MARCRING = "marcring";
    /** The prefix of methods that measure marc4j. */
    public static final String MARC4J = "marc4j";

    /** Records per second. */
    public double recordsPerSecond() {
        return inputRecords / (msPerOp / 1000.0);
    }

    /** Megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() {
        return inputBytes / 1e6 / (msPerOp / 1000.0);
    }

    /** Whether this measures marcring. */
    public boolean isMarcring() {
        return method.startsWith(MARCRING);
    }

    /** The method that measures marc4j doing the same work: {@code marcringStrict} → {@code marc4jStrict}. */
    public String marc4jCounterpart() {
        return isMarcring() ? MARC4J + method.substring(MARCRING.length()) : null;
    }

    /** {@code DecodeBenchmark.marcringStrict}. */
    public String name() {
        return benchmark + "." + method;
    }
}
