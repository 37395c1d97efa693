package org.marcring.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcError.Severity;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;

/**
 * MARC-in-JSON keys given twice are reported (an ERROR where a value is lost, a WARNING where nothing is),
 * and an object with no usable leader, or nothing MARC in it at all, is rejected rather than read as a record.
 */
class MarcJsonDuplicateKeysTest {
    private static final String LEADER = "00000nam a2200000 a 4500";

    private static MarcRecord read(String json) {
        try (MarcJsonReader r = MarcJsonReader.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults().withRejectsThrown())) {
            MarcRecord rec = r.next();
            assertTrue(!r.hasNext(), "one record");
            return rec;
        }
    }

    private static List<String> problems(MarcRecord rec, Severity severity) {
        return rec.errors().stream().filter(e -> e.severity() == severity).map(MarcError::message)
                .collect(Collectors.toList());
    }

    @Test
    void aSecondDifferentLeaderIsAnError() {
        MarcRecord rec = read("{\"leader\":\"" + LEADER + "\",\"leader\":\"" + LEADER.replace('n', 'c')
                + "\",\"fields\":[{\"001\":\"x\"}]}");
        assertEquals(1, problems(rec, Severity.ERROR).size(), rec.errors()::toString);
        assertTrue(problems(rec, Severity.ERROR).get(0).contains("leader"), rec.errors()::toString);
    }

    @Test
    void aRepeatedIdenticalLeaderIsAWarning() {
        MarcRecord rec = read("{\"leader\":\"" + LEADER + "\",\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"x\"}]}");
        assertEquals(List.of(), problems(rec, Severity.ERROR));
        assertEquals(1, problems(rec, Severity.WARNING).size(), rec.errors()::toString);
    }

    @Test
    void twoFieldListsKeepEveryFieldWithAWarning() {
        MarcRecord rec = read("{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"x\"}],\"fields\":[{\"005\":\"y\"}]}");
        assertEquals("x", rec.controlValue("001"));
        assertEquals("y", rec.controlValue("005"));
        assertEquals(1, problems(rec, Severity.WARNING).size(), rec.errors()::toString);
        assertTrue(problems(rec, Severity.WARNING).get(0).contains("fields"));
    }

    @Test
    void aSecondDifferentIndicatorIsAnError() {
        MarcRecord rec = read("{\"leader\":\"" + LEADER + "\",\"fields\":[{\"245\":{\"ind1\":\"1\",\"ind1\":\"0\","
                + "\"ind2\":\"0\",\"subfields\":[{\"a\":\"T\"}]}}]}");
        assertEquals(1, problems(rec, Severity.ERROR).size(), rec.errors()::toString);
        assertTrue(problems(rec, Severity.ERROR).get(0).contains("ind1"), rec.errors()::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "1e999999999", "17", "{}", "[\"" + LEADER + "\"]", "true"})
    void aRecordWhoseLeaderIsNotAStringIsRejected(String leader) {
        String json = "{\"leader\":" + leader + ",\"fields\":[{\"001\":\"x\"}]}";
        MarcFormatException e = assertThrows(MarcFormatException.class, () -> read(json));
        assertTrue(e.getMessage().contains("leader"), e.getMessage());
    }

    @Test
    void nullLeaderAndNullFieldsAreRejected() {
        MarcFormatException e = assertThrows(MarcFormatException.class,
                () -> read("{\"leader\": null, \"fields\": null}"));
        assertTrue(e.getMessage().contains("leader"), e.getMessage());
    }

    @Test
    void anObjectWithNothingMarcInItIsRejectedNamingItsKeys() {
        MarcFormatException e = assertThrows(MarcFormatException.class,
                () -> read("{\"datafield\":[{\"tag\":\"245\"}],\"controlfield\":[],\"type\":\"Bibliographic\"}"));
        assertTrue(e.getMessage().contains("\"datafield\", \"controlfield\", \"type\""), e.getMessage());
    }

    @Test
    void recordsAfterARejectedObjectAreRead() {
        String json = "[{\"datafield\":[]},{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"x\"}]}]";
        try (MarcJsonReader r = MarcJsonReader.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults().withRejectsThrown())) {
            assertThrows(MarcFormatException.class, r::next);
            assertEquals("x", r.next().controlValue("001"));
            assertEquals(1, r.recordsRead());
            assertEquals(1, r.rejectedCount());
        }
    }
}
