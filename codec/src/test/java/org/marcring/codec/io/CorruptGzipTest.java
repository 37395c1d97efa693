package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;

/**
 * Corrupt gzip input is bad data like any other: {@link MarcFormats#openReader} reports it as a
 * {@link MarcException} (not an {@code UncheckedIOException}), after the records that came before it.
 */
class CorruptGzipTest {

    private static byte[] gzippedRecords(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MarcWriter w = MarcFormats.openWriter(new GZIPOutputStream(bytes), MarcFormat.ISO2709)) {
            for (int i = 0; i < count; i++) {
                w.write(MarcRecord.builder().leader("00000nam a2200000 a 4500").controlField("001", "r" + i)
                        .dataField("245", '0', '0', "a", "Title " + i + " " + "x".repeat(i * 37 % 500)).build());
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aGzipHeaderWithNothingAfterItIsRefusedAsBadData() {
        byte[] header = {0x1F, (byte) 0x8B, 8, 0};
        MarcException e = assertThrows(MarcException.class,
                () -> MarcFormats.openReader(new ByteArrayInputStream(header), MarcFormat.AUTO, ReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith("corrupt gzip input after 0 decompressed bytes"), e.getMessage());
    }

    @Test
    void gzipCutShortGivesTheRecordsBeforeTheCutThenAMarcException() throws IOException {
        byte[] whole = gzippedRecords(200);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        int records = 0;
        MarcException fault = null;
        try (MarcReader reader = MarcFormats.openReader(new ByteArrayInputStream(cut), MarcFormat.AUTO, ReadOptions.defaults())) {
            while (reader.hasNext()) {
                assertEquals("r" + records, reader.next().controlNumber());
                records++;
            }
        } catch (MarcException e) {
            fault = e;
        }
        assertTrue(fault != null && fault.getMessage().contains("corrupt gzip input"), String.valueOf(fault));
        assertTrue(records > 0 && records < 200, "records before the cut: " + records);
    }
}
