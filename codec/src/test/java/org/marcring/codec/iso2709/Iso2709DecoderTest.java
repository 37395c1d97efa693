package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marcring.codec.testing.Fixtures.ascii;
import static org.marcring.codec.testing.Fixtures.bytes;
import static org.marcring.codec.testing.Fixtures.record;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcError.Severity;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.Subfield;
import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.ReadOptions;

/** The decoder on hand-built records: what it reads, each repair it makes, and what strict mode rejects. */
class Iso2709DecoderTest {
    private static final Iso2709Decoder PERMISSIVE = new Iso2709Decoder(ReadOptions.defaults());
    private static final Iso2709Decoder STRICT = new Iso2709Decoder(ReadOptions.strict());

    private static final MarcRecord SAMPLE = MarcRecord.builder()
            .controlField("001", "id1")
            .dataField("100", '1', ' ', "a", "Austen, Jane,", "d", "1775-1817.")
            .dataField("245", '1', '0', "a", "Pride and prejudice /", "c", "Jane Austen.")
            .build();

    /** The sample's bytes: leader 0-23, directory 24-59 (3 entries), 0x1E at 60, data from 61. */
    private static byte[] sample() {
        return bytes(SAMPLE);
    }

    private static int indexOf(byte[] b, String s) {
        String all = new String(b, StandardCharsets.ISO_8859_1);
        int i = all.indexOf(s);
        assertTrue(i >= 0, s);
        return i;
    }

    private static MarcError only(MarcRecord r, Severity severity) {
        List<MarcError> found = r.errors().stream().filter(e -> e.severity() == severity).collect(Collectors.toList());
        assertEquals(1, found.size(), () -> "one " + severity + " in " + r.errors());
        return found.get(0);
    }

    @Test
    void cleanRecordDecodesToTheSameRecordWithoutErrors() {
        MarcRecord r = PERMISSIVE.decode(sample());
        assertEquals(SAMPLE.fields(), r.fields());
        assertEquals(List.of(), r.errors());
        assertEquals(sample().length, r.leader().recordLength());
        assertEquals(61, r.leader().baseAddress());
        assertEquals(SAMPLE.fields(), STRICT.decode(sample()).fields());
    }

    @Test
    void decodesARecordInTheMiddleOfAnArray() {
        byte[] s = sample();
        byte[] padded = new byte[s.length + 20];
        System.arraycopy(s, 0, padded, 10, s.length);
        assertEquals(SAMPLE.fields(), PERMISSIVE.decode(padded, 10, s.length).fields());
    }

    @Test
    void aDecodedRecordStaysTheSameWhenItsBufferAndTheDecoderAreReused() {
        byte[] s = sample();
        byte[] buffer = new byte[s.length + 20];
        System.arraycopy(s, 0, buffer, 10, s.length);
        MarcRecord r = PERMISSIVE.decode(buffer, 10, s.length);
        MarcRecord next = PERMISSIVE.decode(buffer, 10, s.length);   // the decoder's scratch space is reused
        java.util.Arrays.fill(buffer, (byte) 'x');                    // as a reader reuses its buffer
        assertEquals("Pride and prejudice /", r.get("245").get('a'));
        assertEquals(SAMPLE.fields(), r.fields());
        assertEquals(SAMPLE.fields(), next.fields());
    }

    @Test
    void upperCaseSubfieldCodeIsLoweredWithAWarning() {
        byte[] b = sample();
        b[indexOf(b, "\u001fd1775") + 1] = 'D';
        MarcRecord r = PERMISSIVE.decode(b);
        assertEquals("1775-1817.", r.value("100", 'd'));
        MarcError e = only(r, Severity.WARNING);
        assertEquals("100", e.tag());
        assertEquals(indexOf(b, "\u001fD1775") + 1, e.position());
        MarcFormatException x = assertThrows(MarcFormatException.class, () -> STRICT.decode(b));
        assertTrue(x.getMessage().contains("upper-case subfield code 'D'"), x.getMessage());
        assertArrayEquals(b, x.rawBytes());
    }

    @Test
    void nonNumericDirectoryLengthTakesTheFieldFromWhereItShouldStart() {
        byte[] b = sample();
        b[24 + 12 + 3] = 'x'; // length of the second entry (100)
        MarcRecord r = PERMISSIVE.decode(b);
        assertEquals(SAMPLE.fields(), r.fields());
        MarcError e = only(r, Severity.WARNING);
        assertEquals("100", e.tag());
        assertEquals(36, e.position());
        assertTrue(e.message().contains("non-numeric length"), e.message());
        assertThrows(MarcFormatException.class, () -> STRICT.decode(b));
    }

    @Test
    void damagedDirectoryTerminatorIsRepairedFromTheBaseAddress() {
        for (byte replacement : new byte[] {'0', 0x1F, 0x01}) {
            byte[] b = sample();
            b[60] = replacement;
            MarcRecord r = PERMISSIVE.decode(b);
            assertEquals(SAMPLE.fields(), r.fields(), "0x1E replaced by " + replacement);
            MarcError e = only(r, Severity.WARNING);
            assertEquals(60, e.position());
            assertTrue(e.message().startsWith("no directory terminator at byte 60"), e.message());
            assertThrows(MarcFormatException.class, () -> STRICT.decode(b));
        }
    }

    @Test
    void wrongBaseAddressIsRepairedFromTheDirectoryTerminator() {
        byte[] b = sample();
        System.arraycopy(ascii("00049"), 0, b, 12, 5); // 12 bytes short: the first field would not fit
        MarcRecord r = PERMISSIVE.decode(b);
        assertEquals(SAMPLE.fields(), r.fields());
        MarcError e = only(r, Severity.WARNING);
        assertEquals(12, e.position());
        assertTrue(e.message().contains("'00049' is wrong"), e.message());
    }

    @Test
    void nonAsciiTagIsReportedNotSilentlyReplaced() {
        byte[] b = sample();
        b[24 + 12] = (byte) 0xCC; // first byte of the 100's tag
        MarcRecord r = PERMISSIVE.decode(b);
        assertEquals("\uFFFD00", r.fields().get(1).tag());
        assertEquals("Austen, Jane,", r.fields().get(1).get('a'));
        MarcError e = only(r, Severity.ERROR);
        assertEquals(36, e.position());
        assertTrue(e.message().contains("CC 30 30"), e.message());
        assertThrows(MarcFormatException.class, () -> STRICT.decode(b));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacterWithAnError() {
        MarcRecord rec = MarcRecord.builder().dataField("245", '0', '0', "a", "caf\u00e9").build();
        byte[] b = bytes(rec);
        int e9 = indexOf(b, "caf") + 3;
        b[e9] = (byte) 0xFF; // first byte of the two-byte é
        // read as UTF-8 whatever the bytes look like (AUTO would try MARC-8 for a record that is not UTF-8)
        MarcRecord r = new Iso2709Decoder(ReadOptions.defaults().withCharacterCoding(CharacterCoding.UTF8)).decode(b);
        assertEquals("caf\uFFFD\uFFFD", r.value("245", 'a'));
        MarcError e = only(r, Severity.ERROR);
        assertEquals("245", e.tag());
        assertEquals(e9, e.position());
        MarcFormatException x = assertThrows(MarcFormatException.class, () -> STRICT.decode(b));
        assertTrue(x.getMessage().contains("invalid UTF-8 byte 0xFF"), x.getMessage());
        assertTrue(x.getMessage().contains("(byte " + e9 + " of the record)"), x.getMessage());
        // the same bytes read as Latin-1 are text, not errors
        MarcRecord latin = new Iso2709Decoder(ReadOptions.defaults().withCharacterCoding(CharacterCoding.LATIN1))
                .decode(b);
        assertEquals("caf\u00ff\u00a9", latin.value("245", 'a'));
        assertEquals(List.of(), latin.errors());
    }

    @Test
    void aUtf8LeaderOverMarc8BytesIsReadAsMarc8OnceTheUtf8FaultsShow() {
        // ANSEL E2 (acute) before 'e', twice, under leader/09 'a': not UTF-8, but good MARC-8
        MarcRecord rec = MarcRecord.builder()
                .dataField("100", '1', ' ', "a", "plain ascii")
                .dataField("245", '1', '0', "a", "Caf\u00e9 r\u00e9sum\u00e9")
                .build();
        byte[] b = bytes(rec);
        String latin = new String(b, StandardCharsets.ISO_8859_1)
                .replace("Caf\u00c3\u00a9 r\u00c3\u00a9sum\u00c3\u00a9", "Caf\u00e2e r\u00e2esum\u00e2e");  // as long
        byte[] marc8 = latin.getBytes(StandardCharsets.ISO_8859_1);
        MarcRecord r = PERMISSIVE.decode(marc8);
        assertEquals("Cafe\u0301 re\u0301sume\u0301", r.value("245", 'a'));
        assertEquals("plain ascii", r.value("100", 'a'));
        // only the note that the bytes overruled the leader: the UTF-8 faults of the first reading are gone
        MarcError note = only(r, Severity.WARNING);
        assertTrue(note.message().startsWith("leader/09 says UTF-8"), note.message());
        assertEquals(indexOf(marc8, "Caf") + 3, note.position());
        assertEquals(1, r.errors().size(), r.errors()::toString);
        // strict mode trusts the leader: the first fault rejects the record, naming where it is
        MarcFormatException x = assertThrows(MarcFormatException.class, () -> STRICT.decode(marc8));
        assertTrue(x.getMessage().contains("(byte " + (indexOf(marc8, "Caf") + 3) + " of the record)"), x.getMessage());
    }

    @Test
    void subfieldsAndNonAsciiTextAreFoundAtEveryPositionOfAField() {
        // fields of every length around the eight-byte steps of the scan, with delimiters and a non-ASCII
        // character in the last bytes, where the scan reads overlapping words
        for (int length = 0; length <= 19; length++) {
            for (int cut = 0; cut <= length; cut++) {
                int split = cut;
                for (String tail : new String[] {"", "\u00e9", "\u4e00"}) {
                    String text = "abcdefghijklmnopqrstuvwxyz".substring(0, length) + tail;
                    MarcRecord rec = MarcRecord.builder()
                            .dataField("245", '1', '0', "a", text.substring(0, split), "b", text.substring(split))
                            .dataField("500", ' ', ' ', "a", text)
                            .build();
                    for (Iso2709Decoder decoder : List.of(PERMISSIVE, STRICT)) {
                        MarcRecord r = decoder.decode(bytes(rec));
                        assertEquals(rec.fields(), r.fields(), () -> "'" + text + "' split at " + split);
                        assertEquals(List.of(), r.errors());
                    }
                }
            }
        }
    }

    @Test
    void aStrayByteInUtf8TextStaysUtf8WithOneErrorWhereItIs() {
        MarcRecord rec = MarcRecord.builder()
                .dataField("245", '1', '0', "a", "\u0141\u00f3d\u017a x")
                .build();
        byte[] b = bytes(rec);
        int x = indexOf(b, " x") + 1;
        b[x] = (byte) 0x81;
        MarcRecord r = PERMISSIVE.decode(b);
        assertEquals("\u0141\u00f3d\u017a \uFFFD", r.value("245", 'a'));
        MarcError e = only(r, Severity.ERROR);
        assertEquals(x, e.position());
        assertEquals(1, r.errors().size(), r.errors()::toString);
    }

    @Test
    void directoryEntryPointingOutsideTheRecordDropsTheFieldWithAnError() {
        byte[] b = sample();
        System.arraycopy(ascii("09999"), 0, b, 24 + 24 + 7, 5); // start of the 245
        MarcRecord r = PERMISSIVE.decode(b);
        assertEquals(2, r.fields().size());
        MarcError e = only(r, Severity.ERROR);
        assertEquals("245", e.tag());
        assertTrue(e.message().contains("outside the record"), e.message());
    }

    @Test
    void fieldLengthRunningPastTheRecordIsCutAtItsTerminator() {
        byte[] b = sample();
        System.arraycopy(ascii("9999"), 0, b, 24 + 24 + 3, 4); // length of the 245
        MarcRecord r = PERMISSIVE.decode(b);
        assertEquals(SAMPLE.fields(), r.fields());
        assertTrue(only(r, Severity.WARNING).message().contains("runs past the end"));
    }

    @Test
    void dataBeforeTheFirstDelimiterIsDroppedWithAnError() {
        byte[] b = sample();
        int sd = indexOf(b, "\u001faPride");
        b[sd] = 'X';
        MarcRecord r = PERMISSIVE.decode(b);
        DataField f = (DataField) r.get("245");
        assertEquals(List.of(Subfield.of('c', "Jane Austen.")), f.subfields());
        MarcError e = only(r, Severity.ERROR);
        assertTrue(e.message().contains("'XaPride and prejudice /'"), e.message());
    }

    @Test
    void invalidIndicatorByteIsBlankedAndNonStandardOneKept() {
        byte[] b = sample();
        int ind = indexOf(b, "10\u001faPride");
        b[ind] = 0x05;
        b[ind + 1] = '-';
        MarcRecord r = PERMISSIVE.decode(b);
        assertEquals(' ', r.get("245").indicator1());
        assertEquals('-', r.get("245").indicator2());
        assertEquals(ind, only(r, Severity.WARNING).position());
        assertEquals(ind + 1, only(r, Severity.INFO).position());
    }

    @Test
    void infoAloneDoesNotFailStrictMode() {
        byte[] b = sample();
        b[indexOf(b, "10\u001faPride")] = '-';
        MarcRecord r = STRICT.decode(b);
        assertEquals('-', r.get("245").indicator1());
        assertEquals(Severity.INFO, only(r, Severity.INFO).severity());
    }

    @Test
    void missingRecordTerminatorIsReported() {
        byte[] s = sample();
        byte[] b = java.util.Arrays.copyOf(s, s.length - 1);
        MarcRecord r = PERMISSIVE.decode(b);
        assertEquals(SAMPLE.fields(), r.fields());
        assertTrue(only(r, Severity.WARNING).message().contains("record terminator"));
    }

    @Test
    void tooShortForALeaderIsRejectedEvenWhenPermissive() {
        MarcFormatException e = assertThrows(MarcFormatException.class, () -> PERMISSIVE.decode(ascii("00023nam")));
        assertEquals(-1, e.ordinal());
        assertTrue(e.getMessage().startsWith("record ?: only 8 bytes"), e.getMessage());
    }

    @Test
    void noDirectoryTerminatorAtAllIsRejected() {
        byte[] b = ascii("00030nam a2200000   4500xxxxx\u001d");
        System.arraycopy(ascii("00099"), 0, b, 12, 5);
        assertThrows(MarcFormatException.class, () -> PERMISSIVE.decode(b));
    }

    @Test
    void moreFieldsThanTheLimitIsRejected() {
        Iso2709Decoder limited = new Iso2709Decoder(ReadOptions.defaults().withMaxFields(2));
        MarcFormatException e = assertThrows(MarcFormatException.class, () -> limited.decode(sample()));
        assertTrue(e.getMessage().contains("3 fields, more than the limit of 2"), e.getMessage());
    }

    @Test
    void framingDefectsBecomeWarningsOrRejects() {
        byte[] b = sample();
        RawRecord raw = new RawRecord();
        raw.set(b, 0, b.length, 7, 1234, RawRecord.LENGTH_MISMATCH, b.length + 5);
        MarcRecord r = PERMISSIVE.decode(raw);
        assertEquals(SAMPLE.fields(), r.fields());
        assertTrue(only(r, Severity.WARNING).message().startsWith("leader record length " + (b.length + 5)));
        MarcFormatException strict = assertThrows(MarcFormatException.class, () -> STRICT.decode(raw));
        assertEquals(7, strict.ordinal());
        assertEquals(1234, strict.byteOffset());
        assertTrue(strict.getMessage().startsWith("record 8 at byte 1234: leader record length"), strict.getMessage());

        raw.set(b, 0, b.length, 8, 99, RawRecord.GARBAGE, -1);
        SkippedBytesException garbage = assertThrows(SkippedBytesException.class, () -> PERMISSIVE.decode(raw));
        assertEquals(8, garbage.ordinal(), "the number of records before it");
        assertEquals(b.length, garbage.length());
        assertEquals(b.length + " bytes skipped at byte 99, after record 8: bytes between records that hold no record",
                garbage.getMessage());
    }

    @Test
    void decodingOneRecordLeavesNothingBehindForTheNext() {
        byte[] bad = sample();
        bad[indexOf(bad, "\u001fd1775") + 1] = 'D';
        Iso2709Decoder decoder = new Iso2709Decoder();
        assertEquals(1, decoder.decode(bad).errors().size());
        assertEquals(List.of(), decoder.decode(sample()).errors());
        assertEquals(PERMISSIVE.decode(bytes(record(5))), decoder.decode(bytes(record(5))));
    }
}
