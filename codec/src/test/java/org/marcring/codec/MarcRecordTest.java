package org.marcring.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class MarcRecordTest {
    private static final MarcRecord BOOK = MarcRecord.builder()
            .controlField("001", "ocm00001")
            .controlField("008", "800108s1899    ilu           000 0 eng  ")
            .dataField("020", ' ', ' ', "a", "0-394-80016-8", "c", "$7.99")
            .dataField("020", ' ', ' ', "z", "cancelled")
            .dataField("020", ' ', ' ', "a", "9780394800165")
            .dataField("022", '0', ' ', "a", "1234-5679")
            .dataField("245", '1', '0', "a", "Green eggs and ham /", "b", "by Dr. Seuss.", "c", "ignored")
            .dataField("650", ' ', '0', "a", "Stories in rhyme.")
            .dataField("650", ' ', '0', "x", "no a here", "a", "Humor.")
            .build();

    @Test
    void friendlyAccess() {
        assertEquals("Green eggs and ham /", BOOK.get("245").get('a'));
        assertNull(BOOK.get("100"));
        assertEquals(3, BOOK.getFields("020").size());
        assertEquals(List.of("020", "020", "020", "650", "650"),
                BOOK.getFields("650", "020").stream().map(Field::tag).collect(Collectors.toList()), "record order");
        assertEquals("0-394-80016-8", BOOK.value("020", 'a'));
        assertEquals("cancelled", BOOK.value("020", 'z'));
        assertEquals("Stories in rhyme.", BOOK.value("650", 'a'));
        assertEquals("no a here", BOOK.value("650", 'x'), "the first field that has the code");
        assertNull(BOOK.value("245", 'z'));
        assertEquals(List.of("Stories in rhyme.", "Humor."), BOOK.values("650", 'a'));
        assertEquals(List.of(), BOOK.values("700", 'a'));
        assertEquals("ocm00001", BOOK.controlNumber());
        assertEquals("800108s1899    ilu           000 0 eng  ", BOOK.controlValue("008"));
        assertNull(BOOK.controlValue("245"), "a data field has no control data");
        assertEquals("Green eggs and ham / by Dr. Seuss.", BOOK.title());
        assertEquals(BOOK.get("245"), BOOK.titleStatement());
        assertEquals(List.of("0-394-80016-8", "9780394800165"), BOOK.isbns());
        assertEquals(List.of("1234-5679"), BOOK.issns());
        assertEquals(Optional.of(BOOK.get("022")), BOOK.find("022"));
        assertEquals(Optional.empty(), BOOK.find("100"));
        assertTrue(BOOK.has("650"));
        assertFalse(BOOK.has("700"));
        assertEquals(RecordKind.BIBLIOGRAPHIC, BOOK.kind());
    }

    private static final MarcRecord NOVEL = MarcRecord.builder()
            .controlField("001", "n1")
            .dataField("100", '1', ' ', "a", "Austen, Jane,", "d", "1775-1817.")
            .dataField("245", '1', '0', "a", "Pride and prejudice /", "c", "Jane Austen.")
            .dataField("650", ' ', '0', "a", "Courtship", "v", "Fiction.")
            .dataField("651", ' ', '0', "a", "England", "v", "Fiction.")
            .dataField("700", '1', ' ', "a", "Thomson, Hugh.")
            .dataField("950", ' ', ' ', "a", "local")
            .dataField("999", ' ', ' ', "a", "local too")
            .build();

    private static List<String> tags(List<Field> fields) {
        return fields.stream().map(Field::tag).collect(Collectors.toList());
    }

    @Test
    void tagPatternsFindEveryFieldOfAGroup() {
        assertEquals(List.of("650", "651"), tags(NOVEL.getFields("6XX")));
        assertEquals(List.of("100"), tags(NOVEL.getFields("1XX")));
        assertEquals(List.of("100", "650", "651", "700"), tags(NOVEL.getFields("1XX", "6XX", "7xx")));
        assertEquals(List.of("100", "700"), tags(NOVEL.getFields(java.util.Set.of("700", "100"))), "record order");
        assertEquals(8, NOVEL.getFields("XXX").size());
        assertEquals("Austen, Jane,", NOVEL.value("1XX", 'a'));
        assertEquals(List.of("Fiction.", "Fiction."), NOVEL.values("65X", 'v'));
        assertEquals("650", NOVEL.get("6XX").tag());
        assertTrue(NOVEL.has("9XX"));
        assertFalse(NOVEL.has("8XX"));
        assertEquals(List.of(), NOVEL.getFields("65"), "a pattern of another length matches no tag");
    }

    @Test
    void searchFindsFieldsWhoseDataMatchesARegularExpression() {
        assertEquals(List.of("650", "651"), tags(NOVEL.search("6XX", "Fiction")));
        assertEquals(List.of("651"), tags(NOVEL.search("6XX", "^Eng")));
        assertEquals(List.of("245"), tags(NOVEL.search("XXX", "(?i)PREJUDICE")));
        assertEquals(List.of("001"), tags(NOVEL.search("00X", "n\\d")), "control fields are searched too");
        assertEquals(List.of(), NOVEL.search("1XX", "Thomson"));
    }

    @Test
    void valueIsNullSafeWhereGetWouldThrow() {
        MarcRecord untitled = MarcRecord.builder().controlField("001", "x").build();
        assertNull(untitled.value("245", 'a'));
        assertThrows(NullPointerException.class, () -> untitled.get("245").get('a'));
        assertEquals(List.of(), untitled.values("6XX", 'a'));
    }

    @Test
    void removeFieldsTakesTagPatterns() {
        MarcRecord edited = NOVEL.toBuilder().removeFields("9XX", "700").build();
        assertEquals(List.of("001", "100", "245", "650", "651"), tags(edited.fields()));
    }

    @Test
    void titleWithoutSubtitleOrWithout245() {
        MarcRecord r = MarcRecord.builder().dataField("245", '0', '0', "a", "Only a").build();
        assertEquals("Only a", r.title());
        assertNull(MarcRecord.builder().dataField("245", '0', '0', "b", "no a").build().title());
        MarcRecord empty = MarcRecord.builder().build();
        assertNull(empty.title());
        assertNull(empty.controlNumber());
        assertEquals(List.of(), empty.isbns());
        assertEquals(List.of(), empty.fields());
    }

    @Test
    void builderAddsRemovesAndReplacesFields() {
        MarcRecord edited = BOOK.toBuilder()
                .removeFields("020", "022")
                .addFieldInOrder(DataField.of("100", '1', ' ', "a", "Seuss, Dr."))
                .replaceField("245", DataField.of("245", '1', '0', "a", "Fox in socks"))
                .replaceField("300", DataField.of("300", ' ', ' ', "a", "62 p."))
                .removeField(DataField.of("650", ' ', '0', "a", "Stories in rhyme."))
                .addField(DataField.of("500", ' ', ' ', "a", "appended last"))
                .build();
        assertEquals(List.of("001", "008", "100", "245", "300", "650", "500"),
                edited.fields().stream().map(Field::tag).collect(Collectors.toList()));
        assertEquals("Fox in socks", edited.title());
        assertEquals(List.of("Humor."), edited.values("650", 'a'));
        assertEquals(9, BOOK.fields().size(), "the original is unchanged");
    }

    @Test
    void addFieldInOrderGoesAfterFieldsOfTheSameTag() {
        MarcRecord r = BOOK.toBuilder().addFieldInOrder(DataField.of("020", ' ', ' ', "a", "last 020")).build();
        assertEquals("last 020", r.getFields("020").get(3).get('a'));
        assertEquals("022", r.fields().get(6).tag());
        MarcRecord first = MarcRecord.builder().controlField("005", "x").addFieldInOrder(ControlField.of("001", "y"))
                .build();
        assertEquals("001", first.fields().get(0).tag());
    }

    @Test
    void builderFieldsCanBeEditedDirectly() {
        MarcRecord.Builder b = BOOK.toBuilder();
        b.fields().removeIf(f -> f.tag().startsWith("6"));
        assertFalse(b.build().has("650"));
    }

    @Test
    void leaderAndErrorsThroughTheBuilder() {
        MarcError e = new MarcError(MarcError.Severity.WARNING, "245", 3, "x");
        MarcRecord withError = BOOK.toBuilder().leader("00000cz  a2200000n  4500").addError(e).build();
        assertEquals(RecordKind.AUTHORITY, withError.kind());
        assertEquals(List.of(e), withError.errors());
        assertTrue(withError.hasErrors());
        assertEquals(List.of(e), withError.toBuilder().build().errors(), "errors are carried over");
        assertFalse(withError.toBuilder().clearErrors().build().hasErrors());
        assertThrows(IllegalArgumentException.class, () -> MarcRecord.builder().leader("short"));
        assertThrows(NullPointerException.class, () -> MarcRecord.builder().addField(null));
    }

    @Test
    void recordsAreImmutable() {
        List<Field> fields = new ArrayList<>(BOOK.fields());
        MarcRecord r = new MarcRecord(BOOK.leader(), fields);
        fields.clear();
        assertEquals(9, r.fields().size());
        assertThrows(UnsupportedOperationException.class, () -> r.fields().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.errors().add(null));
    }

    @Test
    void equalityComparesLeaderAndFieldsButNotErrors() {
        MarcRecord copy = new MarcRecord(BOOK.leader(), BOOK.fields(),
                List.of(new MarcError(MarcError.Severity.INFO, null, -1, "note")));
        assertEquals(BOOK, copy);
        assertEquals(BOOK.hashCode(), copy.hashCode());
        assertNotEquals(BOOK, BOOK.toBuilder().leader(BOOK.leader().with(5, 'd')).build());
        assertNotEquals(BOOK, BOOK.toBuilder().removeFields("650").build());
        assertNotEquals(BOOK, null);
    }

    @Test
    void toStringIsTheLineDump() {
        MarcRecord r = MarcRecord.builder().controlField("001", "x").dataField("245", '1', ' ', "a", "T").build();
        assertEquals("LDR 00000nam a2200000 i 4500\n001  x\n245 1\\$aT", r.toString());
    }
}
