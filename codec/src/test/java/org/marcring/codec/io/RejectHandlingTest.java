package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;

/**
 * A reading loop survives bad records: a permissive reader skips each reject and hands it to the reject
 * handler of its {@link ReadOptions} (a logged warning by default), a strict reader throws it, and
 * {@code recordsRead() + rejectedCount()} counts every record either way, in every format.
 */
class RejectHandlingTest {
    /** Three ISO 2709 records with garbage between the first and the second. */
    private static byte[] isoWithGarbage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Iso2709Encoder encoder = new Iso2709Encoder();
        out.writeBytes(encoder.encode(record("one")));
        out.writeBytes("this is no record at all".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(encoder.encode(record("two")));
        out.writeBytes(encoder.encode(record("three")));
        return out.toByteArray();
    }

    private static MarcRecord record(String id) {
        return MarcRecord.builder().controlField("001", id).dataField("245", '0', '0', "a", "T " + id).build();
    }

    private static final String MRK_WITH_BAD_RECORD = "=LDR  00000nam  2200000 a 4500\n=001  one\n\n"
            + "=LDR  00000nam  2200000 a 4500\n=245  $anothing before the dollar\n\n"
            + "=LDR  00000nam  2200000 a 4500\n=001  three\n";

    @Test
    void theDefaultsSkipAndLogWhenPermissiveAndThrowWhenStrict() {
        assertNotNull(ReadOptions.defaults().rejectHandler(), "permissive: a handler");
        assertNull(ReadOptions.strict().rejectHandler(), "strict: thrown");
        assertNull(ReadOptions.defaults().withMode(DecodeMode.STRICT).rejectHandler(), "follows the mode");
        assertNotNull(ReadOptions.strict().withMode(DecodeMode.PERMISSIVE).rejectHandler(), "follows the mode");
        assertNull(ReadOptions.defaults().withRejectsThrown().rejectHandler());
        Consumer<MarcFormatException> mine = e -> { };
        assertSame(mine, ReadOptions.strict().withRejectHandler(mine).rejectHandler(), "a chosen handler stays");
        assertSame(mine, ReadOptions.defaults().withRejectHandler(mine).withMode(DecodeMode.STRICT)
                .withMaxFields(5).rejectHandler(), "and survives the other withers");
        assertThrows(NullPointerException.class, () -> ReadOptions.defaults().withRejectHandler(null));
    }

    @Test
    void aForLoopOverAPermissiveReaderReadsPastGarbage() {
        List<String> ids = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.of(new ByteArrayInputStream(isoWithGarbage()),
                ReadOptions.defaults())) {
            for (MarcRecord r : reader) {
                ids.add(r.controlNumber());
            }
            assertEquals(List.of("one", "two", "three"), ids);
            assertEquals(3, reader.recordsRead());
            assertEquals(0, reader.rejectedCount(), "garbage is not a record");
            assertEquals(1, reader.regionsSkipped());
        }
    }

    @Test
    void aStrictReaderThrowsTheRejectAndStaysUsable() {
        try (MarcReader reader = MarcFormats.openReader(new ByteArrayInputStream(isoWithGarbage()),
                MarcFormat.AUTO, ReadOptions.strict())) {
            assertEquals("one", reader.next().controlNumber());
            MarcFormatException e = assertThrows(MarcFormatException.class, reader::next);
            assertEquals(1, e.ordinal());
            assertEquals(new Iso2709Encoder().encode(record("one")).length, e.byteOffset());
            assertEquals("two", reader.next().controlNumber());
        }
    }

    @Test
    void rejectsGoToTheHandlerOfTheOptionsInEveryFormat() {
        List<MarcFormatException> rejects = new ArrayList<>();
        ReadOptions options = ReadOptions.strict().withRejectHandler(rejects::add);
        List<String> ids = new ArrayList<>();
        try (MarcReader reader = MarcFormats.openReader(
                new ByteArrayInputStream(MRK_WITH_BAD_RECORD.getBytes(StandardCharsets.UTF_8)), MarcFormat.MRK,
                options)) {
            reader.forEach(r -> ids.add(r.controlNumber()));
        }
        assertEquals(List.of("one", "three"), ids);
        assertEquals(1, rejects.size());
        assertEquals(1, rejects.get(0).ordinal());

        rejects.clear();
        try (MarcReader reader = MarcFormats.openReader(new ByteArrayInputStream(isoWithGarbage()),
                MarcFormat.AUTO, ReadOptions.defaults().withRejectHandler(rejects::add))) {
            assertEquals(3, reader.stream().count());
        }
        assertEquals(1, rejects.size());
        assertTrue(rejects.get(0).getMessage().contains("bytes skipped at byte 64, after record 1: "),
                rejects.get(0).getMessage());
    }
}
