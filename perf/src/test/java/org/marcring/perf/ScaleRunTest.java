package org.marcring.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScaleRunTest {
    private static ScaleRun.Row row(String size, double recordsPerSecond, long liveMb) {
        return new ScaleRun.Row(size, 1, 1, 1, recordsPerSecond, liveMb * 2_000_000, liveMb * 1_000_000, null);
    }

    @Test
    void flatThroughputAndHeapPass() {
        assertEquals(List.of(), ScaleRun.check(List.of(row("10mb", 100_000, 20), row("100mb", 90_000, 25),
                row("1g", 80_000, 30)), 0.25, 16e6));
    }

    @Test
    void aSizeTooSlowOrTooHungryIsNamed() {
        List<String> failures = ScaleRun.check(List.of(row("10mb", 100_000, 20), row("100mb", 74_000, 20),
                row("1g", 100_000, 37)), 0.25, 16e6);
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("100mb: 74,000 records/s is 26% below"), failures.get(0));
        assertTrue(failures.get(1).startsWith("1g: live heap 37.0 MB"), failures.get(1));
    }

    @Test
    void aFailedChildFailsTheRun() {
        List<String> failures = ScaleRun.check(List.of(row("10mb", 100_000, 20),
                new ScaleRun.Row("1g", 1, 0, 0, 0, 0, 0, "exit status 1: java.lang.OutOfMemoryError")), 0.25, 16e6);
        assertEquals(List.of("1g: the run failed: exit status 1: java.lang.OutOfMemoryError"), failures);
    }
}
