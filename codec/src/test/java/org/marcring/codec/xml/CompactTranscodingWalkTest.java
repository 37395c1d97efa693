package org.marcring.codec.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Fields;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.codec.testing.Corpus;

/**
 * The one-pass walk over a record's data writes what the scan and its two-pass writer write, takes nearly all
 * records of a clean file, and refuses (for the two passes to decide) what it does not check the same way.
 */
class CompactTranscodingWalkTest {
    private static final ReadOptions OPTIONS = ReadOptions.defaults();

    /** The walk's bytes, or {@code null} where it refuses. */
    private static byte[] walk(byte[] b) {
        Iso2709Fields fields = new Iso2709Fields(OPTIONS);
        if (!fields.scanDirectory(b, 0, b.length)) {
            return null;
        }
        byte[] a = new byte[(int) CompactTranscoding.walkRoom(fields)];
        int end = CompactTranscoding.walk(fields, a, 0);
        return end < 0 ? null : Arrays.copyOf(a, end);
    }

    /** The two passes' bytes, or {@code null} where they refuse. */
    private static byte[] twoPasses(byte[] b) {
        Iso2709Fields fields = new Iso2709Fields(OPTIONS);
        if (!fields.scan(b, 0, b.length)) {
            return null;
        }
        byte[] a = new byte[(int) CompactTranscoding.room(fields)];
        int end = CompactTranscoding.record(fields, a, 0);
        return end < 0 ? null : Arrays.copyOf(a, end);
    }

    @Test
    void theWalkWritesWhatTheTwoPassesWriteAndTakesNearlyEveryRecordOfACleanFile() throws IOException {
        byte[] input = Files.readAllBytes(Corpus.file("mrrc/tests/data/fixtures/realistic.mrc"));
        RecordFramer framer = RecordFramer.of(input);
        RawRecord raw = new RawRecord();
        int records = 0;
        int walked = 0;
        while (framer.next(raw)) {
            records++;
            byte[] b = Arrays.copyOfRange(raw.buffer(), raw.offset(), raw.offset() + raw.length());
            byte[] one = walk(b);
            byte[] two = twoPasses(b);
            if (one != null) {
                walked++;
                assertArrayEquals(two, one, "record " + records);
            }
        }
        assertTrue(records > 1000, "records: " + records);
        assertTrue(walked >= records * 0.9, "walked " + walked + " of " + records);
    }

    private static byte[] plain() {
        MarcRecord r = MarcRecord.builder()
                .leader(Leader.of("00000nam a2200000 i 4500"))
                .controlField("001", "id1")
                .controlField("008", "840112s1962    pau")
                .dataField("245", '1', '0', "a", "A <title> & more\tand\nlines", "c", "by someone \u00e9\u4e2d")
                .dataField("650", ' ', '0', "a", "x".repeat(40), "x", "", "z", "y")
                .dataField("500", ' ', ' ')
                .build();
        return new Iso2709Encoder().encode(r);
    }

    private static byte[] replace(byte[] b, String from, String to) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(from);
        assertTrue(at >= 0, from);
        byte[] copy = b.clone();
        byte[] with = to.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(from.length(), with.length, "same length");
        System.arraycopy(with, 0, copy, at, with.length);
        return copy;
    }

    @Test
    void aPlainRecordWithEscapesEmptySubfieldsAndNoSubfieldsIsWalked() {
        byte[] b = plain();
        byte[] one = walk(b);
        assertArrayEquals(twoPasses(b), one);
        String xml = new String(one, StandardCharsets.UTF_8);
        assertTrue(xml.contains("A &lt;title&gt; &amp; more\tand\nlines"), xml);
        assertTrue(xml.contains("<subfield code=\"x\"></subfield>"), xml);
        assertTrue(xml.contains("<datafield tag=\"500\" ind1=\" \" ind2=\" \"></datafield>"), xml);
    }

    @Test
    void whatTheWalkDoesNotCheckTheSameWayItRefuses() {
        byte[] good = plain();
        String[][] damage = {
            {"\u001Fa", "\u001FA"},        // upper-case code
            {"10\u001Fa", "1~\u001Fa"},    // indicator
            {"more", "mor\u0000"},         // NUL
            {"more", "mor\u001D"},         // record terminator in the data
            {"more", "mor\u001E"},         // field terminator inside a field
            {"more", "mor\u0001"},         // a control character XML forbids
            {"id1", "i\u001Fd"},           // a delimiter in a control field
            {"10\u001Fa", "10x\u001F"},    // data before the first subfield
            {" a22", "  22"},              // MARC-8 by the leader
        };
        for (String[] d : damage) {
            byte[] b = replace(good, d[0], d[1]);
            assertEquals(null, walk(b) == null ? null : "walked", "walked despite " + Arrays.toString(d));
        }
    }

    @Test
    void fieldsThatDoNotLieOneAfterTheOtherAreLeftToTheTwoPasses() {
        byte[] good = plain();
        // swap the directory entries of 001 and 008: the fields are then not in data order
        int e1 = 24;
        int e2 = 36;
        byte[] swapped = good.clone();
        System.arraycopy(good, e1, swapped, e2, 12);
        System.arraycopy(good, e2, swapped, e1, 12);
        Iso2709Fields fields = new Iso2709Fields(OPTIONS);
        assertFalse(fields.scanDirectory(swapped, 0, swapped.length));
        assertTrue(fields.scan(swapped, 0, swapped.length), "the two passes take it");
        ByteArrayBuilder out = new ByteArrayBuilder(64);
        assertTrue(MarcXmlEncoder.compact().transcode(swapped, 0, swapped.length, new Iso2709Fields(OPTIONS), out));
        assertArrayEquals(twoPasses(swapped), out.toByteArray());
    }

    @Test
    void nonUtf8BytesAreRefusedAfterTheWalk() {
        byte[] good = plain();
        byte[] bad = replace(good, "more", "mor\u00ff");   // 0xFF: never in UTF-8
        assertEquals(null, walk(bad));
        assertEquals(null, twoPasses(bad));
    }
}
