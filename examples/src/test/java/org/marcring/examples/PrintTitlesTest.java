package org.marcring.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcRecord;

class PrintTitlesTest {

    @Test
    void printsTheControlNumberAndTitleOfEveryRecordInFileOrder() throws Exception {
        Path file = Records.corpus(Records.TRAJECT_ISO);
        List<MarcRecord> records = Records.read(file);

        String[] lines = StandardOutput.of(() -> PrintTitles.main(new String[] {file.toString()})).split("\n");

        assertEquals(30, lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(records.get(i).controlNumber() + "\t" + records.get(i).title(), lines[i]);
        }
        assertTrue(lines[0].startsWith("   00282214 \tFikr-i Ay"), lines[0]);
    }

    @Test
    void printsTheSameForTheSameRecordsInMarcXml() throws Exception {
        String iso = StandardOutput.of(() -> PrintTitles.main(
                new String[] {Records.corpus(Records.TRAJECT_ISO).toString()}));
        String xml = StandardOutput.of(() -> PrintTitles.main(
                new String[] {Records.corpus(Records.TRAJECT_XML).toString()}));

        assertEquals(iso, xml);
    }
}
