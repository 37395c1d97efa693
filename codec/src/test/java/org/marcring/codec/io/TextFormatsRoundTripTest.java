package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Decoder;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.codec.testing.Corpus;

/**
 * ISO 2709 → text format → ISO 2709 gives back the very bytes of every valid UTF-8 record of the
 * shared corpus, for MARCXML (compact and indented), MARC-in-JSON (array and lines) and MARCMaker
 * (ASCII mnemonics and UTF-8). Records that the ISO 2709 decoder had to repair are left out: their
 * bytes cannot come back.
 */
class TextFormatsRoundTripTest {

    static Stream<Corpus.Entry> validUtf8Files() {
        return Corpus.entries(e -> e.isValidIso2709() && e.isUtf8()).stream();
    }

    static final MarcFormat[] FORMATS = {
        MarcFormat.MARCXML, MarcFormat.JSON, MarcFormat.NDJSON, MarcFormat.MRK, MarcFormat.MRK8,
    };

    @ParameterizedTest(name = "{0}")
    @MethodSource("validUtf8Files")
    void isoToTextToIsoIsByteIdentical(Corpus.Entry file) throws IOException {
        List<byte[]> raws = new ArrayList<>();
        List<MarcRecord> records = new ArrayList<>();
        Iso2709Decoder decoder = new Iso2709Decoder(ReadOptions.defaults());
        try (RecordFramer framer = RecordFramer.of(Files.readAllBytes(file.path))) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                MarcRecord r = decoder.decode(raw);
                if (r.errors().stream().noneMatch(e -> e.severity().compareTo(MarcError.Severity.WARNING) >= 0)) {
                    raws.add(raw.copy());
                    records.add(r);
                }
            }
        }
        assertTrue(!records.isEmpty(), "no clean records in " + file);
        Iso2709Encoder iso = new Iso2709Encoder();
        for (MarcFormat format : FORMATS) {
            roundTrip(file, format, format.newEncoder(), records, raws, iso);
        }
        roundTrip(file, MarcFormat.MARCXML, org.marcring.codec.xml.MarcXmlEncoder.indented(), records, raws, iso);
    }

    private static void roundTrip(Corpus.Entry file, MarcFormat format, RecordEncoder encoder,
                                  List<MarcRecord> records, List<byte[]> raws, Iso2709Encoder iso) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MarcWriter w = MarcFormats.openWriter(bytes, encoder)) {
            records.forEach(w::write);
        }
        List<MarcRecord> back = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream(bytes.toByteArray()), MarcFormat.AUTO,
                ReadOptions.strict())) {
            r.forEachRemaining(back::add);
        }
        assertEquals(records.size(), back.size(), format + " record count for " + file);
        for (int i = 0; i < records.size(); i++) {
            assertEquals(List.of(), back.get(i).errors(), format + " errors, record " + i + " of " + file);
            assertArrayEquals(raws.get(i), iso.encode(back.get(i)),
                    format + " record " + i + " of " + file + " not byte-identical");
        }
    }
}
