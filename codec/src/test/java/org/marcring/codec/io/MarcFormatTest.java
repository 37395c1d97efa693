package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.line.LineEncoder;

/** Format names, the line dump, and opening readers of every format from bytes. */
class MarcFormatTest {
    private static final MarcRecord RECORD = MarcRecord.builder().leader("00000nam a2200000 a 4500")
            .controlField("001", "x1").addField(DataField.of("245", '1', ' ', "a", "Title", "c", "two\nlines"))
            .build();

    @Test
    void namesAndAliases() {
        assertEquals(MarcFormat.ISO2709, MarcFormat.of("mrc"));
        assertEquals(MarcFormat.ISO2709, MarcFormat.of("MARC"));
        assertEquals(MarcFormat.MARCXML, MarcFormat.of("xml"));
        assertEquals(MarcFormat.NDJSON, MarcFormat.of("ndjson"));
        assertEquals(MarcFormat.MRK, MarcFormat.of("mrk"));
        assertEquals(MarcFormat.LINE, MarcFormat.of(" line "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarcFormat.of("yaml"));
        assertTrue(e.getMessage().contains("iso2709|marc|mrc"), e.getMessage());
        assertFalse(MarcFormat.LINE.isReadable());
    }

    @Test
    void lineDump() {
        ByteArrayBuilder out = new ByteArrayBuilder();
        new LineEncoder().encode(RECORD, out);
        assertEquals("LDR 00000nam a2200000 a 4500\n001 x1\n245 1_ $a Title $c two\\nlines\n", out.toString());
    }

    @Test
    void everyReadableFormatRoundTripsThroughDetection() throws Exception {
        for (MarcFormat format : MarcFormat.values()) {
            if (!format.isReadable() || !format.isWritable()) {
                continue;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MarcWriter w = MarcFormats.openWriter(new GZIPOutputStream(bytes), format)) {
                w.write(RECORD);
                w.write(RECORD);
            }
            try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream(bytes.toByteArray()), MarcFormat.AUTO,
                    ReadOptions.strict())) {
                assertEquals(RECORD.fields(), r.next().fields(), format.toString());
                assertEquals(RECORD.fields(), r.next().fields(), format.toString());
                assertFalse(r.hasNext());
            }
        }
    }

    @Test
    void utf16MarcXmlIsRead() {
        String xml = "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">\u4e2d1</controlfield></record>";
        byte[] bytes = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE);
        try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream(bytes), MarcFormat.AUTO, ReadOptions.strict())) {
            assertEquals("\u4e2d1", r.next().controlNumber());
        }
    }

    @Test
    void emptyInputHasNoRecordsAndGarbageIsNamed() {
        try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream(new byte[0]), MarcFormat.AUTO, ReadOptions.strict())) {
            assertFalse(r.hasNext());
        }
        org.marcring.codec.MarcException e = assertThrows(org.marcring.codec.MarcException.class,
                () -> MarcFormats.openReader(new ByteArrayInputStream("hello\u0001".getBytes(StandardCharsets.UTF_8)),
                        MarcFormat.AUTO, ReadOptions.strict()));
        assertTrue(e.getMessage().contains("'hello\\x01'"), e.getMessage());
    }
}
