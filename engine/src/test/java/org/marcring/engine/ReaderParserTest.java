package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Decoder;
import org.marcring.codec.iso2709.Iso2709Reader;

/** A streaming reader as a one-record parser, shown with the ISO 2709 reader standing in for a text format's. */
class ReaderParserTest {

    private static RecordSlot slot(byte[] bytes, long ordinal, long offset) {
        RecordSlot slot = new RecordSlot();
        slot.copyRaw(bytes, 0, bytes.length);
        slot.describe(ordinal, offset, 0, -1);
        return slot;
    }

    @Test
    void oneRecordPerSlotSameAsTheDecoder() throws Exception {
        List<byte[]> records = Fixtures.numberedRecords(20);
        ReaderParser parser = new ReaderParser(in -> Iso2709Reader.of(in, ReadOptions.defaults()));
        Iso2709Decoder decoder = new Iso2709Decoder();
        for (int i = 0; i < records.size(); i++) {
            MarcRecord r = parser.parse(slot(records.get(i), i, 1000L * i));
            assertEquals(decoder.decode(records.get(i)), r);
        }
    }

    @Test
    void faultsNameTheSlotsOrdinalAndOffset() throws Exception {
        List<byte[]> records = Fixtures.numberedRecords(2);
        ReaderParser parser = new ReaderParser(in -> Iso2709Reader.of(in, ReadOptions.defaults()));
        MarcFormatException bad = assertThrows(MarcFormatException.class,
                () -> parser.parse(slot(Fixtures.undecodable(records.get(0)), 41, 12345)));
        assertEquals(41, bad.ordinal());
        assertEquals(12345, bad.byteOffset());
        assertTrue(bad.fault().contains("directory"), bad.fault());

        MarcFormatException two = assertThrows(MarcFormatException.class,
                () -> parser.parse(slot(Fixtures.concat(records), 7, 70)));
        assertEquals("holds more than one record", two.fault());
        MarcFormatException none = assertThrows(MarcFormatException.class,
                () -> parser.parse(slot(new byte[] {'\n'}, 8, 80)));
        assertEquals("holds no record", none.fault());
    }

    @Test
    void throughAPipelineWithLineFramingOfHexLines() throws Exception {
        // each line is one ISO 2709 record written in hex: a made-up text format, read by a line framer and
        // decoded by a reader over each line's bytes
        List<byte[]> records = Fixtures.numberedRecords(50);
        StringBuilder text = new StringBuilder();
        for (byte[] r : records) {
            text.append(java.util.HexFormat.of().formatHex(r)).append('\n');
        }
        List<String> ids = new ArrayList<>();
        ReadOptions options = ReadOptions.defaults();
        Pipeline.builder()
                .source(TextRecordSource.of(new java.io.ByteArrayInputStream(
                                text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                        TextRecordSource.Framing.LINES, options,
                        () -> new ReaderParser(in -> {
                            try {
                                byte[] iso = java.util.HexFormat.of().parseHex(new String(in.readAllBytes(),
                                        java.nio.charset.StandardCharsets.US_ASCII));
                                return Iso2709Reader.of(iso, options);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })))
                .parsers(3).sink(r -> ids.add(r.controlNumber())).build().run();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(Integer.toString(i));
        }
        assertEquals(expected, ids);
    }
}
