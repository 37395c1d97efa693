package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcRecord;

/**
 * Framing does not depend on where the input's chunks end: a record whose leader is cut by the end of the
 * buffer (fewer than the 5 length digits read yet) is framed as cleanly as any other. A regression test for
 * the first fuzzing finding, where the length was read at the position from before the buffer was compacted.
 */
class RecordFramerChunkTest {

    @Test
    void cleanRecordsStayCleanWhateverTheChunkSize() {
        MarcRecord record = MarcRecord.builder()
                .leader("00000nam a2200000 a 4500")
                .controlField("001", "chunk-test")
                .dataField("245", '1', '0', "a", "A title long enough to move the boundaries around")
                .build();
        byte[] one = new Iso2709Encoder().encode(record);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int count = 40;
        for (int i = 0; i < count; i++) {
            all.write(one, 0, one.length);
        }
        byte[] bytes = all.toByteArray();
        for (int chunk = 64; chunk <= 64 + one.length; chunk++) {
            RawRecord raw = new RawRecord();
            int framed = 0;
            try (RecordFramer framer = RecordFramer.of(new ByteArrayInputStream(bytes), chunk)) {
                while (framer.next(raw)) {
                    assertTrue(raw.isClean(), "chunk " + chunk + ", record " + framed + ": " + raw.describeDefects());
                    assertEquals((long) framed * one.length, raw.byteOffset());
                    framed++;
                }
            }
            assertEquals(count, framed, "chunk " + chunk);
        }
    }
}
