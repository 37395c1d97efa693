package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.codec.json.MarcJsonFramer;
import org.marcring.codec.testing.GarbageBetweenRecords;

/**
 * One record numbering in the library: {@code ordinal()} is 0-based, messages count from 1, and bytes between
 * records that hold no record are not records (they take no ordinal and are counted apart), so the records
 * after them are numbered as if they were not there.
 */
class RecordNumberingTest {
    private static final GarbageBetweenRecords INPUT = GarbageBetweenRecords.make(7);

    @Test
    void aMessageNamesTheRecordCountingFromOneWhileTheOrdinalStaysZeroBased() {
        MarcFormatException e = new MarcFormatException(22, 4096, "broken", null);
        assertEquals(22, e.ordinal());
        assertEquals("record 23 at byte 4096: broken", e.getMessage());
        assertEquals(23, MarcFormatException.recordNumber(22));
    }

    @Test
    void aTwoThousandRecordFileWithNineteenGarbageRegionsReadsTwoThousandRecords() {
        List<MarcFormatException> refused = new ArrayList<>();
        List<MarcRecord> records = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.of(INPUT.bytes(), ReadOptions.defaults())) {
            reader.onReject(refused::add);
            reader.forEachRemaining(records::add);
            assertEquals(GarbageBetweenRecords.RECORDS - 1, reader.recordsRead());
            assertEquals(1, reader.rejectedCount(), "the undecodable record");
            assertEquals(GarbageBetweenRecords.REGIONS, reader.regionsSkipped());
            assertEquals(INPUT.garbageBytes(), reader.bytesSkipped());
            assertEquals(GarbageBetweenRecords.RECORDS, reader.recordsRead() + reader.rejectedCount());
        }
        // every record after garbage is where it would be without it: the k-th record read is record k
        for (int i = 0; i < records.size(); i++) {
            long ordinal = i < GarbageBetweenRecords.UNDECODABLE ? i : i + 1;
            assertEquals(GarbageBetweenRecords.controlNumber(ordinal), records.get(i).controlNumber());
        }
        List<MarcFormatException> rejects = refused.stream().filter(e -> !(e instanceof SkippedBytesException)).toList();
        assertEquals(1, rejects.size());
        MarcFormatException bad = rejects.get(0);
        assertEquals(GarbageBetweenRecords.UNDECODABLE, bad.ordinal());
        assertTrue(bad.getMessage().startsWith("record " + (GarbageBetweenRecords.UNDECODABLE + 1) + " at byte "
                + INPUT.undecodableOffset() + ": "), bad.getMessage());
    }

    @Test
    void eachGarbageRegionIsReportedWithItsBytesAndTheRecordItFollows() {
        List<SkippedBytesException> skipped = new ArrayList<>();
        byte[] input = INPUT.bytes();
        try (Iso2709Reader reader = Iso2709Reader.of(input, ReadOptions.defaults())) {
            reader.onReject(e -> {
                if (e instanceof SkippedBytesException) {
                    skipped.add((SkippedBytesException) e);
                }
            });
            reader.forEachRemaining(r -> { });
        }
        assertEquals(GarbageBetweenRecords.REGIONS, skipped.size());
        for (int k = 0; k < skipped.size(); k++) {
            long[] g = INPUT.garbage().get(k);
            SkippedBytesException e = skipped.get(k);
            assertEquals(g[0], e.byteOffset());
            assertEquals(g[1], e.length());
            assertEquals(g[2], e.ordinal(), "the number of records before it");
            assertArrayEquals(Arrays.copyOfRange(input, (int) g[0], (int) (g[0] + g[1])), e.rawBytes());
            String where = g[2] == 0 ? "before the first record" : "after record " + g[2];
            assertEquals(g[1] + " bytes skipped at byte " + g[0] + ", " + where + ": "
                    + "bytes between records that hold no record", e.getMessage());
        }
    }

    @Test
    void theFramerGivesGarbageNoOrdinalAndCountsItApart() {
        RawRecord raw = new RawRecord();
        long records = 0;
        long garbage = 0;
        try (RecordFramer framer = RecordFramer.of(INPUT.bytes())) {
            while (framer.next(raw)) {
                if (raw.has(RawRecord.GARBAGE)) {
                    assertEquals(INPUT.garbage().get((int) garbage)[2], raw.ordinal());
                    garbage++;
                } else {
                    assertEquals(records, raw.ordinal());
                    records++;
                }
            }
            assertEquals(GarbageBetweenRecords.RECORDS, framer.recordsFramed());
            assertEquals(GarbageBetweenRecords.REGIONS, framer.regionsSkipped());
            assertEquals(INPUT.garbageBytes(), framer.bytesSkipped());
        }
        assertEquals(GarbageBetweenRecords.RECORDS, records);
        assertEquals(GarbageBetweenRecords.REGIONS, garbage);
    }

    @Test
    void theJsonFramerGivesAValueThatIsNoRecordNoOrdinal() {
        String json = "[{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"a\"}]}, 42, [1, 2],"
                + " {\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"b\"}]}]";
        RawRecord raw = new RawRecord();
        List<String> seen = new ArrayList<>();
        try (MarcJsonFramer framer = MarcJsonFramer.of(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults())) {
            while (framer.next(raw)) {
                seen.add((raw.has(RawRecord.GARBAGE) ? "garbage " : "record ") + raw.ordinal());
            }
            assertEquals(2, framer.recordsFramed());
            assertEquals(2, framer.regionsSkipped());
            assertEquals(2 + "[1, 2]".length(), framer.bytesSkipped());
        }
        assertEquals(List.of("record 0", "garbage 1", "garbage 1", "record 1"), seen);
    }

    @Test
    void aStrictReaderThrowsGarbageAsSkippedBytesAndGoesOnWithTheNextRecord() {
        try (Iso2709Reader reader = Iso2709Reader.of(INPUT.bytes(), ReadOptions.strict())) {
            assertTrue(reader.hasNext());
            MarcFormatException first = org.junit.jupiter.api.Assertions.assertThrows(MarcFormatException.class,
                    reader::next);
            assertInstanceOf(SkippedBytesException.class, first);
            assertEquals(0, first.ordinal());
            MarcRecord r = reader.next();
            assertEquals(GarbageBetweenRecords.controlNumber(0), r.controlNumber());
            assertEquals(1, reader.regionsSkipped());
        }
    }
}
