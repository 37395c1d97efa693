package org.marcring.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.json.JsonEscaping;
import org.marcring.codec.json.MarcJsonEncoder;
import org.marcring.codec.json.MarcJsonReader;

/**
 * The byte-level escapers: exact output, String and UTF-8 paths agree, and what they write parses back
 * (MARCMaker's escaping included).
 */
class EscapingTest {

    private static String xmlText(String s) {
        ByteArrayBuilder b = new ByteArrayBuilder();
        XmlEscaping.appendText(b, s, InvalidXmlCharacters.REPLACE);
        return b.toString();
    }

    private static String xmlAttribute(String s) {
        ByteArrayBuilder b = new ByteArrayBuilder();
        XmlEscaping.appendAttribute(b, s, InvalidXmlCharacters.REPLACE);
        return b.toString();
    }

    @Test
    void xmlEscapesMarkupAndReplacesForbiddenCharacters() {
        assertEquals("a &amp; b &lt;c&gt; \"q\" 'x'", xmlText("a & b <c> \"q\" 'x'"));
        assertEquals("a &amp; b &lt;c> &quot;q&quot;&#9;&#10;&#13;", xmlAttribute("a & b <c> \"q\"\t\n\r"));
        assertEquals("tab\tnl\ncr&#13;", xmlText("tab\tnl\ncr\r"));
        assertEquals("x\uFFFDy\uFFFDz\uFFFD", xmlText("x\u0001y\u001Bz\uFFFF"));
        assertEquals("\uFFFD!", xmlText("\uD800!"));
        assertEquals("\uD83D\uDE00 \u00e9 \u4e2d", xmlText("\uD83D\uDE00 \u00e9 \u4e2d"));
        ByteArrayBuilder b = new ByteArrayBuilder();
        assertEquals(-3, XmlEscaping.appendText(b, "ab\u0007", InvalidXmlCharacters.FAIL));
    }

    @Test
    void escapingAppendsAfterWhatTheBuilderHoldsWhereverTheFirstEscapeFalls() {
        ByteArrayBuilder b = new ByteArrayBuilder(4);
        b.appendAscii("pre|");
        assertEquals(0, XmlEscaping.appendText(b, "plain run", InvalidXmlCharacters.REPLACE));
        assertEquals(0, XmlEscaping.appendText(b, "|&start", InvalidXmlCharacters.REPLACE));
        assertEquals(0, XmlEscaping.appendText(b, "|middle<é>end", InvalidXmlCharacters.REPLACE));
        assertEquals(1, XmlEscaping.appendText(b, "|last\u0001", InvalidXmlCharacters.REPLACE));
        assertEquals("pre|plain run|&amp;start|middle&lt;é&gt;end|last\uFFFD", b.toString());
        // the index of a forbidden character after a run, counted in the string
        assertEquals(-6, XmlEscaping.appendText(new ByteArrayBuilder(), "ab&cd\u0002", InvalidXmlCharacters.FAIL));
    }

    @Test
    void encoderWritesTagsAsTheyAreOrEscaped() {
        MarcRecord r = MarcRecord.builder().controlField("001", "x")
                .addField(DataField.of("2&5", ' ', ' ', "a", "odd tag"))
                .addField(DataField.of("9Ab", ' ', ' ', "a", "letters")).build();
        ByteArrayBuilder out = new ByteArrayBuilder();
        MarcXmlEncoder.compact().encode(r, out);
        String xml = out.toString();
        assertTrue(xml.contains("<controlfield tag=\"001\">x</controlfield>"), xml);
        assertTrue(xml.contains("<datafield tag=\"2&amp;5\" ind1=\" \" ind2=\" \">"), xml);
        assertTrue(xml.contains("<datafield tag=\"9Ab\""), xml);
    }

    @Test
    void encoderFailsOrCountsByPolicy() {
        MarcRecord r = MarcRecord.builder().addField(DataField.of("245", '1', '0', "a", "bell\u0007")).build();
        MarcXmlEncoder failing = new MarcXmlEncoder(false, InvalidXmlCharacters.FAIL);
        MarcException e = assertThrows(MarcException.class, () -> failing.encode(r, new ByteArrayBuilder()));
        assertTrue(e.getMessage().contains("245") && e.getMessage().contains("U+0007"), e.getMessage());
        MarcXmlEncoder replacing = MarcXmlEncoder.compact();
        ByteArrayBuilder out = new ByteArrayBuilder();
        replacing.encode(r, out);
        assertEquals(1, replacing.replacedCharacters());
        assertTrue(out.toString().contains("<subfield code=\"a\">bell\uFFFD</subfield>"), out.toString());
    }

    @Test
    void jsonEscapes() {
        ByteArrayBuilder b = new ByteArrayBuilder();
        JsonEscaping.append(b, "q\"b\\s/ \n\t\r\b\f\u0001\u001F \u00e9 \uD800x");
        assertEquals("q\\\"b\\\\s/ \\n\\t\\r\\b\\f\\u0001\\u001F \u00e9 \\uD800x", b.toString());
    }

    /** Random strings over a nasty alphabet: both entry points give the same bytes, and they parse back. */
    @Test
    void stringAndUtf8PathsAgreeAndParseBack() {
        char[] alphabet = {'a', 'Z', '0', ' ', '&', '<', '>', '"', '\'', '\\', '/', '\t', '\n', '\r', '\u0001',
            '\u001F', '\u007F', '\u00e9', '\u0301', '\u0361', '\uFE21', '\u4e2d', '\uFFFD', '$', '{'};
        Random random = new Random(20261125);
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(30) == 0) {
                    sb.appendCodePoint(0x1F600 + random.nextInt(50));
                } else {
                    sb.append(alphabet[random.nextInt(alphabet.length)]);
                }
            }
            String s = sb.toString();
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            ByteArrayBuilder fromString = new ByteArrayBuilder(8);
            ByteArrayBuilder fromBytes = new ByteArrayBuilder(8);
            XmlEscaping.appendText(fromString, s, InvalidXmlCharacters.REPLACE);
            XmlEscaping.appendText(fromBytes, utf8, 0, utf8.length, InvalidXmlCharacters.REPLACE);
            assertEquals(fromString.toString(), fromBytes.toString(), s);
            fromString.reset();
            fromBytes.reset();
            XmlEscaping.appendAttribute(fromString, s, InvalidXmlCharacters.REPLACE);
            XmlEscaping.appendAttribute(fromBytes, utf8, 0, utf8.length, InvalidXmlCharacters.REPLACE);
            assertEquals(fromString.toString(), fromBytes.toString(), s);
            fromString.reset();
            fromBytes.reset();
            JsonEscaping.append(fromString, s);
            JsonEscaping.append(fromBytes, utf8, 0, utf8.length);
            assertEquals(fromString.toString(), fromBytes.toString(), s);

            // what is written reads back: exactly for JSON and MARCMaker but for the characters no output can hold
            // in data (read as U+FFFD, with an error); for XML, every character XML forbids as U+FFFD
            MarcRecord record = MarcRecord.builder().controlField("001", s)
                    .addField(DataField.of("245", '1', '0', "a", s)).build();
            String dataSafe = org.marcring.codec.DataCharacters.repaired(s, true);
            MarcRecord safe = MarcRecord.builder()
                    .controlField("001", org.marcring.codec.DataCharacters.repaired(s, false))
                    .addField(DataField.of("245", '1', '0', "a", dataSafe)).build();
            assertEquals(safe.fields(), readBack(record, true).fields());
            String xmlSafe = s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "\uFFFD");
            MarcRecord expected = MarcRecord.builder().controlField("001", xmlSafe)
                    .addField(DataField.of("245", '1', '0', "a", xmlSafe)).build();
            assertEquals(expected, readBack(record, false));
            for (org.marcring.codec.mrk.MrkFlavor flavor : org.marcring.codec.mrk.MrkFlavor.values()) {
                assertEquals(safe.fields(), readBackMrk(record, flavor).fields(), flavor + ": " + s);
            }
        }
    }

    private static MarcRecord readBackMrk(MarcRecord record, org.marcring.codec.mrk.MrkFlavor flavor) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        new org.marcring.codec.mrk.MrkEncoder(flavor).encode(record, out);
        try (org.marcring.codec.mrk.MrkReader r = org.marcring.codec.mrk.MrkReader.open(
                new ByteArrayInputStream(out.toByteArray()), ReadOptions.defaults(), flavor)) {
            return r.next();
        }
    }

    private static MarcRecord readBack(MarcRecord record, boolean json) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (MarcWriter w = new org.marcring.codec.io.EncodingWriter(out,
                json ? MarcJsonEncoder.array() : MarcXmlEncoder.indented())) {
            w.write(record);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        try (MarcReader r = json ? MarcJsonReader.open(in, ReadOptions.defaults())
                : MarcXmlReader.open(in, ReadOptions.strict())) {
            return r.next();
        }
    }
}
