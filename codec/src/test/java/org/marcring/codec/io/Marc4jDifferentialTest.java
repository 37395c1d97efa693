package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marc4j.MarcJsonWriter;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlWriter;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.json.MarcJsonReader;
import org.marcring.codec.testing.Corpus;
import org.marcring.codec.xml.MarcXmlReader;

/**
 * marc4j 2.9.6 as an oracle: for the valid UTF-8 ISO 2709 files of the shared corpus, the records
 * read back from marc4j's MARCXML and MARC-in-JSON equal those read back from ours (and those read
 * from the ISO 2709 file itself).
 */
class Marc4jDifferentialTest {

    static Stream<Corpus.Entry> validUtf8Files() {
        return Corpus.entries(e -> e.isValidIso2709() && e.isUtf8()).stream();
    }

    private interface Marc4jWriterFactory {
        org.marc4j.MarcWriter open(ByteArrayOutputStream out);
    }

    private static byte[] marc4j(byte[] iso, Marc4jWriterFactory factory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamReader in = new MarcStreamReader(new ByteArrayInputStream(iso), "UTF-8");
        org.marc4j.MarcWriter w = factory.open(out);
        while (in.hasNext()) {
            w.write(in.next());
        }
        w.close();
        return out.toByteArray();
    }

    private static byte[] ours(List<MarcRecord> records, MarcFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcFormats.openWriter(out, format)) {
            records.forEach(w::write);
        }
        return out.toByteArray();
    }

    private static List<MarcRecord> read(MarcReader reader) {
        List<MarcRecord> out = new ArrayList<>();
        try (reader) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    private static InputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validUtf8Files")
    void ourXmlAndJsonReadBackAsMarc4jsDo(Corpus.Entry file) throws IOException {
        byte[] iso = Files.readAllBytes(file.path);
        List<MarcRecord> original = read(Iso2709Reader.of(iso, ReadOptions.defaults()));
        if (original.stream().flatMap(r -> r.errors().stream())
                .anyMatch(e -> e.severity().compareTo(org.marcring.codec.MarcError.Severity.WARNING) >= 0)) {
            return; // repaired records (two files) need not agree with marc4j's own repairs
        }
        List<MarcRecord> theirXml = read(MarcXmlReader.open(in(marc4j(iso, o -> new MarcXmlWriter(o, "UTF-8"))),
                ReadOptions.strict()));
        List<MarcRecord> ourXml = read(MarcXmlReader.open(in(ours(original, MarcFormat.MARCXML)),
                ReadOptions.strict()));
        assertEquals(original.size(), theirXml.size(), "marc4j XML count for " + file);
        assertEquals(theirXml.size(), ourXml.size());
        for (int i = 0; i < ourXml.size(); i++) {
            assertEquals(theirXml.get(i), ourXml.get(i), "XML record " + i + " of " + file);
        }
        List<MarcRecord> theirJson = read(MarcJsonReader.open(in(marc4j(iso,
                o -> new MarcJsonWriter(o, MarcJsonWriter.MARC_IN_JSON))), ReadOptions.strict()));
        List<MarcRecord> ourJson = read(MarcJsonReader.open(in(ours(original, MarcFormat.JSON)),
                ReadOptions.strict()));
        assertEquals(original.size(), theirJson.size(), "marc4j JSON count for " + file);
        for (int i = 0; i < ourJson.size(); i++) {
            assertEquals(theirJson.get(i).fields(), ourJson.get(i).fields(), "JSON record " + i + " of " + file);
            assertEquals(original.get(i), ourJson.get(i));
        }
        assertTrue(original.size() > 0);
    }
}
