package org.marcring.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;

class FilterByLanguageTest {

    @Test
    void keepsExactlyTheRecordsWhose008NamesTheLanguageInTheirOrder(@TempDir Path dir) throws Exception {
        Path in = Records.corpus(Records.TRAJECT_ISO);
        Path out = dir.resolve("hebrew.mrc");
        List<MarcRecord> expected = Records.read(in).stream()
                .filter(r -> r.controlValue("008") != null && r.controlValue("008").startsWith("heb", 35))
                .collect(Collectors.toList());

        String printed = StandardOutput.of(() -> FilterByLanguage.main(
                new String[] {in.toString(), "heb", out.toString()}));

        assertTrue(expected.size() >= 2, "the file has Hebrew records to keep");
        assertEquals(expected, Records.read(out));
        assertEquals(expected.size() + " of 30 records in heb\n", printed);
    }

    @Test
    void writesAnEmptyFileWhereNoRecordIsInTheLanguage(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("none.mrc");

        String printed = StandardOutput.of(() -> FilterByLanguage.main(
                new String[] {Records.corpus(Records.TRAJECT_ISO).toString(), "zzz", out.toString()}));

        assertEquals(List.of(), Records.read(out));
        assertEquals("0 of 30 records in zzz\n", printed);
    }
}
