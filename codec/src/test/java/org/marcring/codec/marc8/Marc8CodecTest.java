package org.marcring.codec.marc8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcError;
import org.marcring.codec.io.ByteArrayBuilder;

/**
 * MARC-8 decoding and encoding of hand-written values. Expected characters are those of LC's MARC-8
 * code tables (e.g. ANSEL E2 = combining acute U+0301, EACC 213021 = U+4E00, Basic Hebrew 0x60 =
 * alef U+05D0), not outputs of this code.
 */
class Marc8CodecTest {

    private final List<String> problems = new ArrayList<>();
    private final List<MarcError.Severity> severities = new ArrayList<>();

    private String decode(String latin1) {
        byte[] b = latin1.getBytes(StandardCharsets.ISO_8859_1);
        return Marc8Decoder.DECOMPOSED.decode(b, 0, b.length, (severity, index, message) -> {
            severities.add(severity);
            problems.add(index + ":" + message);
        });
    }

    private String encode(String text) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        Marc8Encoder.INSTANCE.encode(text, out, (severity, index, message) -> {
            severities.add(severity);
            problems.add(index + ":" + message);
        });
        return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void plainAsciiIsReturnedAsIs() {
        assertEquals("Pride and prejudice /", decode("Pride and prejudice /"));
        assertEquals("", decode(""));
        assertEquals(List.of(), problems);
    }

    @Test
    void ansiLettersAndSymbols() {
        // A1 = L with stroke, B2 = o with stroke, B9 = pound, C3 = copyright, C7 = eszett, C8 = euro
        assertEquals("\u0141\u00F8\u00A3\u00A9\u00DF\u20AC", decode("\u00A1\u00B2\u00B9\u00C3\u00C7\u00C8"));
        assertEquals(List.of(), problems);
    }

    @Test
    void combiningMarksMoveBehindTheirBase() {
        assertEquals("communaute\u0301.", decode("communaut\u00E2e."));
        // two marks on one base keep their MARC-8 order: E3 circumflex, E2 acute
        assertEquals("e\u0302\u0301x", decode("\u00E3\u00E2ex"));
        // a mark, then an escape sequence, then its base
        assertEquals("\u05D0\u0301", decode("\u00E2\u001B(2`\u001B(B"));
        assertEquals(List.of(), problems);
    }

    @Test
    void marksEndingAValueStayInOrderAndAreNoted() {
        assertEquals("ab\u0301\u0302", decode("ab\u00E2\u00E3"));
        assertEquals(List.of(MarcError.Severity.INFO), severities);
        assertTrue(problems.get(0).startsWith("2:"), problems.toString());
    }

    @Test
    void ligatureHalvesBecomeOneDoubleMark() {
        assertEquals("t\u0361s", decode("\u00EBt\u00ECs"));
        assertEquals("n\u0360g", decode("\u00FAn\u00FBg"));
        // a second half alone keeps LC's alternative
        assertEquals("o\uFE21", decode("\u00ECo"));
        // a second half stacked with its first half, before the first base, is a mark of that base: it does not
        // close the pair, the one before the next base does (found by fuzzing: the round trip lost a mark)
        assertEquals("n\u0360\uFE23g", decode("\u00FA\u00FBn\u00FBg"));
        assertEquals("t\u0361\uFE21s", decode("\u00EB\u00ECt\u00ECs"));
        assertEquals(List.of(), problems);
    }

    @Test
    void controlBytesForNonSorting() {
        assertEquals("\u0098The \u009Cend", decode("\u0088The \u0089end"));
    }

    @Test
    void escapeSequencesDesignateEverySet() {
        assertEquals("CO\u2082 is a gas", decode("CO\u001Bb2\u001Bs is a gas"));
        assertEquals("x\u00B2", decode("x\u001Bp2\u001Bs"));
        assertEquals("\u03B1\u03B2\u03B3", decode("\u001Bgabc\u001Bs"));
        assertEquals("\u05D0\u05D1", decode("\u001B(2`a"));
        assertEquals("\u0410\u0411", decode("\u001B(Nab"));
        // Extended Cyrillic as G1 (ESC ) Q): C0 = U+0491
        assertEquals("\u0491", decode("\u001B)Q\u00C0"));
        // ANSEL back into G1 both ways: ESC ) E and ESC ) ! E
        assertEquals("\u0491\u0141\u0141", decode("\u001B)Q\u00C0\u001B)E\u00A1\u001B)Q\u001B)!E\u00A1"));
        assertEquals("\u4E00\u4E01 x", decode("\u001B$1!0!!0\"\u001B(B x"));
        // a space between EACC characters is a space
        assertEquals("\u4E00 \u4E01", decode("\u001B$1!0! !0\"\u001B(B"));
        assertEquals(List.of(), problems);
    }

    @Test
    void eachValueStartsInTheDefaultState() {
        byte[] two = "\u001B(Nab|ab".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("\u0410\u0411", Marc8Decoder.DECOMPOSED.decode(two, 0, 5, null));
        assertEquals("ab", Marc8Decoder.DECOMPOSED.decode(two, 6, 2, null));
    }

    @Test
    void numericCharacterReferencesBecomeCharacters() {
        assertEquals("x\u0915y\uD83D\uDE00&amp; &#xZZ;", decode("x&#x0915;y&#x1F600;&amp; &#xZZ;"));
        assertEquals(List.of(), problems);
    }

    @Test
    void nfcOnRequest() {
        byte[] b = "caf\u00E2e".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("caf\u00E9", Marc8Decoder.NFC.decode(b, 0, b.length, null));
        assertSame(Marc8Decoder.NFC, Marc8Decoder.of(true));
    }

    @Test
    void bytesThatMeanNothingAreReplacedAndReportedWithTheirIndex() {
        assertEquals("a\uFFFDb", decode("a\u00AFb"));
        assertEquals("a\uFFFDb", decode("a\u0081b"));
        assertEquals("\uFFFD(Zx", decode("\u001B(Zx"));
        assertEquals("\uFFFD", decode("\u001B"));
        // EACC cut short by the end of the value
        assertEquals("\u4E00\uFFFD", decode("\u001B$1!0!!0"));
        assertEquals(List.of(MarcError.Severity.ERROR, MarcError.Severity.ERROR, MarcError.Severity.ERROR,
                MarcError.Severity.ERROR, MarcError.Severity.ERROR), severities);
        assertTrue(problems.get(0).startsWith("1:"), problems.toString());
        assertTrue(problems.get(4).startsWith("6:"), problems.toString());
    }

    @Test
    void encoderWritesMarksFirstAndResetsTheState() {
        assertEquals("communaut\u00E2e.", encode("communaute\u0301."));
        assertEquals("communaut\u00E2e.", encode("communaut\u00E9."));
        assertEquals("\u00EBt\u00ECs", encode("t\u0361s"));
        // a letter under both double marks: each pair gets its second half before the next letter (fuzzing found
        // one of them lost when only the last was remembered)
        assertEquals("\u00EB\u00FAt\u00EC\u00FBs", encode("t\u0361\u0360s"));
        assertEquals("t\u0361\u0360s", decode(encode("t\u0361\u0360s")));
        // an ampersand with a mark, before text that looks like a reference: the mark is written first, so the
        // ampersand itself must be escaped or the bytes would read as the reference
        assertEquals("&\u0306#x0bbb11;", decode(encode("&\u0306#x0bbb11;")));
        assertEquals("\u001B(N\u0061\u0062.\u001B(B", encode("\u0410\u0411."));
        assertEquals("\u001B$1!0!\u001B(B \u001B$1!0\"\u001B(B", encode("\u4E00 \u4E01"));
        assertEquals("CO\u001Bb2\u001Bs", encode("CO\u2082"));
        assertEquals("\u001B)Q\u00C0\u001B)E", encode("\u0491"));
        assertEquals(List.of(), problems);
    }

    @Test
    void encoderWritesReferencesForWhatMarc8Lacks() {
        assertEquals("x&#x0915;&#x1F600;", encode("x\u0915\uD83D\uDE00"));
        assertEquals("&#x0026;#x41;", encode("&#x41;"));
        assertEquals("a & b", encode("a & b"));
        assertEquals(2, severities.size());
        assertTrue(problems.get(0).startsWith("1:"), problems.toString());
        assertTrue(problems.get(1).startsWith("2:"), problems.toString());
        assertEquals(' ', Marc8Encoder.INSTANCE.leaderCoding());
    }

    @Test
    void specialBytesAreFoundWhereverTheyStandInTheWord() {
        // the plain-ASCII check reads eight bytes at a time: put each kind of special byte at every offset
        for (int len = 0; len <= 40; len++) {
            String pad = "x".repeat(len);
            for (int p = 0; p <= len; p++) {
                String before = pad.substring(0, p);
                String after = pad.substring(p);
                assertEquals(before + "e\u0301" + after, decode(before + "\u00E2e" + after));
                assertEquals(before + "A" + after, decode(before + "&#x41;" + after));
                assertEquals(before + "&" + after, decode(before + "&" + after));
                assertEquals(before + "\u0410" + after, decode(before + "\u001B(Na\u001B(B" + after));
            }
        }
        assertEquals(List.of(), problems);
    }
}
