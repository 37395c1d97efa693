package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Supplier;

import org.marcring.codec.Leader;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.xml.MarcXmlEncoder;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the transcoding entries on plain records with bytes changed anywhere (biased to the bytes that matter:
 * separators, terminators, NUL, escapes, UTF-8 lead and continuation bytes, digits in the directory): the
 * one-pass entry and the two passes either decline, leaving the output as it was, or write exactly what
 * decoding and encoding write; the one pass writes nothing the scan refuses; nothing throws.
 */
class TranscoderFuzzTest {
    private static final byte[] SPECIAL = {0x1F, 0x1E, 0x1D, 0x00, '&', '<', '>', '\r', '\n', '\t', (byte) 0xEF,
            (byte) 0xBF, (byte) 0xBE, (byte) 0xC3, (byte) 0xA9, (byte) 0x80, '0', '9', ' ', 'a', 'A', '|', '~'};
    private static final List<byte[]> BASES = List.of(
            record("A <title> & more", "by someone"),
            record("caf\u00e9 \u4e2d\u6587 \ud83d\ude00", "x"),
            record("", "y".repeat(30)));
    private static final List<Supplier<RecordEncoder>> ENCODERS = List.of(MarcXmlEncoder::compact,
            MarcXmlEncoder::indented, Iso2709Encoder::new);

    private static byte[] record(String title, String other) {
        return new Iso2709Encoder().encode(MarcRecord.builder()
                .leader(Leader.of("00000nam a2200000 i 4500"))
                .controlField("001", "id-1")
                .controlField("008", "840112s1962    pau")
                .dataField("245", '1', '0', "a", title, "c", other)
                .dataField("650", ' ', '0', "a", "Subject", "x", "", "z", "Place")
                .dataField("500", ' ', ' ')
                .build());
    }

    @FuzzTest(maxDuration = "10m")
    void transcodingWritesWhatDecodingWritesOrNothing(FuzzedDataProvider data) {
        byte[] b = BASES.get(data.consumeInt(0, BASES.size() - 1)).clone();
        int changes = data.consumeInt(1, 4);
        for (int c = 0; c < changes; c++) {
            int at = data.consumeInt(0, b.length - 1);
            b[at] = data.consumeBoolean() ? SPECIAL[data.consumeInt(0, SPECIAL.length - 1)] : data.consumeByte();
        }
        ReadOptions options = ReadOptions.defaults();
        boolean scanned = new Iso2709Fields(options).scan(b, 0, b.length);
        for (Supplier<RecordEncoder> make : ENCODERS) {
            Iso2709Transcoder transcoder = (Iso2709Transcoder) make.get();
            ByteArrayBuilder out = new ByteArrayBuilder(16);
            out.append((byte) '#');
            boolean taken = transcoder.transcode(b, 0, b.length, new Iso2709Fields(options), out);
            if (!taken) {
                assertEquals(1, out.length(), "declined, but left bytes behind");
                continue;
            }
            assertTrue(scanned, "written, though the scan refuses the record");
            MarcRecord decoded = new Iso2709Decoder(options).decode(b, 0, b.length);
            assertEquals(List.of(), decoded.errors(), "written, though the decoder remarks");
            ByteArrayBuilder expected = new ByteArrayBuilder(16);
            expected.append((byte) '#');
            try {
                make.get().encode(decoded, expected);
            } catch (MarcException e) {
                fail("written, but encoding the decoded record fails: " + e.getMessage());
            }
            assertArrayEquals(expected.toByteArray(), out.toByteArray());
        }
    }
}
