package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The window's line and column of an offset agree with counting the whole input from its start, also across
 * compactions of a small window that drop the start of a long line, and in characters of UTF-8 text.
 */
class ByteWindowLinesTest {

    @Test
    void lineAndColumnOfOffsetsAsAFramerMovesOnAreThoseOfTheWholeInput() {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            int r = random.nextInt(20);
            sb.append(r == 0 ? '\n' : r == 1 ? '\u00e9' : r == 2 ? '\u4e2d' : r == 3 ? '\uD83D' : (char) ('a' + r));
            if (r == 3) {
                sb.append('\uDE00'); // a 4-byte character: counted as one
            }
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        for (int capacity : new int[] {16, 64, 1 << 16}) {
            ByteWindow window = ByteWindow.of(new ByteArrayInputStream(bytes), capacity);
            window.countLines();
            int offset = 0;
            while (offset < bytes.length) {
                int step = 1 + random.nextInt(40);
                if (!window.ensure(step)) {
                    break;
                }
                long at = window.position() + random.nextInt(step);
                if (at >= offset && (bytes[(int) at] & 0xC0) != 0x80) {
                    assertEquals(expectedLine(bytes, (int) at), window.lineOf(at), "line at " + at);
                    assertEquals(expectedColumn(bytes, (int) at, false), window.columnOf(at, false), "bytes at " + at);
                    assertEquals(expectedColumn(bytes, (int) at, true), window.columnOf(at, true), "chars at " + at);
                    offset = (int) at;
                }
                window.skip(step);
            }
        }
    }

    @Test
    void offsetsMustNotGoBackAndLinesMustBeAskedForFirst() {
        ByteWindow window = ByteWindow.of(new ByteArrayInputStream("a\nb\nc".getBytes(StandardCharsets.UTF_8)), 16);
        assertThrows(IllegalStateException.class, () -> window.lineOf(0));
        window.countLines();
        window.ensure(5);
        assertEquals(3, window.lineOf(4));
        assertThrows(IllegalArgumentException.class, () -> window.lineOf(1));
    }

    private static long expectedLine(byte[] bytes, int at) {
        long line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static long expectedColumn(byte[] bytes, int at, boolean characters) {
        int start = at;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        long column = 1;
        for (int i = start; i < at; i++) {
            if (!characters || (bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return column;
    }
}
