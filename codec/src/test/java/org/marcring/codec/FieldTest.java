package org.marcring.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Control fields, data fields and subfields: construction, checks, access, editing, equality. */
class FieldTest {
    private static final DataField TITLE = DataField.of("245", '1', '0',
            Subfield.of('a', "Pride and prejudice /"), Subfield.of('c', "Jane Austen."));

    @Test
    void dataFieldOfVariantsBuildTheSameField() {
        assertEquals(TITLE, DataField.of("245", '1', '0', "a", "Pride and prejudice /", "c", "Jane Austen."));
        assertEquals(TITLE, new DataField("245", '1', '0', List.of(Subfield.of('a', "Pride and prejudice /"),
                Subfield.of('c', "Jane Austen."))));
        assertEquals(TITLE, DataField.builder("245").indicators('1', '0').add('a', "Pride and prejudice /")
                .add(Subfield.of('c', "Jane Austen.")).build());
        assertEquals(List.of(), DataField.of("500", ' ', ' ').subfields());
    }

    @Test
    void dataFieldOfRejectsWhatIsNotAField() {
        assertThrows(IllegalArgumentException.class, () -> DataField.of("245", ' ', ' ', "a"));
        assertThrows(IllegalArgumentException.class, () -> DataField.of("245", ' ', ' ', "ab", "x"));
        assertThrows(IllegalArgumentException.class, () -> DataField.of("245", ' ', ' ', "", "x"));
        assertThrows(IllegalArgumentException.class, () -> DataField.of("24", ' ', ' ', "a", "x"));
        assertThrows(IllegalArgumentException.class, () -> DataField.of("2450", ' ', ' ', "a", "x"));
        assertThrows(NullPointerException.class, () -> DataField.of(null, ' ', ' ', "a", "x"));
        assertThrows(NullPointerException.class, () -> DataField.of("245", ' ', ' ', "a", null));
        assertThrows(NullPointerException.class, () -> Subfield.of('a', null));
        assertThrows(IllegalArgumentException.class, () -> ControlField.of("01", "x"));
        assertThrows(NullPointerException.class, () -> ControlField.of("001", null));
    }

    @Test
    void subfieldListIsFrozen() {
        List<Subfield> list = new ArrayList<>(List.of(Subfield.of('a', "x")));
        DataField f = new DataField("500", ' ', ' ', list);
        list.add(Subfield.of('b', "y"));
        assertEquals(1, f.subfields().size(), "a copy, not a view");
        assertThrows(UnsupportedOperationException.class, () -> f.subfields().add(Subfield.of('c', "z")));
    }

    @Test
    void lookupsFindTheFirstAndAll() {
        DataField f = DataField.of("650", ' ', '0', "a", "Cats", "x", "Behavior", "x", "Juvenile", "v", "Fiction");
        assertEquals("Cats", f.get('a'));
        assertEquals("Behavior", f.get('x'));
        assertNull(f.get('z'));
        assertEquals(List.of("Behavior", "Juvenile"), f.getAll('x'));
        assertEquals(List.of("Behavior", "Juvenile", "Fiction"), f.getAll('v', 'x'), "in field order");
        assertTrue(f.has('v'));
        assertFalse(f.has('b'));
        assertEquals("Cats Behavior Juvenile Fiction", f.value());
        assertFalse(f.isControl());
        assertNull(f.data());
    }

    @Test
    void controlFieldAnswersLikeAFieldWithoutSubfields() {
        ControlField c = ControlField.of("001", "ocm123");
        assertTrue(c.isControl());
        assertEquals("ocm123", c.data());
        assertEquals("ocm123", c.value());
        assertEquals(' ', c.indicator1());
        assertEquals(' ', c.indicator2());
        assertEquals(List.of(), c.subfields());
        assertNull(c.get('a'));
        assertFalse(c.has('a'));
        assertEquals(List.of(), c.getAll('a'));
        assertEquals("001  ocm123", c.toString());
    }

    @Test
    void builderEditsACopy() {
        DataField edited = TITLE.toBuilder().remove('c').add('b', "a novel").set('a', "Emma /")
                .insert(0, Subfield.of('6', "880-01")).indicators('0', '4').tag("246").build();
        assertEquals(DataField.of("246", '0', '4', "6", "880-01", "a", "Emma /", "b", "a novel"), edited);
        assertEquals("Jane Austen.", TITLE.get('c'), "the original is unchanged");
        DataField appended = TITLE.toBuilder().set('z', "new").build();
        assertEquals("new", appended.subfields().get(2).value());
        DataField upper = TITLE.toBuilder().replaceAll(s -> Subfield.of(s.code(), s.value().toUpperCase())).build();
        assertEquals("JANE AUSTEN.", upper.get('c'));
        assertEquals(DataField.of("500", ' ', ' '), DataField.builder("500").build());
    }

    @Test
    void setReplacesOnlyTheFirstOfTheCode() {
        DataField f = DataField.of("650", ' ', '0', "x", "one", "x", "two").toBuilder().set('x', "uno").build();
        assertEquals(List.of("uno", "two"), f.getAll('x'));
    }

    @Test
    void equalityHashCodeAndToString() {
        DataField same = DataField.of("245", '1', '0', "a", "Pride and prejudice /", "c", "Jane Austen.");
        assertEquals(TITLE.hashCode(), same.hashCode());
        assertNotEquals(TITLE, TITLE.toBuilder().indicators('1', '4').build());
        assertNotEquals(TITLE, TITLE.toBuilder().tag("246").build());
        assertNotEquals(ControlField.of("001", "x"), ControlField.of("003", "x"));
        assertEquals("245 10$aPride and prejudice /$cJane Austen.", TITLE.toString());
        assertEquals("500 \\\\$ax", DataField.of("500", ' ', ' ', "a", "x").toString());
        assertEquals("$ax", Subfield.of('a', "x").toString());
    }

    @Test
    void controlTagsAre00X() {
        assertTrue(Field.isControlTag("001"));
        assertTrue(Field.isControlTag("009"));
        assertTrue(Field.isControlTag("000"));
        assertFalse(Field.isControlTag("010"));
        assertFalse(Field.isControlTag("00"));
        assertFalse(Field.isControlTag("LDR"));
    }

    @Test
    void marcErrorDescribesItself() {
        assertEquals("ERROR 245 @123: bad", new MarcError(MarcError.Severity.ERROR, "245", 123, "bad").toString());
        assertEquals("INFO: note", new MarcError(MarcError.Severity.INFO, null, -1, "note").toString());
        assertThrows(NullPointerException.class, () -> new MarcError(null, null, 0, "x"));
        assertTrue(MarcError.Severity.WARNING.compareTo(MarcError.Severity.ERROR) < 0);
    }

    @Test
    void marcFormatExceptionNamesRecordAndOffset() {
        byte[] raw = {1, 2, 3};
        MarcFormatException e = new MarcFormatException(12, 34567, "no leader", raw);
        assertEquals("record 13 at byte 34567: no leader", e.getMessage());
        assertEquals(12, e.ordinal());
        assertEquals(34567, e.byteOffset());
        assertEquals("no leader", e.fault());
        raw[0] = 9;
        byte[] copy = e.rawBytes();
        copy[1] = 9;
        assertEquals(2, e.rawBytes()[1], "raw bytes handed out as copies");
        assertEquals("record ?: x", new MarcFormatException(-1, -1, "x", null).getMessage());
        assertNull(new MarcFormatException(-1, -1, "x", null).rawBytes());
        assertTrue(e instanceof MarcException);
    }
}
