package org.marcring.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcWriter;

/** The exact bytes of MARCXML, compact and indented. */
class MarcXmlEncoderTest {
    private static final MarcRecord RECORD = MarcRecord.builder().leader("00000nam a2200000 a 4500")
            .controlField("001", "a<b")
            .addField(DataField.of("245", '1', ' ', "a", "T\u00edtulo & co", "\"", "odd code"))
            .build();

    private static String write(MarcXmlEncoder encoder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcXmlWriter.open(out, encoder)) {
            w.write(RECORD);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void compact() {
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">"
                + "<record><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">a&lt;b</controlfield>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\" \">"
                + "<subfield code=\"a\">T\u00edtulo &amp; co</subfield>"
                + "<subfield code=\"&quot;\">odd code</subfield></datafield>"
                + "</record></collection>\n", write(MarcXmlEncoder.compact()));
    }

    @Test
    void indented() {
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n"
                + "  <record>\n"
                + "    <leader>00000nam a2200000 a 4500</leader>\n"
                + "    <controlfield tag=\"001\">a&lt;b</controlfield>\n"
                + "    <datafield tag=\"245\" ind1=\"1\" ind2=\" \">\n"
                + "      <subfield code=\"a\">T\u00edtulo &amp; co</subfield>\n"
                + "      <subfield code=\"&quot;\">odd code</subfield>\n"
                + "    </datafield>\n"
                + "  </record>\n"
                + "</collection>\n", write(MarcXmlEncoder.indented()));
    }
}
