package org.marcring.codec.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * With a 256 MiB heap, inputs far larger than it end with an error naming the limit they hit, never an
 * {@link OutOfMemoryError}: each runs in a child JVM started with {@code -Xmx256m}
 * ({@link BoundedMemoryScenarios}), the inputs made on the fly, never on disk.
 */
class BoundedMemoryTest {

    @Test
    void aMarcXmlTextNodeOfOneGibibyteIsRefusedAtTheRecordSizeLimit() throws Exception {
        List<String> out = runWithSmallHeap("xml-1g-text-node");
        assertTrue(out.contains("RECORDS 0 REJECTS 1"), out.toString());
        assertTrue(has(out, "ERROR record 1 at byte 51: ", "record longer than 16777216 bytes"), out.toString());
    }

    @Test
    void marcXmlNestedTenMillionDeepIsRefusedAtTheNestingLimit() throws Exception {
        List<String> out = runWithSmallHeap("xml-deep-nesting");
        assertTrue(has(out, "ERROR record 1 at byte 51: ", "depth of \"65\" that exceeds the limit \"64\""), out.toString());
    }

    @Test
    void sixtyThousandMarcXmlRecordsAreReadInBoundedMemory() throws Exception {
        // each record is parsed alone; a parser reset from the last one kept every document (8 KB a record)
        List<String> out = runWithSmallHeap("xml-many-records");
        assertTrue(out.contains("RECORDS 60000 REJECTS 0"), out.toString());
    }

    @Test
    void sixtyThousandMarcJsonRecordsAreReadInBoundedMemory() throws Exception {
        List<String> out = runWithSmallHeap("json-many-records");
        assertTrue(out.contains("RECORDS 60001 REJECTS 0"), out.toString());
    }

    @Test
    void aJsonRecordWithAMillionFieldsIsRefusedAtTheFieldLimit() throws Exception {
        List<String> out = runWithSmallHeap("json-million-fields");
        assertTrue(out.contains("RECORDS 0 REJECTS 1"), out.toString());
        assertTrue(has(out, "ERROR record 1 at byte 0: ", "more than 100000 fields"), out.toString());
    }

    @Test
    void aJsonRecordOfManyLargeValuesIsRefusedAtTheRecordSizeLimitAndTheNextIsRead() throws Exception {
        // 100 values of 8 MiB: each within the limit, together 800 MiB
        List<String> out = runWithSmallHeap("json-large-values");
        assertTrue(out.contains("RECORDS 1 REJECTS 1"), out.toString());
        assertTrue(has(out, "ERROR record 1 at byte 1: ", "record longer than the limit of 16777216 bytes"), out.toString());
    }

    @Test
    void jsonNestedTenMillionDeepIsRefusedAtTheNestingLimit() throws Exception {
        List<String> out = runWithSmallHeap("json-deep-nesting");
        assertTrue(has(out, "ERROR record 1 at byte 0: ", "nesting depth (65) exceeds the maximum allowed (64"), out.toString());
    }

    @Test
    void aGigabyteOfRecordLengthsThatLieIsOneRejectedRunSkippedInBoundedMemory() throws Exception {
        List<String> out = runWithSmallHeap("iso-many-lies");
        long size = 10_000L * 99_999;
        assertTrue(out.contains("RECORDS 0 REJECTS 1"), out.toString());
        assertTrue(has(out, "ERROR record 1 at byte 0: ", "a run of " + size + " bytes from input byte 0 to " + size),
                out.toString());
    }

    @Test
    void aGzipBombGivenToTheDetectingReaderIsOneRejectedRun() throws Exception {
        List<String> out = runWithSmallHeap("gzip-bomb");
        // 256 MiB of the digit 9: one run without a record terminator, skipped to the end of the input
        assertTrue(out.contains("RECORDS 0 REJECTS 1"), out.toString());
        assertTrue(has(out, "ERROR record 1 at byte 0: ", "a run of " + (256L << 20) + " bytes"), out.toString());
    }

    private static boolean has(List<String> lines, String prefix, String part) {
        return lines.stream().anyMatch(l -> l.startsWith(prefix) && l.contains(part));
    }

    /** Runs a scenario in a child JVM with a 256 MiB heap; its output lines (it must exit 0 within 60 s). */
    private static List<String> runWithSmallHeap(String scenario) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), BoundedMemoryScenarios.class.getName(), scenario)
                .redirectErrorStream(true).start();
        byte[] output;
        try {
            output = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), scenario + " ends within 60 s");
        } finally {
            p.destroyForcibly();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), scenario + " exits normally, not out of memory:\n" + text);
        return text.lines().toList();
    }
}
