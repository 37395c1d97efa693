package org.marcring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.testing.GarbageBetweenRecords;

/**
 * The {@code errors} column of a {@code _corrupt_record} row numbers records as the library does: read whole,
 * a file's unreadable bytes carry the library reader's message (garbage is no record, and the record after it
 * keeps its number); read in splits, a split that starts inside the file cannot know how many records come
 * before it and names the bytes by their offset only, never by another record's number.
 */
class RecordNumberingTest {
    private static final GarbageBetweenRecords INPUT = GarbageBetweenRecords.make(7);

    @Test
    void corruptRowsNameRecordsAsTheLibraryOrByTheirOffsetOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("garbage.mrc");
        Files.write(file, INPUT.bytes());
        Map<Long, String> library = new LinkedHashMap<>();
        try (Iso2709Reader reader = Iso2709Reader.of(INPUT.bytes(), ReadOptions.defaults())) {
            reader.onReject(e -> library.put(e.byteOffset(), e.getMessage()));
            reader.forEachRemaining(r -> { });
        }
        assertEquals(GarbageBetweenRecords.REGIONS + 1, library.size());

        Map<Long, String> whole = corruptRows(file, 1L << 30);
        assertEquals(library, whole, "one split: the library's messages");

        Map<Long, String> split = corruptRows(file, 65536);
        assertEquals(library.keySet(), split.keySet(), "the same bytes are corrupt rows in splits");
        int numbered = 0;
        for (Map.Entry<Long, String> e : split.entrySet()) {
            String message = e.getValue();
            if (message.equals(library.get(e.getKey()))) {
                numbered++;
            } else {
                // no number (a split after the first) where the library's message has one
                assertTrue(message.startsWith("record at byte " + e.getKey() + ": ")
                        || message.matches("[0-9]+ bytes? skipped at byte " + e.getKey() + ": .+"), message);
            }
        }
        assertTrue(numbered > 0, "the first split numbers its records as the library");
    }

    /** The errors of the corrupt rows by byte offset, in file order. */
    private static Map<Long, String> corruptRows(Path file, long splitBytes) {
        List<Row> rows = new ArrayList<>(TestSpark.session().read().format("marc")
                .option("maxPartitionBytes", splitBytes).load(file.toString())
                .select("byte_offset", "errors", "_corrupt_record").filter("_corrupt_record is not null")
                .collectAsList());
        rows.sort(java.util.Comparator.comparingLong(r -> r.getLong(0)));
        Map<Long, String> out = new LinkedHashMap<>();
        for (Row r : rows) {
            out.put(r.getLong(0), r.getList(1).get(0).toString());
        }
        return out;
    }
}
