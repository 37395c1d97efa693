package org.marcring.codec.iso2709;

import java.util.Objects;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.RecordEncoder;

/**
 * Converts framed ISO 2709 records to another format on one thread, as fast as the codec can: a plain record
 * is written straight from its bytes where the encoder is an {@link Iso2709Transcoder}, any other is decoded
 * (and repaired, as the options say) and encoded. The bytes are the same either way.
 *
 * <pre>{@code
 * Iso2709Conversion conversion = new Iso2709Conversion(ReadOptions.defaults(), MarcXmlEncoder.compact());
 * RawRecord raw = new RawRecord();
 * try (RecordFramer framer = RecordFramer.open(Path.of("in.mrc"))) {
 *     while (framer.next(raw)) {
 *         conversion.encode(raw, out);   // out: a ByteArrayBuilder, written out when full
 *     }
 * }
 * }</pre>
 *
 * <p>One instance per thread: it keeps the decoder's and the scanner's scratch space.
 */
public final class Iso2709Conversion {
    private final RecordEncoder encoder;
    private final Iso2709Transcoder direct;
    private final Iso2709Decoder decoder;
    private final Iso2709Fields fields;

    /** A conversion reading with {@code options} and writing with {@code encoder}. */
    public Iso2709Conversion(ReadOptions options, RecordEncoder encoder) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.direct = encoder instanceof Iso2709Transcoder ? (Iso2709Transcoder) encoder : null;
        this.decoder = new Iso2709Decoder(options);
        this.fields = new Iso2709Fields(options);
    }

    /**
     * Appends the encoding of the framed record {@code raw} to {@code out}.
     *
     * @throws org.marcring.codec.MarcFormatException where the bytes hold no readable record (nothing written)
     * @throws org.marcring.codec.MarcException       where the encoder cannot write the record (nothing written)
     */
    public void encode(RawRecord raw, ByteArrayBuilder out) {
        if (direct != null && raw.isClean() && direct.transcode(raw.buffer(), raw.offset(), raw.length(), fields, out)) {
            return;
        }
        MarcRecord record = decoder.decode(raw);
        int mark = out.length();
        try {
            encoder.encode(record, out);
        } catch (RuntimeException e) {
            out.truncate(mark);
            throw e;
        }
    }
}
