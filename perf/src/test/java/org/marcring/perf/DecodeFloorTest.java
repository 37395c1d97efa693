package org.marcring.perf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Encoder;

/** The floor decoder of the decoding benchmark reads what marcring wrote: the yardstick does the same work. */
class DecodeFloorTest {

    private static List<MarcRecord> records() {
        List<MarcRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(MarcRecord.builder()
                    .controlField("001", "rec" + i)
                    .controlField("008", "200101s2020    xx            000 0 eng d")
                    .addField(DataField.of("100", '1', ' ', "a", "Austen, Jane,", "d", "1775-1817."))
                    .addField(DataField.of("245", '1', '0', "a", "Pride and prejudice " + i + " /", "c",
                            "Jane Austen ; édition établie par Ünal Ça\u011Flar."))
                    .addField(DataField.of("500", ' ', ' ', "a", "x".repeat(i * 7)))
                    .addField(DataField.of("650", ' ', '0', "a", "Courtship", "v", "Fiction.", "x", "", "z",
                            "England \u65E5\u672C"))
                    .build());
        }
        return records;
    }

    @Test
    void readsTheTagsIndicatorsCodesAndValuesMarcringWrote() {
        List<MarcRecord> records = records();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Iso2709Encoder encoder = new Iso2709Encoder();
        records.forEach(r -> file.writeBytes(encoder.encode(r)));

        List<Object> read = new ArrayList<>();
        long subfields = new DecodeFloor(true).decode(file.toByteArray(), read::add);

        assertEquals(records.size(), read.size());
        long expectedSubfields = 0;
        for (int i = 0; i < records.size(); i++) {
            MarcRecord want = records.get(i);
            DecodeFloor.Rec got = (DecodeFloor.Rec) read.get(i);
            assertEquals(want.fields().size(), got.fields().size());
            for (int f = 0; f < want.fields().size(); f++) {
                Field w = want.fields().get(f);
                Object g = got.fields().get(f);
                if (w instanceof ControlField) {
                    DecodeFloor.Control c = (DecodeFloor.Control) g;
                    assertEquals(w, new ControlField(c.tag(), c.data()));
                    expectedSubfields++;
                } else {
                    DataField d = (DataField) w;
                    DecodeFloor.Data h = (DecodeFloor.Data) g;
                    assertEquals(d.tag() + d.indicator1() + d.indicator2(), h.tag() + h.indicator1() + h.indicator2());
                    char[] codes = new char[d.subfieldCount()];
                    String[] values = new String[d.subfieldCount()];
                    for (int k = 0; k < codes.length; k++) {
                        codes[k] = d.code(k);
                        values[k] = d.value(k);
                    }
                    assertArrayEquals(codes, h.codes());
                    assertArrayEquals(values, h.values());
                    expectedSubfields += codes.length;
                }
            }
        }
        assertEquals(expectedSubfields, subfields);
    }

    @Test
    void withoutStringsEveryValueIsEmptyButTheStructureIsTheSame() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Iso2709Encoder encoder = new Iso2709Encoder();
        records().forEach(r -> file.writeBytes(encoder.encode(r)));
        List<Object> with = new ArrayList<>();
        List<Object> without = new ArrayList<>();
        long a = new DecodeFloor(true).decode(file.toByteArray(), with::add);
        long b = new DecodeFloor(false).decode(file.toByteArray(), without::add);
        assertEquals(a, b);
        DecodeFloor.Data title = (DecodeFloor.Data) ((DecodeFloor.Rec) without.get(3)).fields().get(3);
        assertEquals("245", title.tag());
        assertArrayEquals(new char[] {'a', 'c'}, title.codes());
        assertArrayEquals(new String[] {"", ""}, title.values());
    }
}
