package org.marcring.codec.iso2709;

import org.marcring.codec.io.ByteArrayBuilder;

/**
 * An encoder that can also write a record straight from its ISO 2709 bytes, skipping the record model: a
 * conversion with nothing to do between reading and writing (the command line's {@code convert}, the engine
 * without a user function) then neither builds strings nor fields for the records that need no repair.
 *
 * <p>The bytes written are exactly those the same encoder writes for the record {@link Iso2709Decoder}
 * decodes from the same bytes; where it cannot promise that (a character its format must replace, a limit
 * of the format) the transcoder writes nothing and answers {@code false}, and the caller decodes and encodes
 * the record as usual.
 */
public interface Iso2709Transcoder {

    /**
     * Appends the record whose fields {@code fields} found (the last {@link Iso2709Fields#scan} returned
     * {@code true}) to {@code out}; {@code false}, with {@code out} as it was, where the caller must decode
     * the record instead.
     */
    boolean transcode(Iso2709Fields fields, ByteArrayBuilder out);

    /**
     * Appends the record in {@code bytes[offset, offset + length)}, a frame without defects, to {@code out}
     * where {@link Iso2709Fields#scan} accepts it; {@code false}, with {@code out} as it was, where the caller
     * must decode the record instead. {@code fields} is the caller's scratch scanner (one per thread). An
     * encoder may check and write in one pass here, which this default does in two.
     */
    default boolean transcode(byte[] bytes, int offset, int length, Iso2709Fields fields, ByteArrayBuilder out) {
        return fields.scan(bytes, offset, length) && transcode(fields, out);
    }
}
