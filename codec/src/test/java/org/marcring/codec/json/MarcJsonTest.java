package org.marcring.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.EncodingWriter;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.ReadOptions;

/** MARC-in-JSON by hand: the exact bytes written, and every layout read. */
class MarcJsonTest {
    private static final MarcRecord RECORD = MarcRecord.builder().leader("00000nam a2200000 a 4500")
            .controlField("001", "id \"1\"").addField(DataField.of("245", '1', ' ', "a", "T\u00edtulo", "c", "x\\y"))
            .build();
    private static final String JSON = "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"id \\\"1\\\"\"},"
            + "{\"245\":{\"ind1\":\"1\",\"ind2\":\" \",\"subfields\":[{\"a\":\"T\u00edtulo\"},{\"c\":\"x\\\\y\"}]}}]}";

    private static List<MarcRecord> read(String json, boolean lines) {
        List<MarcRecord> out = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        try (MarcJsonReader r = lines ? MarcJsonReader.openLines(in, ReadOptions.strict())
                : MarcJsonReader.open(in, ReadOptions.strict())) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void encodesExactly() {
        ByteArrayBuilder out = new ByteArrayBuilder();
        MarcJsonEncoder.array().encode(RECORD, out);
        assertEquals(JSON, out.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MarcWriter w = new EncodingWriter(bytes, MarcJsonEncoder.array())) {
            w.write(RECORD);
            w.write(RECORD);
        }
        assertEquals("[" + JSON + "," + JSON + "]", bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        try (MarcWriter w = new EncodingWriter(bytes, MarcJsonEncoder.lines())) {
            w.write(RECORD);
            w.write(RECORD);
        }
        assertEquals(JSON + "\n" + JSON + "\n", bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        try (MarcWriter w = new EncodingWriter(bytes, MarcJsonEncoder.array())) {
            assertEquals(0, w.recordsWritten());
        }
        assertEquals("[]", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryLayout() {
        assertEquals(List.of(RECORD), read(JSON, false));
        assertEquals(List.of(RECORD, RECORD), read("[" + JSON + ",\n" + JSON + "]", false));
        assertEquals(List.of(RECORD, RECORD), read(JSON + "\n" + JSON + "\n", false));
        assertEquals(List.of(RECORD, RECORD), read(JSON + "\r\n\n" + JSON, true));
        assertEquals(List.of(), read("[]", false));
        // keys in any order, as marc4j writes them
        String reordered = "{\"fields\":[{\"245\":{\"subfields\":[{\"a\":\"T\u00edtulo\"},{\"c\":\"x\\\\y\"}],"
                + "\"ind2\":\" \",\"ind1\":\"1\"}},{\"001\":\"id \\\"1\\\"\"}],\"leader\":\"00000nam a2200000 a 4500\"}";
        MarcRecord r = read(reordered, false).get(0);
        assertEquals(RECORD.leader(), r.leader());
        assertEquals(RECORD.get("245"), r.get("245"));
    }

    @Test
    void deepNestingIsRefusedWithItsPlace() {
        String deep = "{\"extra\":" + "[".repeat(100_000);
        org.marcring.codec.MarcFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.marcring.codec.MarcFormatException.class, () -> read(deep, false));
        assertTrue(e.getMessage().contains("record 1") && e.getMessage().contains("nesting"), e.getMessage());
    }

    @Test
    void oddValuesAreRepairedAndListed() {
        String odd = "{\"leader\":\"00000nam a2200000 a 4500\",\"extra\":1,\"fields\":[{\"001\":12},"
                + "{\"245\":{\"ind1\":\"1\",\"subfields\":[{\"a\":\"x\"},{\"b\":null}]}}]}";
        List<MarcRecord> out = new ArrayList<>();
        try (MarcJsonReader r = MarcJsonReader.open(new ByteArrayInputStream(odd.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults())) {
            r.forEachRemaining(out::add);
        }
        MarcRecord rec = out.get(0);
        assertEquals("12", rec.controlNumber());
        assertEquals(DataField.of("245", '1', ' ', "a", "x"), rec.get("245"));
        assertEquals(4, rec.errors().size(), rec.errors().toString());
        assertTrue(rec.errors().get(0).message().startsWith("line 1, column"), rec.errors().toString());
    }
}
