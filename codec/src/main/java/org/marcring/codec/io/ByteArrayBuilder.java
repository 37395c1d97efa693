package org.marcring.codec.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array that encoders append to: the output side of every codec. It is reused
 * from record to record ({@link #reset()}), so steady-state encoding allocates nothing here.
 * Not thread-safe.
 */
public final class ByteArrayBuilder {
    private byte[] bytes;
    private int length;

    /** A builder with room for 4 KiB before it first grows. */
    public ByteArrayBuilder() {
        this(4096);
    }

    /** A builder with room for {@code capacity} bytes before it first grows. */
    public ByteArrayBuilder(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** The backing array; bytes {@code [0, length())} are the content. Valid until the next append. */
    public byte[] array() {
        return bytes;
    }

    /** Number of bytes written. */
    public int length() {
        return length;
    }

    /** Forgets the content, keeping the capacity. */
    public void reset() {
        length = 0;
    }

    /** Cuts the content back to {@code newLength} bytes. */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot truncate " + length + " bytes to " + newLength);
        }
        length = newLength;
    }

    /**
     * Sets the content length after an encoder wrote straight into {@link #array()} (having made room
     * with {@link #ensureRoom(int)} first): lets tight escaping loops keep a local position instead of
     * a call per byte. {@code newLength} must lie within the current capacity.
     */
    // Added for the text format encoders (MARCXML, MARC-in-JSON), which write escaped bytes directly.
    public void setLength(int newLength) {
        if (newLength < 0 || newLength > bytes.length) {
            throw new IllegalArgumentException("length " + newLength + " outside capacity " + bytes.length);
        }
        length = newLength;
    }

    /** Makes room for {@code extra} more bytes. */
    public void ensureRoom(int extra) {
        int needed = length + extra;
        if (needed > bytes.length) {
            if (needed < 0) {
                throw new OutOfMemoryError("byte array over 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, Math.max(needed, Math.min(Integer.MAX_VALUE - 16, bytes.length * 2)));
        }
    }

    /** Appends one byte. */
    public ByteArrayBuilder append(byte b) {
        if (length == bytes.length) {
            ensureRoom(1);
        }
        bytes[length++] = b;
        return this;
    }

    /** Appends one byte given as an int (the low 8 bits). */
    public ByteArrayBuilder appendByte(int b) {
        return append((byte) b);
    }

    /** Appends {@code len} bytes of {@code src} from {@code off}. */
    public ByteArrayBuilder append(byte[] src, int off, int len) {
        ensureRoom(len);
        System.arraycopy(src, off, bytes, length, len);
        length += len;
        return this;
    }

    /** Appends all of {@code src}. */
    public ByteArrayBuilder append(byte[] src) {
        return append(src, 0, src.length);
    }

    /** Appends the low byte of each character of {@code s}: for text known to be ASCII. */
    public ByteArrayBuilder appendAscii(CharSequence s) {
        int n = s.length();
        ensureRoom(n);
        for (int i = 0; i < n; i++) {
            bytes[length + i] = (byte) s.charAt(i);
        }
        length += n;
        return this;
    }

    /** Appends {@code value} as exactly {@code width} decimal digits, zero-padded. */
    public ByteArrayBuilder appendDigits(int value, int width) {
        ensureRoom(width);
        for (int i = width - 1; i >= 0; i--) {
            bytes[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
        return this;
    }

    /** Appends {@code value} in decimal. */
    public ByteArrayBuilder appendDecimal(long value) {
        return appendAscii(Long.toString(value));
    }

    /** Appends {@code s} encoded as UTF-8 (unpaired surrogates become {@code ?}). */
    public ByteArrayBuilder appendUtf8(String s) {
        int n = s.length();
        ensureRoom(n);
        int i = 0;
        // ASCII run: the common case
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            bytes[length++] = (byte) c;
        }
        if (i < n) {
            appendUtf8Slow(s, i, n);
        }
        return this;
    }

    private void appendUtf8Slow(String s, int i, int n) {
        ensureRoom((n - i) * 3);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ensureRoom(4 + (n - i) * 3);
                bytes[length++] = (byte) (0xF0 | (cp >> 18));
                bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                bytes[length++] = '?';
            } else {
                bytes[length++] = (byte) (0xE0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /** Writes the content to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The content decoded as UTF-8 (for tests and messages). */
    @Override
    public String toString() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }
}
