package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;
import org.marcring.codec.testing.RecordArbitraries;

/** The encoders' output buffer: UTF-8 as the JDK writes it, digits, growth, truncation, reuse. */
class ByteArrayBuilderTest {

    @Property(tries = 300)
    void appendUtf8WritesWhatTheJdkWrites(@ForAll("text") String s, @ForAll @IntRange(min = 1, max = 64) int capacity) {
        ByteArrayBuilder b = new ByteArrayBuilder(capacity);
        b.appendAscii("x");
        b.appendUtf8(s);
        assertArrayEquals(("x" + s).getBytes(StandardCharsets.UTF_8), b.toByteArray());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> text() {
        return RecordArbitraries.text();
    }

    @Test
    void unpairedSurrogatesBecomeQuestionMarks() {
        ByteArrayBuilder b = new ByteArrayBuilder();
        b.appendUtf8("a\ud800b\udc00c\ud83d");
        assertEquals("a?b?c?", b.toString());
    }

    @Test
    void digitsAreZeroPaddedToTheWidth() {
        ByteArrayBuilder b = new ByteArrayBuilder();
        b.appendDigits(42, 5).appendDigits(0, 4).appendDigits(99999, 5).appendDecimal(-7);
        assertEquals("00042000099999-7", b.toString());
    }

    @Test
    void growsTruncatesResetsAndWrites() throws IOException {
        ByteArrayBuilder b = new ByteArrayBuilder(16);
        byte[] big = new byte[10_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        b.append(big).append((byte) 1).appendByte(0x1D).append(big, 5, 3);
        assertEquals(10_005, b.length());
        assertEquals(0x1D, b.array()[10_001]);
        b.truncate(10_000);
        assertArrayEquals(big, b.toByteArray());
        assertThrows(IllegalArgumentException.class, () -> b.truncate(10_001));
        assertThrows(IllegalArgumentException.class, () -> b.truncate(-1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.writeTo(out);
        assertArrayEquals(big, out.toByteArray());
        b.reset();
        assertEquals(0, b.length());
        assertEquals("", b.toString());
    }
}
