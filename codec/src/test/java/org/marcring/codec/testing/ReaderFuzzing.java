package org.marcring.codec.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.marcring.codec.Field;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;

/**
 * The property every fuzzed reader must keep: reading any bytes ends, each step gives a record (perhaps
 * with errors) or a documented {@link MarcException}, records stay within the limits of the options, and
 * the reader's count matches what it handed out. Any other exception escapes to the fuzzer as a finding.
 */
public final class ReaderFuzzing {
    /** Small limits, so that inputs a fuzzer makes can reach them. */
    public static final ReadOptions SMALL = ReadOptions.defaults().withMaxRecordBytes(8192).withMaxFields(200)
            .withRejectsThrown();

    private ReaderFuzzing() {
    }

    /**
     * Reads {@code reader} to its end (closing it), checking the property for an input of {@code inputLength}
     * bytes.
     *
     * @return {records, rejects}
     */
    public static long[] drain(MarcReader reader, int inputLength, ReadOptions options) {
        long records = 0;
        long rejects = 0;
        try (reader) {
            while (true) {
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    check(reader.next(), options);
                    records++;
                } catch (MarcException e) {
                    assertNotNull(e.getMessage(), "a reject says what is wrong");
                    rejects++;
                }
                assertTrue(records + rejects <= inputLength + 1L,
                        "reading ends: " + records + " records and " + rejects + " rejects from " + inputLength + " bytes");
            }
            assertEquals(records, reader.recordsRead(), "recordsRead counts the records handed out");
        } catch (MarcException e) {
            rejects++;       // closing may report a fault at the end of the input
        }
        return new long[] {records, rejects};
    }

    /** Opens with {@code opener}, where opening itself may be refused with a {@link MarcException}. */
    public static long[] openAndDrain(java.util.function.Supplier<MarcReader> opener, int inputLength, ReadOptions options) {
        MarcReader reader;
        try {
            reader = opener.get();
        } catch (MarcException e) {
            assertNotNull(e.getMessage());
            return new long[] {0, 1};
        }
        return drain(reader, inputLength, options);
    }

    private static void check(MarcRecord r, ReadOptions options) {
        assertNotNull(r, "no null record");
        assertNotNull(r.leader(), "every record has a leader");
        assertTrue(r.fields().size() <= options.maxFields(), "at most maxFields fields: " + r.fields().size());
        for (Field f : r.fields()) {
            assertNotNull(f.tag(), "every field has a tag");
        }
        if (options.isStrict()) {
            // strict mode refuses what lost or changed data; harmless repairs (warnings) may remain
            assertTrue(r.errors().stream().noneMatch(e -> e.severity().compareTo(MarcError.Severity.ERROR) >= 0),
                    "a record read strictly has no error that lost data: " + r.errors());
        }
    }
}
