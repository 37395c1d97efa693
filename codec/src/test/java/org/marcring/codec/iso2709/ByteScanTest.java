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
    Arbitrary<byte[]> nearNul() {
        return Arbitraries.bytes().between((byte) 0x00, (byte) 0x02).injectDuplicates(0.3)
                .array(byte[].class).ofMaxSize(70);
    }

    @Property(tries = 500)
    void hasNulOrRecordTerminatorAgreesWithALoop(@ForAll("bytes") byte[] near1d, @ForAll("nearNul") byte[] near0,
                                                 @ForAll int seedFrom) {
        for (byte[] b : new byte[][] {near1d, near0}) {
            int from = b.length == 0 ? 0 : Math.floorMod(seedFrom, b.length + 1);
            boolean expected = false;
            for (int i = from; i < b.length; i++) {
                expected |= b[i] == 0 || b[i] == 0x1D;
            }
            assertEquals(expected, ByteScan.hasNulOrRecordTerminator(b, from, b.length), "from " + from);
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

    @Provide
    Arbitrary<byte[]> entries() {
        // nine bytes, mostly digits, sometimes a byte just outside '0'-'9' or anything at all
        Arbitrary<Byte> digit = Arbitraries.bytes().between((byte) '0', (byte) '9');
        Arbitrary<Byte> near = Arbitraries.of((byte) '/', (byte) ':', (byte) ' ', (byte) 0xB0, (byte) 0x3F,
                (byte) 0x20, (byte) 0xB9);
        Arbitrary<Byte> one = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, digit), net.jqwik.api.Tuple.of(1, near),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        return one.array(byte[].class).ofSize(9);
    }

    @Property(tries = 3000)
    void lengthAndStartAgreeWithTheDigitByDigitReading(@ForAll("entries") byte[] entry) {
        long both = ByteScan.lengthAndStart(entry, 0);
        int length = ByteScan.digits4(entry, 0);
        int start = ByteScan.digits5(entry, 4);
        if (length < 0 || start < 0) {
            assertEquals(-1, both);
        } else {
            assertEquals(length, (int) (both >>> 32));
            assertEquals(start, (int) both);
        }
    }

    @Test
    void lengthAndStartOfTheExtremes() {
        byte[] b = "999999999".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(9999L << 32 | 99999, ByteScan.lengthAndStart(b, 0));
        b = "000000000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(0, ByteScan.lengthAndStart(b, 0));
        b = "012300456".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(123L << 32 | 456, ByteScan.lengthAndStart(b, 0));
        for (int i = 0; i < 9; i++) {
            for (byte bad : new byte[] {'/', ':', (byte) 0xB0, 0x10}) {
                byte[] c = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                c[i] = bad;
                assertEquals(-1, ByteScan.lengthAndStart(c, 0), "byte " + i + " = " + bad);
            }
        }
    }
}
