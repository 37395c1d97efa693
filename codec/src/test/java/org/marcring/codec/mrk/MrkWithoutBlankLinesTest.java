package org.marcring.codec.mrk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.LineFramer;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.testing.FramedRecords;

/** MARCMaker records not separated by blank lines: each {@code =LDR} line starts a record. */
class MrkWithoutBlankLinesTest {

    private static String withoutBlankLines() {
        return FramedRecords.file(MarcFormat.MRK, 10).replaceAll("\r?\n\\s*\r?\n", "\n");
    }

    @Test
    void theReaderStartsARecordAtEachLeaderLine() {
        String mrk = withoutBlankLines();
        List<String> ids = new ArrayList<>();
        try (MrkReader r = MrkReader.open(new ByteArrayInputStream(mrk.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults(), MrkFlavor.MRK)) {
            while (r.hasNext()) {
                MarcRecord rec = r.next();
                assertEquals(List.of(), rec.errors());
                ids.add(rec.controlValue("001"));
            }
        }
        assertEquals(FramedRecords.ids(10), ids);
    }

    @Test
    void theFramerStartsARecordAtEachLeaderLine() {
        String mrk = withoutBlankLines();
        List<FramedRecords.Piece> pieces = FramedRecords.pieces(LineFramer.of(
                new ByteArrayInputStream(mrk.getBytes(StandardCharsets.UTF_8)), LineFramer.Framing.BLANK_LINES,
                ReadOptions.defaults()));
        assertEquals(FramedRecords.ids(10), FramedRecords.readable(pieces,
                in -> MrkReader.open(in, ReadOptions.defaults(), MrkFlavor.MRK)));
        assertEquals(10, pieces.size());
    }
}
