package org.marcring.codec.limits;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An input made on the fly, never held whole: a head, a body repeated {@code times} times (or without end),
 * and a tail. For feeding readers inputs far larger than the heap.
 */
final class GeneratedInputStream extends InputStream {
    /** Repeat the body without end. */
    static final long ENDLESS = Long.MAX_VALUE;

    private final byte[][] parts;
    private final long times;
    private long repeated;
    private int part;        // 0 head, 1 body, 2 tail, 3 done
    private int pos;

    GeneratedInputStream(String head, String body, long times, String tail) {
        this.parts = new byte[][] {bytes(head), bytes(body), bytes(tail)};
        this.times = times;
        if (parts[1].length == 0) {
            throw new IllegalArgumentException("empty body");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len && part < 3) {
            byte[] p = parts[part];
            if (part == 1 && repeated >= times) {
                part = 2;
                pos = 0;
                continue;
            }
            int k = Math.min(len - n, p.length - pos);
            System.arraycopy(p, pos, b, off + n, k);
            n += k;
            pos += k;
            if (pos == p.length) {
                pos = 0;
                if (part == 1) {
                    repeated++;
                } else {
                    part++;
                }
            }
        }
        return n == 0 && len > 0 ? -1 : n;
    }
}
