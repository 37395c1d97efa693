package org.marcring.codec.text;

import java.nio.charset.StandardCharsets;

/** ISO 8859-1: every byte is the character of the same value. Never fails. */
public final class Latin1Text implements TextDecoder {
    /** The shared instance. */
    public static final Latin1Text INSTANCE = new Latin1Text();

    private Latin1Text() {
    }

    @Override
    public String decode(byte[] src, int offset, int length, ProblemSink problems) {
        return new String(src, offset, length, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean keepsAscii() {
        return true;
    }
}
