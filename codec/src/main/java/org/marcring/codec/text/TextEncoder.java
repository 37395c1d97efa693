package org.marcring.codec.text;

import org.marcring.codec.io.ByteArrayBuilder;

/**
 * Turns text into the bytes of one character set when writing ISO 2709 (UTF-8 by default,
 * MARC-8 for systems that still need it). Safe to share between threads.
 */
public interface TextEncoder {

    /** Appends {@code text} encoded to {@code out}; what cannot be encoded is reported to {@code problems}. */
    void encode(String text, ByteArrayBuilder out, ProblemSink problems);

    /** The value leader/09 takes in records written with this encoder: {@code 'a'} or {@code ' '}. */
    char leaderCoding();
}
