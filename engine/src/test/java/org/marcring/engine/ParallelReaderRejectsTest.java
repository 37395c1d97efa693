package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;

/**
 * The parallel reader treats rejects as the options of its factory say, as the sequential readers do: a
 * permissive loop reads past an undecodable record, a strict reader throws it, a chosen handler gets it.
 */
class ParallelReaderRejectsTest {

    @Test
    void aPermissiveLoopSkipsTheRejectAndCountsIt() throws Exception {
        byte[] input = Fixtures.numberedWithUndecodable(200, 7, 150);
        List<String> ids = new ArrayList<>();
        try (ParallelReader reader = ParallelReader.of(input, ReadOptions.defaults())) {
            for (MarcRecord r : reader) {
                ids.add(r.controlNumber());
            }
            assertEquals(198, reader.recordsRead());
            assertEquals(2, reader.rejectedCount());
        }
        assertEquals(198, ids.size());
        assertEquals("6", ids.get(6));
        assertEquals("8", ids.get(7), "record 7 skipped");
        Fixtures.assertNoEngineThreads();
    }

    @Test
    void aStrictReaderThrowsAndAChosenHandlerCollects() throws Exception {
        byte[] input = Fixtures.numberedWithUndecodable(20, 3);
        try (ParallelReader reader = ParallelReader.of(input, ReadOptions.strict())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Integer.toString(i), reader.next().controlNumber());
            }
            MarcFormatException e = assertThrows(MarcFormatException.class, reader::next);
            assertEquals(3, e.ordinal());
            assertEquals("4", reader.next().controlNumber());
        }
        List<MarcFormatException> rejects = new ArrayList<>();
        try (ParallelReader reader = ParallelReader.of(input, ReadOptions.defaults().withRejectHandler(rejects::add))) {
            assertEquals(19, reader.stream().count());
        }
        assertEquals(1, rejects.size());
        assertEquals(3, rejects.get(0).ordinal());
        Fixtures.assertNoEngineThreads();
    }
}
