package org.marcring.codec.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.ReadOptions;

/**
 * Every reader enforces {@link ReadOptions#maxFields()} and {@link ReadOptions#maxRecordBytes()}: a record over
 * a limit is refused with a message naming the limit, and the records around it are read.
 */
class LimitsInEveryReaderTest {

    /** A record with a control number and {@code fields - 1} notes of {@code noteLength} characters. */
    private static MarcRecord record(String id, int fields, int noteLength) {
        MarcRecord.Builder b = MarcRecord.builder().leader("00000nam a2200000 a 4500").controlField("001", id);
        for (int i = 1; i < fields; i++) {
            b.dataField("500", ' ', ' ', "a", (char) ('a' + i % 26) + "n".repeat(noteLength - 1));
        }
        return b.build();
    }

    private static List<String> readAll(MarcFormat format, ReadOptions options, MarcRecord... records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MarcWriter w = MarcFormats.openWriter(bytes, format)) {
            for (MarcRecord r : records) {
                w.write(r);
            }
        }
        List<String> seen = new ArrayList<>();
        try (MarcReader reader = MarcFormats.openReader(new ByteArrayInputStream(bytes.toByteArray()), format, options)) {
            while (true) {
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    seen.add(reader.next().controlNumber());
                } catch (MarcException e) {
                    seen.add("REJECT " + e.getMessage());
                }
            }
        }
        return seen;
    }

    @ParameterizedTest
    @EnumSource(value = MarcFormat.class, names = {"ISO2709", "MARCXML", "JSON", "NDJSON", "MRK", "MRK8"})
    void aRecordWithMoreFieldsThanTheLimitIsRefused(MarcFormat format) {
        List<String> seen = readAll(format, ReadOptions.defaults().withRejectsThrown().withMaxFields(10),
                record("a", 10, 10), record("b", 11, 10), record("c", 3, 10));
        assertEquals(3, seen.size(), seen.toString());
        assertEquals("a", seen.get(0));
        assertTrue(seen.get(1).startsWith("REJECT") && seen.get(1).contains("10"), seen.toString());
        assertTrue(seen.get(1).contains("fields"), seen.toString());
        assertEquals("c", seen.get(2));
    }

    @ParameterizedTest
    @EnumSource(value = MarcFormat.class, names = {"ISO2709", "MARCXML", "JSON", "NDJSON", "MRK", "MRK8"})
    void aRecordLargerThanTheLimitIsRefused(MarcFormat format) {
        List<String> seen = readAll(format, ReadOptions.defaults().withRejectsThrown().withMaxRecordBytes(2000),
                record("a", 3, 100), record("b", 40, 100), record("c", 3, 100));
        assertEquals("a", seen.get(0));
        assertTrue(seen.get(1).startsWith("REJECT") && seen.get(1).contains("2000"), seen.toString());
        assertEquals("c", seen.get(seen.size() - 1), "reading goes on after the refused record");
        if (format == MarcFormat.ISO2709) {
            // the framer cannot know where an oversized record ends without holding it: it comes out in
            // pieces of the limit (and a remainder), each rejected, so memory stays bounded
            assertTrue(seen.subList(1, seen.size() - 1).stream().allMatch(x -> x.startsWith("REJECT")), seen.toString());
        } else {
            assertEquals(3, seen.size(), seen.toString());
        }
    }
}
