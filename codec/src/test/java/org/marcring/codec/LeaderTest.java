package org.marcring.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LeaderTest {
    //                                              0    5    10   15   20
    private static final Leader L = Leader.of("01234cjm a2200289 i 4500");

    @Test
    void typedAccessorsReadTheirPositions() {
        assertEquals(1234, L.recordLength());
        assertEquals('c', L.recordStatus());
        assertEquals('j', L.typeOfRecord());
        assertEquals('m', L.bibliographicLevel());
        assertEquals(' ', L.typeOfControl());
        assertEquals('a', L.characterCoding());
        assertTrue(L.isUnicode());
        assertEquals(2, L.indicatorCount());
        assertEquals(2, L.subfieldCodeCount());
        assertEquals(289, L.baseAddress());
        assertEquals(' ', L.encodingLevel());
        assertEquals('i', L.descriptiveCatalogingForm());
        assertEquals(' ', L.multipartLevel());
        assertEquals("4500", L.entryMap());
        assertEquals(RecordKind.BIBLIOGRAPHIC, L.kind());
        assertEquals('j', L.charAt(6));
    }

    @Test
    void nonDigitNumbersReadAsMinusOne() {
        Leader bad = Leader.of("0x234nam  X2 0289 i 4500");
        assertEquals(-1, bad.recordLength());
        assertEquals(-1, bad.indicatorCount());
        assertEquals(2, bad.subfieldCodeCount());
        assertEquals(-1, bad.baseAddress());
        assertFalse(bad.isUnicode());
    }

    @Test
    void kindFollowsPosition06() {
        assertEquals(RecordKind.AUTHORITY, L.with(6, 'z').kind());
        assertEquals(RecordKind.HOLDINGS, L.with(6, 'y').kind());
        assertEquals(RecordKind.CLASSIFICATION, L.with(6, 'w').kind());
        assertEquals(RecordKind.COMMUNITY, L.with(6, 'q').kind());
        assertEquals(RecordKind.UNKNOWN, L.with(6, '#').kind());
        for (char c : "acdefgijkmoprt".toCharArray()) {
            assertEquals(RecordKind.BIBLIOGRAPHIC, RecordKind.of(c), String.valueOf(c));
        }
    }

    @Test
    void withersReturnChangedCopies() {
        Leader changed = L.withRecordLength(7).withBaseAddress(99_999).withCharacterCoding(' ').with(5, 'n');
        assertEquals("00007njm  2299999 i 4500", changed.toString());
        assertEquals("01234cjm a2200289 i 4500", L.toString(), "the original is unchanged");
        assertSame(L, L.with(5, 'c'), "no copy when nothing changes");
        assertThrows(IllegalArgumentException.class, () -> L.withRecordLength(100_000));
        assertThrows(IllegalArgumentException.class, () -> L.withBaseAddress(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> L.with(24, 'x'));
    }

    @Test
    void ofRequires24Characters() {
        assertThrows(IllegalArgumentException.class, () -> Leader.of("short"));
        assertThrows(IllegalArgumentException.class, () -> Leader.of((String) null));
        assertThrows(IllegalArgumentException.class, () -> Leader.of(L + " "));
    }

    @Test
    void ofBytesKeepsEveryByteAsTheCharacterOfTheSameValue() {
        byte[] b = ("xx" + L).getBytes(StandardCharsets.ISO_8859_1);
        b[2 + 22] = (byte) 0xE9;
        Leader fromBytes = Leader.of(b, 2);
        assertEquals('\u00e9', fromBytes.charAt(22));
        assertEquals(L.with(22, '\u00e9'), fromBytes);
    }

    @Test
    void equalityIsByValue() {
        assertEquals(L, Leader.of("01234cjm a2200289 i 4500"));
        assertEquals(L.hashCode(), Leader.of("01234cjm a2200289 i 4500").hashCode());
        assertNotEquals(L, L.with(5, 'd'));
        assertNotEquals(L, "01234cjm a2200289 i 4500");
        assertEquals("00000nam a2200000 i 4500", Leader.defaultBibliographic().toString());
    }
}
