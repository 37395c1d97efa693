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

    /** Whether this decoder produces Unicode from MARC-8 (so that leader/09 becomes {@code a}). */
    default boolean convertsToUnicode() {
        return false;
    }
}
