package org.marcring.codec.mrk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.ReadOptions;

/** MARCMaker text by hand: exact lines for both flavours, and they read back. */
class MrkEncoderTest {
    private static final MarcRecord RECORD = MarcRecord.builder().leader("01201nam  2200253 a 4500")
            .controlField("001", "tes 1\\{x}")
            .addField(DataField.of("245", '1', ' ', "a", "Ce\u0301sar {and} $5 a\\b", "c", "\u0141\u00f3d\u017a"))
            .build();

    private static String encode(MrkFlavor flavor) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        new MrkEncoder(flavor).encode(RECORD, out);
        return out.toString();
    }

    private static MarcRecord read(String text, MrkFlavor flavor) {
        try (MrkReader r = MrkReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.strict(), flavor)) {
            return r.next();
        }
    }

    @Test
    void utf8Flavour() {
        String text = encode(MrkFlavor.MRK8);
        assertEquals("=LDR  01201nam\\\\2200253\\a\\4500\n"
                + "=001  tes\\1{bsol}{lcub}x{rcub}\n"
                + "=245  1\\$aCe\u0301sar {lcub}and{rcub} {dollar}5 a\\b$c\u0141\u00f3d\u017a\n", text);
        assertEquals(RECORD, read(text, MrkFlavor.MRK8));
    }

    @Test
    void mnemonicFlavourPutsDiacriticsFirst() {
        String text = encode(MrkFlavor.MRK);
        assertEquals("=LDR  01201nam\\\\2200253\\a\\4500\n"
                + "=001  tes\\1{bsol}{lcub}x{rcub}\n"
                + "=245  1\\$aC{acute}esar {lcub}and{rcub} {dollar}5 a\\b$c{Lstrok}{U+00F3}d{U+017A}\n", text);
        assertEquals(RECORD, read(text, MrkFlavor.MRK));
    }

    @Test
    void oversizedRecordIsRefusedAndTheNextOneRead() {
        String text = "=LDR  00000nam  2200000 a 4500\n=500  \\\\$a" + "x".repeat(5000) + "\n\n"
                + "=LDR  00000nam  2200000 a 4500\n=001  two\n";
        try (MrkReader r = MrkReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults().withRejectsThrown().withMaxRecordBytes(1000), MrkFlavor.MRK8)) {
            org.marcring.codec.MarcFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.marcring.codec.MarcFormatException.class, r::next);
            assertEquals("record 1: line 1: record longer than 1000 characters", e.getMessage());
            assertEquals("two", r.next().controlNumber());
        }
    }

    @Test
    void ligatureHalvesBecomeOneDoubleDiacritic() {
        MarcRecord r = MarcRecord.builder().leader("00000nam  2200000 a 4500")
                .addField(DataField.of("500", ' ', ' ', "a", "di\u0361adi\u0361a t\u0360s")).build();
        ByteArrayBuilder out = new ByteArrayBuilder();
        new MrkEncoder(MrkFlavor.MRK).encode(r, out);
        assertEquals("=LDR  00000nam\\\\2200000\\a\\4500\n=500  \\\\$ad{llig}i{rlig}ad{llig}i{rlig}a "
                + "{ldbltil}t{rdbltil}s\n", out.toString());
        assertEquals(r, read(out.toString(), MrkFlavor.MRK));
        // a second half without a first stands as its own character
        assertEquals("x\uFE21", read("=LDR  00000nam  2200000 a 4500\n=500  \\\\$a{rlig}x\n", MrkFlavor.MRK)
                .value("500", 'a'));
    }

    @Test
    void readsMarcMakerConventions() {
        MarcRecord r = read("=LDR  00000nam  2200000 a 4500\n=008  960221s1955\\\\\\\\dcu\n"
                + "=500  \\\\$aPolish {Lstrok}{acute}od{acute}z, {1B} {unknown} $5{E2}e\n", MrkFlavor.MRK);
        assertEquals("960221s1955    dcu", r.controlValue("008"));
        assertEquals("Polish \u0141o\u0301dz\u0301, \u001B {unknown} ", r.value("500", 'a'));
        assertEquals("e\u0301", r.value("500", '5'));
    }
}
