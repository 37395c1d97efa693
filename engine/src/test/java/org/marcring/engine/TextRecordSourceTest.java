package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.marcring.codec.ControlField;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;

/** Line and blank-line framing for the text formats, through the whole pipeline, with a stand-in decoder. */
class TextRecordSourceTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    /** A stand-in for a format decoder: the record's text goes into a 001; "BAD" makes it fail. */
    static RecordParser textParser() {
        return slot -> {
            String text = new String(slot.raw(), 0, slot.rawLength(), StandardCharsets.UTF_8);
            if (text.contains("BAD")) {
                throw new MarcFormatException(slot.ordinal(), slot.byteOffset(), "bad text", slot.copyOfRaw());
            }
            return MarcRecord.builder().addField(ControlField.of("001", text)).build();
        };
    }

    private static List<String> run(byte[] input, TextRecordSource.Framing framing, int chunk, int parsers,
                                     List<RejectedRecord> rejects, ReadOptions options) {
        List<String> out = new ArrayList<>();
        PipelineResult r = Pipeline.builder()
                .source(TextRecordSource.of(new PipelineStressTest.ChunkedStream(input, chunk, chunk), framing,
                        options, TextRecordSourceTest::textParser))
                .parsers(parsers).ringSize(8)
                .sink(rec -> out.add(rec.controlNumber()))
                .errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
        assertEquals(out.size() + rejects.size(), r.recordsRead());
        assertEquals(input.length, r.bytesIn());
        return out;
    }

    @Test
    void oneRecordPerLineSkippingBlankLinesWithOffsets() {
        assertTimeoutPreemptively(LIMIT, () -> {
            String text = "{\"a\":1}\n\n  \r\n{\"b\":2}\r\n{BAD}\n{\"c\":3}";
            byte[] input = text.getBytes(StandardCharsets.UTF_8);
            for (int chunk : new int[] {1, 3, 1000}) {
                List<RejectedRecord> rejects = new ArrayList<>();
                List<String> records = run(input, TextRecordSource.Framing.LINES, chunk, 2, rejects,
                        ReadOptions.defaults());
                assertEquals(List.of("{\"a\":1}", "{\"b\":2}", "{\"c\":3}"), records);
                assertEquals(1, rejects.size());
                assertEquals(2, rejects.get(0).ordinal());
                assertEquals(text.indexOf("{BAD}"), rejects.get(0).byteOffset());
                assertEquals("{BAD}", new String(rejects.get(0).rawBytes(), StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void recordsSeparatedByBlankLines() {
        assertTimeoutPreemptively(LIMIT, () -> {
            String one = "=LDR  00000nam  2200000   4500\n=001  one\n=245  10$aFirst";
            String two = "=LDR  00000nam  2200000   4500\r\n=001  two";
            String text = "\n\n" + one + "\n\n   \n" + two + "\r\n\r\n";
            byte[] input = text.getBytes(StandardCharsets.UTF_8);
            for (int chunk : new int[] {1, 7, 1000}) {
                List<RejectedRecord> rejects = new ArrayList<>();
                List<String> records = run(input, TextRecordSource.Framing.BLANK_LINES, chunk, 3, rejects,
                        ReadOptions.defaults());
                assertEquals(List.of(one, two), records);
                assertEquals(List.of(), rejects);
            }
        });
    }

    @Test
    void aLineOverTheSizeLimitIsRejectedInPieces() {
        assertTimeoutPreemptively(LIMIT, () -> {
            String text = "short\n" + "x".repeat(150) + "\nafter\n";
            List<RejectedRecord> rejects = new ArrayList<>();
            List<String> records = run(text.getBytes(StandardCharsets.US_ASCII), TextRecordSource.Framing.LINES,
                    16, 1, rejects, ReadOptions.defaults().withMaxRecordBytes(100));
            assertEquals(List.of("short", "after"), records);
            assertEquals(2, rejects.size(), "the run comes out in two pieces, both rejected");
            assertEquals(6, rejects.get(0).byteOffset());
            assertEquals(100, rejects.get(0).rawBytes().length);
            assertEquals(106, rejects.get(1).byteOffset());
            assertEquals(50, rejects.get(1).rawBytes().length);
            assertEquals(RejectedRecord.Stage.DECODE, rejects.get(1).stage());
        });
    }

    @Test
    void randomTextsKeepEveryLineInOrder() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Random random = new Random(42);
            for (int run = 0; run < 50; run++) {
                List<String> expected = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                int n = random.nextInt(200);
                for (int i = 0; i < n; i++) {
                    String line = "{\"n\":" + i + ",\"pad\":\"" + "p".repeat(random.nextInt(300)) + "\"}";
                    expected.add(line);
                    text.append(line).append(random.nextBoolean() ? "\n" : "\r\n");
                    if (random.nextInt(5) == 0) {
                        text.append("\n");
                    }
                }
                List<RejectedRecord> rejects = new ArrayList<>();
                List<String> records = run(text.toString().getBytes(StandardCharsets.UTF_8),
                        TextRecordSource.Framing.LINES, 1 + random.nextInt(500), 1 + random.nextInt(4), rejects,
                        ReadOptions.defaults());
                assertEquals(expected, records, "run " + run);
            }
            Fixtures.assertNoEngineThreads();
        });
    }
}
