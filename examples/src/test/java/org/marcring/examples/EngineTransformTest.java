package org.marcring.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcWriter;

class EngineTransformTest {

    @Test
    void dropsUntitledRecordsAndNotesTheOthersInInputOrder(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.mrc");
        Path out = dir.resolve("out.xml");
        List<MarcRecord> titled = new ArrayList<>();
        try (MarcWriter writer = MarcFormats.openWriter(in, MarcFormat.ISO2709)) {
            for (int i = 0; i < 500; i++) {
                MarcRecord.Builder b = MarcRecord.builder().controlField("001", "rec" + i);
                if (i % 5 != 3) {
                    b.dataField("245", '1', '0', "a", "Title " + i);
                }
                MarcRecord record = b.build();
                writer.write(record);
                if (record.title() != null) {
                    titled.add(record);
                }
            }
        }

        String printed = StandardOutput.of(() -> EngineTransform.main(new String[] {in.toString(), out.toString()}));

        assertEquals("500 read, 400 written, 100 without a title, 0 rejected\n", printed);
        List<MarcRecord> written = Records.read(out);
        assertEquals(titled.size(), written.size());
        for (int i = 0; i < titled.size(); i++) {
            MarcRecord r = written.get(i);
            assertEquals(titled.get(i).controlNumber(), r.controlNumber());
            assertEquals(titled.get(i).title(), r.title());
            assertEquals(DataField.of("590", ' ', ' ', "a", "Converted by marcring."), r.fields().get(2));
        }
    }
}
