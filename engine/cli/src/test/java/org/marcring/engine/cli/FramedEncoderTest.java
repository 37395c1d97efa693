package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Decoder;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Fields;
import org.marcring.codec.json.MarcJsonEncoder;
import org.marcring.codec.xml.MarcXmlEncoder;

/** A run after earlier ones writes the separator before each record, on every path a record takes. */
class FramedEncoderTest {
    private static final MarcRecord RECORD = MarcRecord.builder()
            .leader(Leader.of("00000nam a2200000 i 4500"))
            .controlField("001", "id1")
            .dataField("245", '1', '0', "a", "A title & more", "c", "someone")
            .build();

    @Test
    void bothTranscodingEntriesWriteTheSeparatorThenWhatEncodingWrites() {
        byte[] iso = new Iso2709Encoder().encode(RECORD);
        for (boolean after : new boolean[] {false, true}) {
            MarcJsonEncoder json = MarcJsonEncoder.array();
            FramedEncoder framedJson = new FramedEncoder(json, after);
            ByteArrayBuilder encoded = new ByteArrayBuilder(64);
            framedJson.encode(RECORD, encoded);
            assertEquals(after, new String(encoded.toByteArray(), java.nio.charset.StandardCharsets.UTF_8)
                    .startsWith(new String(json.separator(), java.nio.charset.StandardCharsets.UTF_8)) && json.separator().length > 0);

            FramedEncoder framed = new FramedEncoder(MarcXmlEncoder.compact(), after);
            ByteArrayBuilder expected = new ByteArrayBuilder(64);
            // what the decoding path writes: the record as read back (its leader with length and base address)
            framed.encode(new Iso2709Decoder(ReadOptions.defaults()).decode(iso, 0, iso.length), expected);
            ByteArrayBuilder twoPasses = new ByteArrayBuilder(64);
            Iso2709Fields fields = new Iso2709Fields(ReadOptions.defaults());
            assertTrue(fields.scan(iso, 0, iso.length));
            assertTrue(framed.transcode(fields, twoPasses));
            ByteArrayBuilder onePass = new ByteArrayBuilder(64);
            assertTrue(framed.transcode(iso, 0, iso.length, new Iso2709Fields(ReadOptions.defaults()), onePass));
            assertArrayEquals(expected.toByteArray(), twoPasses.toByteArray());
            assertArrayEquals(expected.toByteArray(), onePass.toByteArray());
        }
    }

    @Test
    void aDeclinedRecordLeavesNothingBehindNotEvenTheSeparator() {
        byte[] iso = new Iso2709Encoder().encode(RECORD);
        iso[9] = ' ';                                      // MARC-8 by the leader: decoded, not transcoded
        FramedEncoder framed = new FramedEncoder(MarcJsonEncoder.array(), true);
        ByteArrayBuilder out = new ByteArrayBuilder(64);
        out.append((byte) '#');
        assertFalse(framed.transcode(iso, 0, iso.length, new Iso2709Fields(ReadOptions.defaults()), out));
        FramedEncoder xml = new FramedEncoder(MarcXmlEncoder.compact(), true);
        assertFalse(xml.transcode(iso, 0, iso.length, new Iso2709Fields(ReadOptions.defaults()), out));
        assertEquals(1, out.length());
    }
}
