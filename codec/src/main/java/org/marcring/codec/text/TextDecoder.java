package org.marcring.codec.text;

/**
 * Turns the bytes of one control field or one subfield value into text, in one character set
 * ({@link Utf8Text}, MARC-8, Latin-1). Decoders are stateless between calls and safe to share.
 */
public interface TextDecoder {

    /**
     * Decodes {@code length} bytes of {@code src} from {@code offset}. Bytes that map to nothing
     * become U+FFFD and are reported to {@code problems}; the decoder itself never throws for data.
     */
    String decode(byte[] src, int offset, int length, ProblemSink problems);

    /**
     * Whether bytes 0x00-0x7F always decode to the characters of the same value, wherever they stand, and
     * never give rise to a problem: true for UTF-8 and Latin-1, not for MARC-8 (whose escape sequences
     * change what the ASCII bytes after them mean). A caller that has seen only such bytes may then make
     * the string itself.
     */
    default boolean keepsAscii() {
        return false;
    }

    /**
     * Whether this decoder produces Unicode from a record whose leader/09 says MARC-8 (the leader itself is
     * kept as read).
     */
    default boolean convertsToUnicode() {
        return false;
    }
}
