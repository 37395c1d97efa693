package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.testing.GarbageBetweenRecords;

/**
 * The engine numbers records as the library does: the same record of the same damaged input has the same
 * ordinal and the same number in its message through the {@link Pipeline}, the {@link ParallelReader} and the
 * codec's {@link Iso2709Reader}; garbage between records is counted apart (regions and bytes skipped), not as
 * records read or rejected, and still reaches the error policy with its bytes.
 */
class RecordNumberingTest {
    private static final GarbageBetweenRecords INPUT = GarbageBetweenRecords.make(7);

    /** What the library's sequential reader reports, in order: each reject's and skip's message. */
    private static List<String> libraryMessages() {
        List<String> messages = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.of(INPUT.bytes(), ReadOptions.defaults())) {
            reader.onReject(e -> messages.add(e.getMessage()));
            reader.forEachRemaining(r -> { });
        }
        return messages;
    }

    @ParameterizedTest(name = "{0} parser thread(s)")
    @ValueSource(ints = {1, 3})
    void thePipelineReadsTwoThousandRecordsAndCountsTheGarbageApart(int parsers) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<RejectedRecord> reported = new ArrayList<>();
            ByteArrayOutputStream rejects = new ByteArrayOutputStream();
            PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(INPUT.bytes()))
                    .parsers(parsers).ringSize(16).sink(new ByteArrayOutputStream(), Iso2709Encoder::new)
                    .errorPolicy(record -> {
                        reported.add(record);
                        rejects.writeBytes(record.rawBytes());
                    }).build().run();
            assertEquals(GarbageBetweenRecords.RECORDS, r.recordsRead(), r.toString());
            assertEquals(GarbageBetweenRecords.RECORDS - 1, r.recordsWritten());
            assertEquals(1, r.recordsRejected());
            assertEquals(GarbageBetweenRecords.REGIONS, r.regionsSkipped());
            assertEquals(INPUT.garbageBytes(), r.bytesSkipped());
            assertTrue(r.isBalanced());

            // the same messages, in the same order, as the library's reader
            List<String> library = libraryMessages();
            assertEquals(library.size(), reported.size());
            for (int k = 0; k < reported.size(); k++) {
                RejectedRecord rec = reported.get(k);
                if (rec.isSkippedBytes()) {
                    assertEquals(library.get(k), rec.message());
                } else {
                    assertEquals(GarbageBetweenRecords.UNDECODABLE, rec.ordinal());
                    String number = "record " + (GarbageBetweenRecords.UNDECODABLE + 1) + " at byte "
                            + INPUT.undecodableOffset() + ": ";
                    assertTrue(library.get(k).startsWith(number), library.get(k));
                    assertTrue(rec.message().startsWith(number), rec.message());
                }
            }
            assertEquals(GarbageBetweenRecords.REGIONS, reported.stream().filter(RejectedRecord::isSkippedBytes).count());
            // nothing lost: the skipped bytes and the rejected record, exactly as in the input, in order
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            byte[] input = INPUT.bytes();
            for (RejectedRecord rec : reported) {
                expected.write(input, (int) rec.byteOffset(), rec.rawBytes().length);
            }
            assertArrayEquals(expected.toByteArray(), rejects.toByteArray());
        });
    }

    @ParameterizedTest(name = "{0} parser thread(s)")
    @ValueSource(ints = {1, 3})
    void theParallelReaderYieldsWhatTheSequentialReaderYieldsWithTheSameNumbers(int parsers) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<String> sequential = new ArrayList<>();
            long[] seqCounts;
            try (Iso2709Reader reader = Iso2709Reader.of(INPUT.bytes(), ReadOptions.defaults())) {
                reader.onReject(e -> sequential.add(describe(e)));
                reader.forEachRemaining(rec -> sequential.add(rec.controlNumber()));
                seqCounts = new long[] {reader.recordsRead(), reader.rejectedCount(), reader.regionsSkipped(),
                        reader.bytesSkipped()};
            }
            List<String> parallel = new ArrayList<>();
            try (ParallelReader reader = new ParallelReader(Iso2709Source.of(INPUT.bytes(),
                    ReadOptions.defaults()), parsers, 16, null)) {
                reader.onReject(e -> parallel.add(describe(e)));
                for (MarcRecord rec : reader) {
                    parallel.add(rec.controlNumber());
                }
                assertArrayEquals(seqCounts, new long[] {reader.recordsRead(), reader.rejectedCount(),
                        reader.regionsSkipped(), reader.bytesSkipped()});
            }
            assertEquals(sequential, parallel);
            assertEquals(GarbageBetweenRecords.RECORDS - 1, seqCounts[0]);
            assertEquals(GarbageBetweenRecords.REGIONS, seqCounts[2]);
        });
    }

    @ParameterizedTest(name = "{0} parser thread(s)")
    @ValueSource(ints = {1, 3})
    void aJsonValueThatIsNoRecordIsSkippedAndTheRecordsAfterItKeepTheirNumbers(int parsers) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            String leader = "\"leader\":\"00000nam a2200000 a 4500\"";
            String json = "[{" + leader + ",\"fields\":[{\"001\":\"a\"}]}, 42, [1, 2], {" + leader
                    + ",\"fields\":[{\"001\":\"b\"}]}, {" + leader + ",\"fields\":[{\"245\":{\"ind1\":\"1\","
                    + "\"ind2\":\"0\",\"subfields\":[{\"a\":\"T\"}]}}]}, \"stray\", {\"leader\":true}]";
            List<RejectedRecord> reported = new ArrayList<>();
            List<String> written = new ArrayList<>();
            PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(
                            json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), org.marcring.codec.io.MarcFormat.JSON)
                    .parsers(parsers).ringSize(8).sink(rec -> written.add(rec.controlNumber()))
                    .errorPolicy(reported::add).build().run();
            assertEquals(4, r.recordsRead(), r.toString());
            assertEquals(3, r.recordsWritten());
            assertEquals(1, r.recordsRejected(), "the object with no usable leader");
            assertEquals(3, r.regionsSkipped());
            assertEquals("42".length() + "[1, 2]".length() + "\"stray\"".length(), r.bytesSkipped());
            assertEquals(4, reported.size());
            assertEquals(List.of(true, true, true, false),
                    reported.stream().map(RejectedRecord::isSkippedBytes).toList());
            assertEquals(List.of(1L, 1L, 3L, 3L), reported.stream().map(RejectedRecord::ordinal).toList());
            assertTrue(reported.get(3).message().startsWith("record 4 at byte " + json.indexOf("{\"leader\":true}")),
                    reported.get(3).message());
            assertTrue(reported.get(0).message().startsWith("2 bytes skipped at byte " + json.indexOf("42")
                    + ", after record 1: "), reported.get(0).message());
        });
    }

    private static String describe(MarcFormatException e) {
        return (e instanceof SkippedBytesException ? "skipped " : "rejected ") + e.ordinal() + " " + e.getMessage();
    }
}
