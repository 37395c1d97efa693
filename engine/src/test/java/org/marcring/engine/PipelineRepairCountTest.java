package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcring.codec.MarcError;
import org.marcring.codec.iso2709.Iso2709Encoder;

/**
 * Records written after a repair are counted in {@link PipelineResult} and reported, in input order, to
 * {@link ErrorPolicy#repaired}: those whose repair lost data apart from those repaired harmlessly. Before
 * these counts, a record cut short by the end of the file or a field with data before its first subfield
 * delimiter was written with data dropped and nothing but the record itself said so.
 */
class PipelineRepairCountTest {
    private static final int RECORDS = 200;
    private static final int DATA_BEFORE_DELIMITER = 50;
    private static final int UPPER_CASE_CODE = 100;

    @ParameterizedTest(name = "{0} parser thread(s)")
    @ValueSource(ints = {1, 3})
    void countsAndReportsRepairedRecordsAndThoseWithDataDropped(int parsers) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            for (int i = 0; i < RECORDS; i++) {
                String f260 = i == DATA_BEFORE_DELIMITER ? "  lost words\u001faParis" : "  \u001faParis";
                String f245 = i == UPPER_CASE_CODE ? "10\u001fATitle " + i : "10\u001faTitle " + i;
                byte[] record = iso("001", Integer.toString(i), "245", f245, "260", f260, "500",
                        "  \u001fa" + "a long note ".repeat(20));
                if (i == RECORDS - 1) {
                    record = Arrays.copyOf(record, record.length - 150); // the file ends inside the last note
                }
                input.writeBytes(record);
            }
            List<RepairedRecord> reported = new ArrayList<>();
            ErrorPolicy policy = new ErrorPolicy() {
                @Override
                public void reject(RejectedRecord record) {
                    throw new AssertionError("nothing is to be rejected: " + record.message());
                }

                @Override
                public void repaired(RepairedRecord record) {
                    reported.add(record);
                }
            };
            PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(input.toByteArray()))
                    .parsers(parsers).ringSize(16).sink(new ByteArrayOutputStream(), Iso2709Encoder::new)
                    .errorPolicy(policy).build().run();

            assertEquals(RECORDS, r.recordsWritten(), r.toString());
            assertEquals(3, r.recordsRepaired(), r.toString());
            assertEquals(2, r.recordsWithDataDropped(), r.toString());
            assertEquals(List.of((long) DATA_BEFORE_DELIMITER, (long) UPPER_CASE_CODE, (long) RECORDS - 1),
                    reported.stream().map(RepairedRecord::ordinal).toList(), "in input order");
            assertEquals(List.of(true, false, true), reported.stream().map(RepairedRecord::dataDropped).toList());
            assertEquals(List.of("50", "100", "199"), reported.stream().map(RepairedRecord::controlNumber).toList());
            RepairedRecord dropped = reported.get(0);
            assertTrue(dropped.errors().stream().anyMatch(e -> e.severity() == MarcError.Severity.ERROR
                    && "260".equals(e.tag()) && e.message().contains("lost words")), dropped.errors().toString());
            long offset = 0;
            for (int i = 0; i < DATA_BEFORE_DELIMITER; i++) {
                offset += Integer.parseInt(new String(input.toByteArray(), (int) offset, 5, StandardCharsets.US_ASCII));
            }
            assertEquals(offset, dropped.byteOffset());
        });
    }

    /** An ISO 2709 record of the given tag/value pairs, built byte by byte (no encoder repairs anything). */
    private static byte[] iso(String... tagsAndValues) {
        return org.marcring.codec.testing.Fixtures.isoRecord(tagsAndValues);
    }
}
