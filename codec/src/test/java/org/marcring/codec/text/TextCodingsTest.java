package org.marcring.codec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.marc8.Marc8Decoder;

/** Which decoder a record gets, by its leader, the options and (permissive) its bytes. */
class TextCodingsTest {
    private static final Leader UTF8 = Leader.of("00000nam a2200000 a 4500");
    private static final Leader MARC8 = Leader.of("00000nam  2200000 a 4500");

    private final List<String> notes = new ArrayList<>();

    private TextDecoder choose(Leader leader, String body, ReadOptions options) {
        byte[] raw = ("xx" + body + "yy").getBytes(StandardCharsets.ISO_8859_1);
        return TextCodings.decoderFor(leader, raw, 2, raw.length - 4, options, (severity, index, message) -> {
            assertEquals(MarcError.Severity.WARNING, severity);
            notes.add(index + ":" + message);
        });
    }

    private static String utf8AsLatin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void validUtf8UnderAUtf8LeaderTakesTheUtf8DecoderThatNeedNotCheckAgain() {
        assertSame(Utf8Text.WELL_FORMED, choose(UTF8, "plain ascii record body", ReadOptions.defaults()));
        assertSame(Utf8Text.WELL_FORMED, choose(UTF8, utf8AsLatin1("Caf\u00E9 \u4E00 and more text"), ReadOptions.defaults()));
        assertSame(Utf8Text.WELL_FORMED, choose(UTF8, utf8AsLatin1("Caf\u00E9 \u4E00 and more text"), ReadOptions.strict()));
        assertEquals(List.of(), notes);
    }

    @Test
    void marc8BytesUnderAUtf8LeaderAreReadAsMarc8WhenPermissive() {
        String body = "0123456789Sis\u00E8alt\u00E8o: Pride";
        TextDecoder d = choose(UTF8, body, ReadOptions.defaults());
        assertSame(Marc8Decoder.DECOMPOSED, d);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("13:"), notes.toString());
        // strict mode trusts the leader, and checks each value (to name where the fault is)
        assertSame(Utf8Text.INSTANCE, choose(UTF8, body, ReadOptions.strict()));
        // one stray byte in otherwise UTF-8 text stays UTF-8 (its fault is reported per value)
        notes.clear();
        assertSame(Utf8Text.INSTANCE, choose(UTF8, utf8AsLatin1("\u0141\u00F3d\u017A ") + "\u0081", ReadOptions.defaults()));
        assertEquals(List.of(), notes);
    }

    @Test
    void utf8BytesUnderAMarc8LeaderAreReadAsUtf8WhenPermissive() {
        TextDecoder d = choose(MARC8, utf8AsLatin1("abcdefgh Caf\u00E9"), ReadOptions.defaults());
        assertTrue(d.convertsToUnicode(), "the text is Unicode");
        byte[] v = "Caf\u00E9".getBytes(StandardCharsets.UTF_8);
        assertEquals("Caf\u00E9", d.decode(v, 0, v.length, ProblemSink.IGNORE));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("12:"), notes.toString());
        // an escape sequence means MARC-8 whatever else the bytes look like
        assertSame(Marc8Decoder.DECOMPOSED, choose(MARC8, utf8AsLatin1("\u001B(BCaf\u00E9"), ReadOptions.defaults()));
        assertSame(Marc8Decoder.DECOMPOSED, choose(MARC8, utf8AsLatin1("Caf\u00E9"), ReadOptions.strict()));
    }

    @Test
    void marc8LeadersTakeTheMarc8DecoderAndTheOptionsRule() {
        assertSame(Marc8Decoder.DECOMPOSED, choose(MARC8, "ascii only", ReadOptions.defaults()));
        assertSame(Marc8Decoder.NFC, choose(MARC8, "communaut\u00E2e", ReadOptions.defaults().withNormalizeNfc(true)));
        assertSame(Marc8Decoder.DECOMPOSED, choose(UTF8, "x", ReadOptions.defaults().withCharacterCoding(CharacterCoding.MARC8)));
        assertSame(Utf8Text.INSTANCE, choose(MARC8, "x", ReadOptions.defaults().withCharacterCoding(CharacterCoding.UTF8)));
        assertSame(Latin1Text.INSTANCE, choose(MARC8, "x", ReadOptions.defaults().withCharacterCoding(CharacterCoding.LATIN1)));
        assertEquals(List.of(), notes);
    }
}
