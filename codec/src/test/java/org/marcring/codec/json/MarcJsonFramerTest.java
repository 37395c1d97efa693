package org.marcring.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.testing.FramedRecords;
import org.marcring.codec.testing.FramedRecords.Piece;

/** MARC-in-JSON framing: nested arrays and damaged records cost nothing but themselves. */
class MarcJsonFramerTest {

    private static List<Piece> frame(String json) {
        return FramedRecords.pieces(MarcJsonFramer.of(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults()));
    }

    private static List<String> readable(String json) {
        return FramedRecords.readable(frame(json), in -> MarcJsonReader.open(in, ReadOptions.defaults()));
    }

    private static String record(int n) {
        String array = FramedRecords.file(MarcFormat.JSON, n + 1);
        return array.substring(array.lastIndexOf("{\"leader\""), array.lastIndexOf(']'));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[[]]", "[[[[1,2],{}],\"]\"]]", "[ ]", "\"x\"", "17"})
    void aRecordAfterANestedArrayOrValueIsFramed(String value) {
        String json = "[" + record(1) + "," + value + "," + record(3) + "]";
        List<Piece> pieces = frame(json);
        assertEquals(3, pieces.size(), pieces::toString);
        assertEquals(value, pieces.get(1).text());
        assertEquals(RawRecord.GARBAGE, pieces.get(1).defects());
        assertEquals(List.of("rec1", "rec3"), readable(json));
    }

    @Test
    void aDeeplyNestedArrayIsOnePieceAndTheRecordAfterItIsFramed() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String json = "[" + record(1) + "," + deep + "," + record(3) + "]";
        List<Piece> pieces = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> frame(json));
        assertEquals(3, pieces.size());
        assertEquals(deep.length(), pieces.get(1).text().length());
        assertEquals(List.of("rec1", "rec3"), readable(json));
    }

    @Test
    void anArrayHoldingOnlyAnEmptyArrayFramesOnePieceOfGarbage() {
        List<Piece> pieces = frame("[[]]");
        assertEquals(1, pieces.size());
        assertEquals("[]", pieces.get(0).text());
    }

    @Test
    void recordsAfterTheArrayAreFramedToo() {
        String json = "[" + record(1) + "]\n[" + record(2) + "]\n" + record(3);
        assertEquals(List.of("rec1", "rec2", "rec3"), readable(json));
    }

    /** The array of 50 records with the {@code n}th occurrence of {@code what} replaced by {@code by}. */
    private static String damaged(String what, String by, int n) {
        String json = FramedRecords.file(MarcFormat.JSON, 50);
        int at = -1;
        for (int k = 0; k <= n; k++) {
            at = json.indexOf(what, at + 1);
        }
        return json.substring(0, at) + by + json.substring(at + what.length());
    }

    @Test
    void aRecordMissingItsClosingBraceCostsThatRecordOnly() {
        // a record ends "]}" (its fields list, then the record): the 6th record's is the 5th occurrence of "]},"
        assertEquals(FramedRecords.ids(50, 5), readable(damaged("]},", "],", 5)));
    }

    @Test
    void aFieldMissingItsClosingBraceCostsThatRecordOnly() {
        assertEquals(FramedRecords.ids(50, 5), readable(damaged("\"leader\"", "\"leader\"", 5)
                .replaceFirst("(\\{\"leader\"[^{]*\\{\"001\":\"rec5\")\\}", "$1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"rec5\"", "\"Author 5\""})
    void aStrayQuoteCostsThatRecordOnly(String value) {
        String json = damaged(value, value + "\"", 0);
        List<String> ids = readable(json);
        assertEquals(FramedRecords.ids(50, 5), ids);
    }

    @Test
    void tenPercentOfDamagedRecordsCostNoOtherRecord() {
        Random random = new Random(18);
        String json = FramedRecords.file(MarcFormat.JSON, 2000);
        StringBuilder sb = new StringBuilder();
        int from = 0;
        int damagedCount = 0;
        for (int r = 0; r < 2000; r++) {
            int start = json.indexOf("{\"leader\"", from);
            int end = json.indexOf("{\"leader\"", start + 1);
            end = end < 0 ? json.lastIndexOf(']') : end;
            String rec = json.substring(start, end);
            sb.append(json, from, start);
            if (random.nextInt(10) == 0) {
                int at = random.nextInt(3) == 0 ? rec.indexOf(":") : rec.lastIndexOf('}');
                rec = rec.substring(0, at) + (random.nextBoolean() ? "\"" : "") + rec.substring(at + 1);
                damagedCount++;
            }
            sb.append(rec);
            from = end;
        }
        sb.append(json.substring(from));
        assertEquals(2000 - damagedCount, readable(sb.toString()).size());
    }
}
