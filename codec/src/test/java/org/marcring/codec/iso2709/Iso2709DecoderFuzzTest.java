package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.marcring.codec.Field;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes ISO 2709 reading (framer and decoder) in strict and permissive mode. Any bytes end in records,
 * records with errors, or rejects ({@link MarcFormatException}, with ordinal and raw bytes) — never another
 * exception — and every framed record is accounted for as read or rejected. A record read in
 * permissive mode encodes again; a record read in strict mode carries no errors.
 */
class Iso2709DecoderFuzzTest {
    private static final ReadOptions SMALL = ReadOptions.defaults().withMaxRecordBytes(4096).withMaxFields(200)
            .withRejectsThrown();

    @FuzzTest(maxDuration = "10m")
    void permissive(byte[] data) {
        if (data == null) {
            return;
        }
        List<MarcRecord> records = readAll(data, SMALL);
        Iso2709Encoder encoder = new Iso2709Encoder();
        for (MarcRecord r : records) {
            assertTrue(r.fields().size() <= 200, "field limit holds");
            byte[] again;
            try {
                again = encoder.encode(r);
            } catch (MarcException e) {
                continue;      // a documented refusal (e.g. a value the encoder cannot write)
            }
            MarcRecord back = new Iso2709Decoder(SMALL).decode(again);
            assertEquals(tags(r), tags(back), "a repaired record encodes and reads back with the same fields");
        }
    }

    @FuzzTest(maxDuration = "10m")
    void strict(byte[] data) {
        if (data == null) {
            return;
        }
        for (MarcRecord r : readAll(data, SMALL.withMode(org.marcring.codec.io.DecodeMode.STRICT))) {
            assertTrue(r.errors().stream().noneMatch(e -> e.severity().compareTo(MarcError.Severity.ERROR) >= 0),
                    "a record read strictly has no error that lost data: " + r.errors());
        }
    }

    private static List<MarcRecord> readAll(byte[] data, ReadOptions options) {
        List<MarcRecord> records = new ArrayList<>();
        List<MarcFormatException> rejects = new ArrayList<>();
        long framed;
        try (RecordFramer framer = RecordFramer.of(data)) {
            Iso2709Reader reader = new Iso2709Reader(framer, options).onReject(rejects::add);
            while (reader.hasNext()) {
                MarcRecord r = reader.next();
                assertNotNull(r.leader());
                records.add(r);
            }
            framed = framer.recordsFramed();
            assertEquals(records.size(), reader.recordsRead());
            long skipped = rejects.stream().filter(e -> e instanceof org.marcring.codec.SkippedBytesException).count();
            assertEquals(rejects.size() - skipped, reader.rejectedCount());
            assertEquals(skipped, reader.regionsSkipped());
            assertEquals(framer.regionsSkipped(), reader.regionsSkipped());
            assertEquals(framer.bytesSkipped(), reader.bytesSkipped());
            assertEquals(framed, records.size() + reader.rejectedCount(), "every framed record is read or rejected");
        }
        for (MarcFormatException e : rejects) {
            assertNotNull(e.getMessage());
            // skipped bytes carry the ordinal of the record after them, which may be the end
            assertTrue(e.ordinal() >= 0 && e.ordinal() <= framed, "a reject names its ordinal");
            assertTrue(e.byteOffset() >= 0 && e.byteOffset() < data.length, "a reject names its byte offset");
        }
        return records;
    }

    private static List<String> tags(MarcRecord r) {
        List<String> tags = new ArrayList<>();
        for (Field f : r.fields()) {
            tags.add(f.tag());
        }
        return tags;
    }
}
