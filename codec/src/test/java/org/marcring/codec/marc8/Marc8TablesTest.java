package org.marcring.codec.marc8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.marcring.codec.testing.Corpus;

/** The committed table resource: what the generator makes of LC's XML, and what it holds. */
class Marc8TablesTest {

    @Test
    void committedResourceIsWhatTheGeneratorMakesOfLcsXml() throws IOException {
        byte[] generated;
        try (InputStream xml = Files.newInputStream(
                Corpus.file("marc4j/src/org/marc4j/converter/impl/resources/codetables.xml"))) {
            generated = Marc8TableGenerator.generate(xml);
        }
        byte[] committed;
        try (InputStream in = Marc8Tables.class.getResourceAsStream(Marc8Tables.RESOURCE)) {
            committed = in.readAllBytes();
        }
        assertArrayEquals(generated, committed, "regenerate marc8.bin with Marc8TableGenerator");
    }

    @Test
    void holdsEverySetOfLcsTables() {
        Marc8Tables t = Marc8Tables.get();
        assertEquals(15_739, t.eaccSize());
        // facts of LC's tables, one or two per set
        assertEquals(0x0141, t.codePoint(Marc8Tables.EXTENDED_LATIN, 0xA1));
        assertTrue(t.isCombining(Marc8Tables.EXTENDED_LATIN, 0xE2));
        assertFalse(t.isCombining(Marc8Tables.EXTENDED_LATIN, 0xA1));
        assertEquals(0x03B1, t.codePoint(Marc8Tables.GREEK_SYMBOLS, 'a'));
        assertEquals(0x2082, t.codePoint(Marc8Tables.SUBSCRIPTS, '2'));
        assertEquals(0x00B2, t.codePoint(Marc8Tables.SUPERSCRIPTS, '2'));
        assertEquals(0x05D0, t.codePoint(Marc8Tables.BASIC_HEBREW, 0x60));
        assertEquals(0x0410, t.codePoint(Marc8Tables.BASIC_CYRILLIC, 'a'));
        assertEquals(0x0491, t.codePoint(Marc8Tables.EXTENDED_CYRILLIC, 0xC0));
        assertEquals(0x0627, t.codePoint(Marc8Tables.BASIC_ARABIC, 0x47));
        assertEquals(0x06FD, t.codePoint(Marc8Tables.EXTENDED_ARABIC, 0xA1));
        assertEquals(0x0391, t.codePoint(Marc8Tables.BASIC_GREEK, 'A'));
        assertEquals(0x4E00, t.eacc(0x213021));
        assertEquals(0x212C4, t.eacc(0x217559)); // beyond the BMP
        assertEquals(-1, t.eacc(0x212121 - 1));
        assertEquals(-1, t.codePoint(Marc8Tables.EXTENDED_LATIN, 0xEC)); // LC maps the second half to nothing
    }
}
