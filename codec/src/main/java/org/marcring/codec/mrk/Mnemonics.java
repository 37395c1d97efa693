package org.marcring.codec.mrk;

import java.util.HashMap;
import java.util.Map;

/**
 * The MARCMaker character mnemonics ({@code {dollar}}, {@code {acute}}, {@code {Lstrok}} …) with the
 * Unicode character each stands for. Each names a MARC-8 (ANSEL) character; the combining ones
 * (diacritics) are written before their base letter in MARC-8 order, and mapped as the project's
 * MARC-8 decoder maps them (the ligature halves to U+0361, the double tilde halves to U+0360). Besides the names, a mnemonic
 * can be two hex digits (a MARC-8 byte, {@code {1B}}) or a code point ({@code {U+00E9}}).
 */
final class Mnemonics {
    /**
     * The second halves of the ligature and double tilde ({@code {rlig}}, {@code {rdbltil}}). As in
     * LC's MARC-8 conversion, the first half becomes U+0361 / U+0360 after the first letter and the
     * second half, closing it, becomes nothing; a second half with no first stands as U+FE21 / U+FE23.
     */
    static final char LIGATURE_SECOND_HALF = '\uFE21';
    static final char DOUBLE_TILDE_SECOND_HALF = '\uFE23';

    /** Mnemonic name to character. */
    private static final Map<String, Character> BY_NAME = new HashMap<>();
    /** Character to its preferred mnemonic name (non-ASCII characters and the reserved ones). */
    private static final Map<Character, String> BY_CHAR = new HashMap<>();
    /** MARC-8 byte (0x80-0xFF) to character, for hex mnemonics. */
    private static final char[] ANSEL = new char[128];

    static {
        // name, MARC-8 byte, Unicode
        Object[][] table = {
            {"esc", 0x1B, '\u001B'}, {"dollar", 0x24, '$'}, {"curren", 0x24, '$'}, {"bsol", 0x5C, '\\'},
            {"lcub", 0x7B, '{'}, {"rcub", 0x7D, '}'},
            {"joiner", 0x8D, '\u200D'}, {"nonjoin", 0x8E, '\u200C'},
            {"Lstrok", 0xA1, '\u0141'}, {"Ostrok", 0xA2, '\u00D8'}, {"Dstrok", 0xA3, '\u0110'},
            {"THORN", 0xA4, '\u00DE'}, {"AElig", 0xA5, '\u00C6'}, {"OElig", 0xA6, '\u0152'},
            {"softsign", 0xA7, '\u02B9'}, {"middot", 0xA8, '\u00B7'}, {"flat", 0xA9, '\u266D'},
            {"reg", 0xAA, '\u00AE'}, {"plusmn", 0xAB, '\u00B1'}, {"Ohorn", 0xAC, '\u01A0'},
            {"Uhorn", 0xAD, '\u01AF'}, {"mlrhring", 0xAE, '\u02BC'}, {"mllhring", 0xB0, '\u02BB'},
            {"lstrok", 0xB1, '\u0142'}, {"ostrok", 0xB2, '\u00F8'}, {"dstrok", 0xB3, '\u0111'},
            {"thorn", 0xB4, '\u00FE'}, {"aelig", 0xB5, '\u00E6'}, {"oelig", 0xB6, '\u0153'},
            {"hardsign", 0xB7, '\u02BA'}, {"inodot", 0xB8, '\u0131'}, {"pound", 0xB9, '\u00A3'},
            {"eth", 0xBA, '\u00F0'}, {"ohorn", 0xBC, '\u01A1'}, {"uhorn", 0xBD, '\u01B0'},
            {"deg", 0xC0, '\u00B0'}, {"scriptl", 0xC1, '\u2113'}, {"phono", 0xC2, '\u2117'},
            {"copy", 0xC3, '\u00A9'}, {"sharp", 0xC4, '\u266F'}, {"iquest", 0xC5, '\u00BF'},
            {"iexcl", 0xC6, '\u00A1'}, {"szlig", 0xC7, '\u00DF'}, {"euro", 0xC8, '\u20AC'},
            {"hooka", 0xE0, '\u0309'}, {"grave", 0xE1, '\u0300'}, {"acute", 0xE2, '\u0301'},
            {"circ", 0xE3, '\u0302'}, {"tilde", 0xE4, '\u0303'}, {"macr", 0xE5, '\u0304'},
            {"breve", 0xE6, '\u0306'}, {"dot", 0xE7, '\u0307'}, {"uml", 0xE8, '\u0308'},
            {"diaer", 0xE8, '\u0308'}, {"caron", 0xE9, '\u030C'}, {"ring", 0xEA, '\u030A'},
            {"llig", 0xEB, '\u0361'}, {"rlig", 0xEC, LIGATURE_SECOND_HALF}, {"rcommaa", 0xED, '\u0315'},
            {"dblac", 0xEE, '\u030B'}, {"candra", 0xEF, '\u0310'}, {"cedil", 0xF0, '\u0327'},
            {"ogon", 0xF1, '\u0328'}, {"dotb", 0xF2, '\u0323'}, {"dbldotb", 0xF3, '\u0324'},
            {"ringb", 0xF4, '\u0325'}, {"dblunder", 0xF5, '\u0333'}, {"under", 0xF6, '\u0332'},
            {"commab", 0xF7, '\u0326'}, {"rcedil", 0xF8, '\u031C'}, {"breveb", 0xF9, '\u032E'},
            {"ldbltil", 0xFA, '\u0360'}, {"rdbltil", 0xFB, DOUBLE_TILDE_SECOND_HALF}, {"commaa", 0xFE, '\u0313'},
        };
        for (Object[] row : table) {
            String name = (String) row[0];
            int marc8 = (Integer) row[1];
            char c = (Character) row[2];
            BY_NAME.put(name, c);
            if (c != LIGATURE_SECOND_HALF && c != DOUBLE_TILDE_SECOND_HALF) {
                BY_CHAR.putIfAbsent(c, name); // a second half is written by the encoder, after the letter
            }
            if (marc8 >= 0x80) {
                ANSEL[marc8 - 0x80] = c;
            }
        }
    }

    private Mnemonics() {
    }

    /**
     * The text a mnemonic (the part between the braces) stands for, or {@code null} where it is not
     * a known mnemonic (the braces are then kept as written).
     */
    static String decode(String name) {
        Character c = BY_NAME.get(name);
        if (c != null) {
            return String.valueOf(c);
        }
        int n = name.length();
        if (n == 2 && isHex(name)) {
            int b = Integer.parseInt(name, 16);
            if (b < 0x80) {
                return String.valueOf((char) b);
            }
            char a = ANSEL[b - 0x80];
            return a == 0 ? null : String.valueOf(a);
        }
        if (n >= 6 && n <= 8 && (name.startsWith("U+") || name.startsWith("u+")) && isHex(name.substring(2))) {
            int cp = Integer.parseInt(name.substring(2), 16);
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        }
        return null;
    }

    /** The mnemonic name for {@code c}, or {@code null} where it has none. */
    static String nameOf(char c) {
        return BY_CHAR.get(c);
    }

    /** Whether {@code c} is a combining mark (written before its base letter in MARC-8 order). */
    static boolean isCombining(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
