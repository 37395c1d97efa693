package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time scans agree with the plain loops they replace. */
class ByteScanTest {

    @Provide
    Arbitrary<byte[]> bytes() {
        // few distinct values, so that the one looked for turns up at every position, or not at all
        return Arbitraries.bytes().between((byte) 0x1C, (byte) 0x1F).injectDuplicates(0.3)
                .array(byte[].class).ofMaxSize(70);
    }

    @Property(tries = 500)
    void indexOfFindsTheFirstOccurrence(@ForAll("bytes") byte[] b, @ForAll int seedFrom, @ForAll int seedTo) {
        int from = b.length == 0 ? 0 : Math.floorMod(seedFrom, b.length + 1);
        int to = from + (b.length - from == 0 ? 0 : Math.floorMod(seedTo, b.length - from + 1));
        for (byte value : new byte[] {0x1D, 0x1E, 0x1F, (byte) 0x9E}) {
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (b[i] == value) {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, ByteScan.indexOf(b, from, to, value), "from " + from + " to " + to);
        }
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(70);
    }

    @Property(tries = 500)
    void countControlsCountsTheBytesBelow0x20(@ForAll("anyBytes") byte[] b, @ForAll int seedFrom) {
        int from = Math.floorMod(seedFrom, b.length + 1);
        int expected = 0;
        for (int i = from; i < b.length; i++) {
            if ((b[i] & 0xFF) < 0x20) {
                expected++;
            }
        }
        assertEquals(expected, ByteScan.countControls(b, from, b.length));
    }

    @Test
    void countControlsOnEveryByteValue() {
        byte[] b = new byte[256];
        for (int v = 0; v < 256; v++) {
            b[v] = (byte) v;
        }
        assertEquals(32, ByteScan.countControls(b, 0, 256));
        assertEquals(0, ByteScan.countControls(b, 32, 256));
    }

    @Test
    void highBytesAreNotMistakenForTheValue() {
        byte[] b = new byte[16];
        java.util.Arrays.fill(b, (byte) 0x9E); // 0x1E with the high bit set
        b[13] = 0x1E;
        assertEquals(13, ByteScan.indexOf(b, 0, 16, (byte) 0x1E));
        b[13] = (byte) 0xFF;
        assertEquals(-1, ByteScan.indexOf(b, 0, 16, (byte) 0x1E));
    }

    @Test
    void digitsAcceptOnlyDigits() {
        for (int v = 0; v < 256; v++) {
            byte[] b = {'1', '2', '3', '4', '5'};
            for (int pos = 0; pos < 5; pos++) {
                byte[] c = b.clone();
                c[pos] = (byte) v;
                boolean digit = v >= '0' && v <= '9';
                int five = digit ? Integer.parseInt(new String(c, java.nio.charset.StandardCharsets.US_ASCII)) : -1;
                assertEquals(five, ByteScan.digits5(c, 0), "byte " + v + " at " + pos);
                if (pos < 4) {
                    assertEquals(digit ? five / 10 : -1, ByteScan.digits4(c, 0), "byte " + v + " at " + pos);
                }
            }
        }
    }
}
