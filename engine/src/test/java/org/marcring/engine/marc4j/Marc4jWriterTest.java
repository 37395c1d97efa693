package org.marcring.engine.marc4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.testing.Corpus;

/**
 * {@link Marc4jWriter}: ISO 2709, MARCXML and MARC-in-JSON written through marcring from marc4j records are
 * byte for byte what marcring writes for the same records.
 */
class Marc4jWriterTest {
    private static final MarcFormat[] FORMATS = {MarcFormat.ISO2709, MarcFormat.MARCXML, MarcFormat.JSON};

    private static List<MarcRecord> marcring(String file) throws IOException {
        List<MarcRecord> out = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.open(Corpus.file(file))) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    private static byte[] written(MarcFormat format, List<MarcRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter writer = MarcFormats.openWriter(out, format)) {
            records.forEach(writer::write);
        }
        return out.toByteArray();
    }

    private static byte[] writtenByMarc4jWriter(MarcFormat format, List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Marc4jWriter writer = new Marc4jWriter(MarcFormats.openWriter(out, format))) {
            records.forEach(writer::write);
            writer.close();
            assertEquals(records.size(), writer.recordsWritten());
        }
        return out.toByteArray();
    }

    /** Records converted to marc4j's model (MARC-8 ones decoded by marcring) come out as marcring writes them. */
    @ParameterizedTest
    @ValueSource(strings = {"solrmarc/test/data/records/uva_001_2000.mrc",
            "marc4j/test/resources/pride-and-prejudice-fixed.mrc", "marc4j/test/resources/brkrtest_UTF8.mrc"})
    void marcringRecordsThroughMarc4jsModel(String file) throws IOException {
        List<MarcRecord> records = marcring(file);
        assertTrue(records.size() > 5);
        List<Record> legacy = new ArrayList<>();
        MarcFactory factory = MarcFactory.newInstance();
        records.forEach(r -> legacy.add(Marc4jRecords.toMarc4j(r, factory)));
        for (MarcFormat format : FORMATS) {
            byte[] expected = written(format, records);
            assertArrayEquals(expected, writtenByMarc4jWriter(format, legacy), format + " " + file);
        }
    }

    /** Records read by marc4j itself from a UTF-8 file come out as marcring writes what it reads there. */
    @ParameterizedTest
    @ValueSource(strings = {"marc4j/test/resources/pride-and-prejudice-fixed.mrc",
            "marc4j/test/resources/brkrtest_UTF8.mrc", "marc4j/test/resources/065001035.mrc"})
    void recordsReadByMarc4j(String file) throws IOException {
        List<Record> legacy = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Corpus.file(file))) {
            MarcStreamReader reader = new MarcStreamReader(in);
            while (reader.hasNext()) {
                legacy.add(reader.next());
            }
        }
        List<MarcRecord> records = marcring(file);
        assertEquals(records.size(), legacy.size());
        for (MarcFormat format : FORMATS) {
            byte[] expected = written(format, records);
            byte[] actual = writtenByMarc4jWriter(format, legacy);
            assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                    format + " " + file);
        }
    }

    @Test
    void aRecordMarcringCannotWriteIsAMarc4jException() {
        MarcFactory factory = MarcFactory.newInstance();
        Record bad = factory.newRecord("00000nam a2200000 a 4500");
        bad.addVariableField(factory.newControlField("1", "tag too short"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Marc4jWriter writer = new Marc4jWriter(MarcFormats.openWriter(out, MarcFormat.ISO2709))) {
            org.marc4j.MarcException e = assertThrows(org.marc4j.MarcException.class, () -> writer.write(bad));
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
    }
}
