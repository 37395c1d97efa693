package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TagsTest {
    @Test
    void everyNumericTagIsItsThreeDigitsSharedAndInterned() {
        for (int i = 0; i < 1000; i++) {
            String expected = String.format("%03d", i);
            byte[] bytes = ("x" + expected).getBytes(StandardCharsets.US_ASCII);
            String tag = Tags.of(bytes, 1);
            assertEquals(expected, tag);
            assertSame(tag, Tags.of(expected.getBytes(StandardCharsets.US_ASCII), 0), expected);
            assertSame(expected.intern(), tag, expected);
        }
    }

    @Test
    void aTagWithANonDigitIsSpelledOutAndUnprintableBytesBecomeReplacementCharacters() {
        assertEquals("0A1", Tags.of("0A1".getBytes(StandardCharsets.US_ASCII), 0));
        assertEquals("0\uFFFD1", Tags.of(new byte[] {'0', (byte) 0x85, '1'}, 0));
    }
}
