package org.marcring.codec.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-16 document re-encoded as UTF-8 as it is read, for {@link MarcXmlFramer}, which scans UTF-8 bytes: XML
 * may come in UTF-16 (with a byte-order mark, or starting with {@code <} as two bytes). Byte offsets then count
 * the UTF-8 bytes. Text that is not UTF-16 (an unpaired surrogate) becomes U+FFFD.
 */
final class Utf16Input extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 16);
    private boolean eof;

    private Utf16Input(InputStream in, Charset charset) {
        this.reader = new InputStreamReader(in, charset);
        chars.flip();
        bytes.flip();
    }

    /**
     * {@code in} itself, or where its first bytes show UTF-16, a stream of its text in UTF-8 (closing it closes
     * {@code in}).
     */
    static InputStream utf8(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        buffered.mark(4);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 == '<') {
            return new Utf16Input(buffered, b0 == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16);
        }
        if (b0 == 0xFF && b1 == 0xFE || b0 == '<' && b1 == 0) {
            return new Utf16Input(buffered, b0 == '<' ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16);
        }
        return buffered;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (eof) {
                return -1;
            }
            chars.compact();
            int n = reader.read(chars);
            chars.flip();
            bytes.clear();
            if (n < 0) {
                eof = true;
                encoder.encode(chars, bytes, true);
                encoder.flush(bytes);
            } else {
                encoder.encode(chars, bytes, false);
            }
            bytes.flip();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
