package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;

/**
 * NUL, the ISO 2709 record terminator and the other characters no output can hold in data are one rule in
 * every reader: replaced by U+FFFD and reported as an ERROR, so that a strict reader refuses the record and
 * every output writes the same value.
 */
class ForbiddenDataCharactersTest {

    private static final String LEADER = "00000nam a2200000 a 4500";

    /** A record whose 001 holds {@code control} and whose 245 $a holds {@code title}, in each format. */
    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of(MarcFormat.ISO2709, iso2709("id\u0000x", "Title\u001Dmore")),
                Arguments.of(MarcFormat.ISO2709, iso2709("id\u001Dx", "Title\u0000more")),
                Arguments.of(MarcFormat.JSON, utf8("{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"id\\u0000x\"},"
                        + "{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"Title\\u001dmore\"}]}}]}")),
                Arguments.of(MarcFormat.NDJSON, utf8("{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"id\\u0000x\"},"
                        + "{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"Title\\u001emore\"}]}}]}\n")),
                Arguments.of(MarcFormat.MRK, utf8("=LDR  " + LEADER + "\n=001  id\u0000x\n=245  10$aTitle\u001Dmore\n")));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** ISO 2709 bytes of the record, the two values written with '~' and then given their real characters. */
    private static byte[] iso2709(String control, String title) {
        MarcRecord r = new MarcRecord(Leader.of(LEADER), List.of(new ControlField("001", "id~x"),
                DataField.of("245", '1', '0', "a", "Title~more")), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcFormats.openWriter(out, MarcFormat.ISO2709)) {
            w.write(r);
        }
        byte[] b = out.toByteArray();
        char[] wanted = {control.charAt(2), title.charAt(5)};
        int k = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '~') {
                b[i] = (byte) wanted[k++];
            }
        }
        assertEquals(2, k);
        return b;
    }

    private static List<MarcRecord> read(MarcFormat format, byte[] bytes, ReadOptions options) {
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader r = MarcFormats.openReader(new ByteArrayInputStream(bytes), format, options)) {
            r.forEachRemaining(records::add);
        }
        return records;
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("inputs")
    void aPermissiveReaderReplacesEachSuchCharacterAndReportsAnError(MarcFormat format, byte[] bytes) {
        List<MarcRecord> records = read(format, bytes, ReadOptions.defaults());
        assertEquals(1, records.size());
        MarcRecord r = records.get(0);
        assertEquals("id\uFFFDx", r.controlValue("001"));
        assertEquals("Title\uFFFDmore", ((DataField) r.fields().get(1)).value(0));
        List<MarcError> errors = r.errors().stream().filter(e -> e.message().contains("no output can hold")).toList();
        assertEquals(2, errors.size(), () -> r.errors().toString());
        assertEquals(List.of("001", "245"), errors.stream().map(MarcError::tag).toList());
        assertTrue(errors.stream().allMatch(e -> e.severity() == MarcError.Severity.ERROR), errors::toString);
    }

    @Test
    void anXmlReferenceToNulIsNotWellFormedSoTheRecordIsRejectedNamingIt() {
        byte[] xml = utf8("<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>" + LEADER
                + "</leader><controlfield tag=\"001\">id&#x0;x</controlfield></record><record><leader>" + LEADER
                + "</leader><controlfield tag=\"001\">next</controlfield></record></collection>");
        List<String> rejects = new ArrayList<>();
        ReadOptions options = ReadOptions.defaults().withRejectHandler(e -> rejects.add(e.getMessage()));
        List<MarcRecord> records = read(MarcFormat.MARCXML, xml, options);
        assertFalse(records.stream().anyMatch(r -> r.controlValue("001").startsWith("id")), records::toString);
        assertEquals(1, rejects.size());
        assertTrue(rejects.get(0).contains("&#x0"), rejects::toString);
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("inputs")
    void aStrictReaderRefusesTheRecord(MarcFormat format, byte[] bytes) {
        MarcFormatException e = assertThrows(MarcFormatException.class,
                () -> read(format, bytes, ReadOptions.strict()));
        assertTrue(e.getMessage().contains("no output can hold"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("inputs")
    void everyOutputWritesTheSameRepairedValues(MarcFormat format, byte[] bytes) {
        MarcRecord r = read(format, bytes, ReadOptions.defaults()).get(0);
        for (MarcFormat out : List.of(MarcFormat.ISO2709, MarcFormat.MARCXML, MarcFormat.JSON, MarcFormat.MRK)) {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            try (MarcWriter w = MarcFormats.openWriter(written, out)) {
                w.write(r);
            }
            MarcRecord back = read(out, written.toByteArray(), ReadOptions.strict()).get(0);
            assertEquals("id\uFFFDx", back.controlValue("001"), out::toString);
            assertEquals("Title\uFFFDmore", ((DataField) back.fields().get(1)).value(0), out::toString);
            assertFalse(back.errors().stream().anyMatch(e -> e.severity() == MarcError.Severity.ERROR), out::toString);
        }
    }
}
