package org.marcring.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;

class Marc8ToMarcXmlTest {

    @Test
    void writesMarc8CyrillicAsUnicodeMarcXmlThatSaysSoInTheLeader(@TempDir Path dir) throws Exception {
        Path in = Records.corpus(Records.MARC8_CYRILLIC);
        Path out = dir.resolve("cyrillic.xml");
        assertEquals(' ', (char) Files.readAllBytes(in)[9], "the input says MARC-8 at leader/09");

        String printed = StandardOutput.of(() -> Marc8ToMarcXml.main(new String[] {in.toString(), out.toString()}));

        List<MarcRecord> written = Records.read(out);
        assertEquals(1, written.size());
        assertEquals('a', written.get(0).leader().characterCoding());
        assertEquals("Одлуке и решења Савезног уставног суда.", written.get(0).values("880", 'a').get(1));
        String xml = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<subfield code=\"b\">Савезни уставни суд.</subfield>"), xml);
        assertTrue(printed.startsWith("1 records, "), printed);
    }

    @Test
    void convertsTwoThousandRecordsRecordForRecord(@TempDir Path dir) throws Exception {
        Path in = Records.corpus(Records.UVA_MARC8);
        Path out = dir.resolve("uva.xml");

        String printed = StandardOutput.of(() -> Marc8ToMarcXml.main(new String[] {in.toString(), out.toString()}));

        List<MarcRecord> read = Records.read(in);
        List<MarcRecord> written = Records.read(out);
        assertEquals(2000, written.size());
        assertTrue(printed.startsWith("2000 records, "), printed);
        for (int i = 0; i < read.size(); i++) {
            assertEquals(read.get(i).fields(), written.get(i).fields(), "record " + i);
        }
    }
}
