package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marcring.codec.testing.Fixtures.ascii;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.Subfield;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.text.ProblemSink;
import org.marcring.codec.text.Utf8Text;

/** The encoder: exact bytes, the recomputed leader positions, the ISO 2709 limits and what it refuses. */
class Iso2709EncoderTest {

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesLeaderDirectoryAndDataByteForByte() {
        MarcRecord r = MarcRecord.builder()
                .controlField("001", "abc")
                .dataField("245", '1', '0', "a", "X")
                .build();
        // data: "abc" FT (4 bytes) + "10" SD "aX" FT (6 bytes); base 24 + 2 * 12 + 1 = 49; length 49 + 10 + 1 = 60
        String expected = "00060nam a2200049 i 4500"
                + "001000400000" + "245000600004" + "\u001e"
                + "abc\u001e" + "10\u001faX\u001e" + "\u001d";
        assertEquals(expected, latin1(new Iso2709Encoder().encode(r)));
    }

    @Test
    void writesUtf8AndCountsBytesNotCharacters() {
        MarcRecord r = MarcRecord.builder().dataField("245", '0', '0', "a", "\u00e9\ud83d\ude00").build();
        byte[] b = new Iso2709Encoder().encode(r);
        // é is 2 bytes, the emoji 4: field = 2 indicators + SD + code + 6 + FT = 11
        assertEquals("245001100000", latin1(b).substring(24, 36));
        assertEquals(24 + 13 + 11 + 1, b.length);
        assertEquals(String.format("%05d", b.length), latin1(b).substring(0, 5));
    }

    @Test
    void recomputesTheLeaderPositionsItOwnsAndKeepsTheRest() {
        MarcRecord r = MarcRecord.builder().leader("99999cjm 7b399999zuv9876").build();
        String leader = latin1(new Iso2709Encoder().encode(r)).substring(0, 24);
        // length, coding 'a', counts '22', base, entry map '450'; status, type, levels, 17-19 and 23 kept
        assertEquals("00026cjm a2200025zuv4506", leader);
    }

    @Test
    void anEmptyRecordIsALeaderAndTwoTerminators() {
        byte[] b = new Iso2709Encoder().encode(MarcRecord.builder().build());
        assertEquals("00026nam a2200025 i 4500\u001e\u001d", latin1(b));
        assertEquals(List.of(), new Iso2709Decoder(ReadOptions.strict()).decode(b).fields());
    }

    private static MarcRecord withField(int bytes) {
        return MarcRecord.builder().controlField("001", "big")
                .dataField("520", ' ', ' ', "a", "x".repeat(bytes - 5)) // indicators, SD, code and FT: 5 bytes
                .build();
    }

    private static final Iso2709Encoder OVERSIZE = new Iso2709Encoder(Utf8Text.INSTANCE, ProblemSink.IGNORE, true);

    @Test
    void fieldOf9999BytesIsAllowedAnd10000IsNot() {
        byte[] b = new Iso2709Encoder().encode(withField(9999));
        assertTrue(latin1(b).contains("520999900004"));
        MarcException e = assertThrows(MarcException.class, () -> new Iso2709Encoder().encode(withField(10_000)));
        assertTrue(e.getMessage().contains("field 520 is 10000 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("(record big)"), e.getMessage());
    }

    @Test
    void oversizeFieldIsWrittenWithZeroLengthAndReadBack() {
        MarcRecord r = withField(20_000);
        byte[] b = OVERSIZE.encode(r);
        assertTrue(latin1(b).contains("520000000004"), "length written as zeros");
        MarcRecord back = new Iso2709Decoder().decode(b);
        assertEquals(r.fields(), back.fields());
        assertTrue(back.errors().stream().allMatch(e -> e.severity() == MarcError.Severity.WARNING
                && e.message().contains("length 0")), back.errors().toString());
    }

    /** A record of {@code fields} fields of 9,000 bytes each. */
    private static MarcRecord big(int fields) {
        MarcRecord.Builder b = MarcRecord.builder().controlField("001", "huge");
        for (int i = 0; i < fields; i++) {
            b.addField(DataField.of("500", ' ', ' ', "a", i + "-" + "y".repeat(8990)));
        }
        return b.build();
    }

    @Test
    void recordOver99999BytesIsRefusedByDefault() {
        MarcException e = assertThrows(MarcException.class, () -> new Iso2709Encoder().encode(big(12)));
        assertTrue(e.getMessage().startsWith("record is 108"), e.getMessage());
        assertTrue(e.getMessage().contains("over the ISO 2709 limit of 99999"), e.getMessage());
    }

    @Test
    void oversizeRecordIsWrittenWithZeroLengthAndReadBackByOurReader() {
        for (int fields : new int[] {12, 30}) { // 30 fields: starts beyond byte 99,999 of the data as well
            MarcRecord r = big(fields);
            byte[] b = OVERSIZE.encode(r);
            assertTrue(b.length > 99_999 * (fields / 12));
            assertEquals("00000", latin1(b).substring(0, 5));
            List<MarcRecord> back = new ArrayList<>();
            try (Iso2709Reader reader = Iso2709Reader.of(b, ReadOptions.defaults())) {
                reader.forEachRemaining(back::add);
                assertEquals(0, reader.rejectedCount());
            }
            assertEquals(1, back.size());
            assertEquals(r.fields(), back.get(0).fields(), fields + " fields");
        }
    }

    @Test
    void refusesWhatISO2709CannotCarryWithoutWritingAnything() {
        List<MarcRecord> bad = List.of(
                MarcRecord.builder().dataField("245", '0', '0', "a", "one\u001ftwo").build(),
                MarcRecord.builder().dataField("245", '0', '0', "a", "one\u001etwo").build(),
                MarcRecord.builder().controlField("001", "a\u001db").build(),
                MarcRecord.builder().addField(DataField.of("245", '0', '0', Subfield.of('\u00e9', "x"))).build(),
                MarcRecord.builder().addField(DataField.of("245", '0', '0', Subfield.of('\u001f', "x"))).build(),
                MarcRecord.builder().controlField("001", "ok").addField(ControlField.of("0\u00e91", "x")).build());
        for (MarcRecord r : bad) {
            ByteArrayBuilder out = new ByteArrayBuilder();
            out.appendAscii("before");
            assertThrows(MarcException.class, () -> new Iso2709Encoder().encode(r, out), r.toString());
            assertEquals("before", out.toString(), "nothing written for " + r);
        }
    }

    @Test
    void controlFieldMayHoldASubfieldDelimiter() {
        // real records do (an 007 written with 'subfields'); readers end a control field at its terminator only
        MarcRecord r = MarcRecord.builder().controlField("007", "ta\u001fbx").build();
        assertEquals(r.fields(), new Iso2709Decoder(ReadOptions.strict()).decode(new Iso2709Encoder().encode(r)).fields());
    }

    @Test
    void indicatorOutsideAsciiIsWrittenBlankAndReported() {
        List<String> reported = new ArrayList<>();
        Iso2709Encoder encoder = new Iso2709Encoder(Utf8Text.INSTANCE,
                (severity, index, message) -> reported.add(severity + " " + message), false);
        MarcRecord r = MarcRecord.builder().dataField("245", '\u00e9', '0', "a", "x").build();
        MarcRecord back = new Iso2709Decoder().decode(encoder.encode(r));
        assertEquals(' ', back.get("245").indicator1());
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).startsWith("WARNING field 245: indicator U+00E9"), reported.toString());
    }

    @Test
    void encoderIsReusableAcrossRecordsOfDifferentSizes() {
        Iso2709Encoder encoder = new Iso2709Encoder();
        MarcRecord small = MarcRecord.builder().controlField("001", "s").build();
        byte[] first = encoder.encode(small);
        encoder.encode(big(5));
        assertArrayEquals(first, encoder.encode(small));
    }

    @Test
    void writerWritesRecordsBackToBackAndCountsThem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcRecord a = MarcRecord.builder().controlField("001", "a").build();
        MarcRecord b = MarcRecord.builder().controlField("001", "b").build();
        try (Iso2709Writer writer = Iso2709Writer.of(out)) {
            writer.write(a);
            writer.write(b);
            assertEquals(2, writer.recordsWritten());
        }
        Iso2709Encoder encoder = new Iso2709Encoder();
        assertEquals(latin1(encoder.encode(a)) + latin1(encoder.encode(b)), latin1(out.toByteArray()));
    }

    @Test
    void writerThatRefusesARecordWritesNothingOfItAndGoesOn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcRecord a = MarcRecord.builder().controlField("001", "a").build();
        try (Iso2709Writer writer = Iso2709Writer.of(out)) {
            writer.write(a);
            assertThrows(MarcException.class, () -> writer.write(big(12)));
            writer.write(a);
            assertEquals(2, writer.recordsWritten());
        }
        byte[] one = new Iso2709Encoder().encode(a);
        assertEquals(latin1(one) + latin1(one), latin1(out.toByteArray()));
    }

    @Test
    void writerToAFileIsReadBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("out.mrc");
        List<MarcRecord> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add(org.marcring.codec.testing.Fixtures.record(i, 10 + i % 300));
        }
        try (Iso2709Writer writer = Iso2709Writer.open(file)) {
            records.forEach(writer::write);
        }
        List<MarcRecord> back = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.open(file, ReadOptions.strict())) {
            reader.forEachRemaining(back::add);
        }
        assertEquals(records.size(), back.size());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(records.get(i).fields(), back.get(i).fields());
        }
    }

    @Test
    void asciiHelper() {
        assertEquals("ab", latin1(ascii("ab")));
    }
}
