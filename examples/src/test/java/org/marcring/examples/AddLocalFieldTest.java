package org.marcring.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.Field;
import org.marcring.codec.MarcRecord;

class AddLocalFieldTest {

    @Test
    void everyRecordGainsTheNoteInTagOrderAndLosesIts9xxFields(@TempDir Path dir) throws Exception {
        Path in = Records.corpus(Records.UVA_MARC8);
        Path out = dir.resolve("checked.mrc");
        List<MarcRecord> before = Records.read(in);
        assertTrue(before.stream().anyMatch(r -> r.fields().stream().anyMatch(f -> f.tag().startsWith("9"))),
                "the input has 9XX fields to remove");

        StandardOutput.of(() -> AddLocalField.main(new String[] {in.toString(), "Checked 2026-12.", out.toString()}));

        List<MarcRecord> after = Records.read(out);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            List<Field> kept = new ArrayList<>(before.get(i).fields());
            kept.removeIf(f -> f.tag().startsWith("9"));
            List<Field> written = new ArrayList<>(after.get(i).fields());
            Field note = written.stream().filter(f -> f.tag().equals("590")
                    && "Checked 2026-12.".equals(f.get('a'))).findFirst().orElseThrow();
            int at = written.indexOf(note);
            assertTrue(at == 0 || written.get(at - 1).tag().compareTo("590") <= 0, "after the lower tags");
            assertTrue(at == written.size() - 1 || written.get(at + 1).tag().compareTo("590") > 0,
                    "before the higher tags");
            written.remove(at);
            assertEquals(kept, written, "record " + i + " otherwise unchanged");
        }
    }
}
