package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marc4j.MarcException;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.Subfield;
import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.testing.Corpus;

/**
 * Differential test against marc4j 2.9.6 ({@link MarcStreamReader}): for every valid ISO 2709 file of the
 * shared corpus, both readers must find the same records with the same leader, tags, indicators, subfield
 * codes and values.
 *
 * <p>UTF-8 files are compared on their decoded text. Every other file (MARC-8, or a leader/09 that says
 * something else) is read by both sides as ISO 8859-1, one character per byte: that compares the structure
 * (tags, indicators, codes, counts) and the exact bytes of every value without depending on MARC-8
 * conversion, which is tested elsewhere.
 *
 * <p>marc4j's record model keeps control fields and data fields in two lists, so a control field that the
 * directory places after a data field comes back first from marc4j: both sides are compared with control
 * fields first, each kind in its own order. Every other difference is listed in {@link #KNOWN} with its reason.
 */
class Marc4jDifferentialTest {

    /** Why a file's records may differ from marc4j's. */
    enum Difference {
        /**
         * Newlines or blanks between or after records: marc4j 2.9.6 takes them for the start of the next
         * record and throws; only the records it read before are compared (ours must still find all of them).
         */
        MARC4J_STOPS_AT_WHITESPACE,
        /** Upper-case subfield codes: we make them lower-case (with a WARNING), marc4j keeps them. */
        UPPER_CASE_CODES_LOWERED,
        /**
         * The directory lists fields in another order than their data: we keep the directory's order (ISO 2709
         * defines the fields by their directory entries), marc4j 2.9.6 comes back in the data's order.
         */
        DIRECTORY_ORDER,
        /**
         * A directory length lies (an 008 of 43 characters declared as 41): marc4j 2.9.6 throws "expected field
         * terminator at end of field"; we repair the record and report it, so the record is not compared.
         */
        MARC4J_REJECTS_LYING_FIELD_LENGTH,
        /** An indicator byte outside printable ASCII (0xB2): we make it blank (with a WARNING), marc4j keeps it. */
        NON_ASCII_INDICATOR_BLANKED
    }

    static final Map<String, Set<Difference>> KNOWN = Map.of(
            "marc-perl/marc-xml/t/escape.mrc", EnumSet.of(Difference.MARC4J_STOPS_AT_WHITESPACE),
            "pymarc/test/testunimarc.dat", EnumSet.of(Difference.MARC4J_STOPS_AT_WHITESPACE),
            "metafacture-core/metafacture-runner/src/main/dist/examples/read/marc21/10.marc21",
            EnumSet.of(Difference.MARC4J_STOPS_AT_WHITESPACE, Difference.UPPER_CASE_CODES_LOWERED),
            "marc4j/test/resources/cyrillic_capital_e.mrc", EnumSet.of(Difference.UPPER_CASE_CODES_LOWERED),
            "marc4j/test/resources/unordered-directory-entries.mrc", EnumSet.of(Difference.DIRECTORY_ORDER),
            "mrrc/tests/data/simple_authority.mrc", EnumSet.of(Difference.MARC4J_REJECTS_LYING_FIELD_LENGTH),
            "mrrc/tests/data/simple_holdings.mrc", EnumSet.of(Difference.MARC4J_REJECTS_LYING_FIELD_LENGTH),
            "marc4j/test/resources/185258.mrc", EnumSet.of(Difference.NON_ASCII_INDICATOR_BLANKED));

    static Stream<Corpus.Entry> validFiles() {
        return Corpus.entries(Corpus.Entry::isValidIso2709).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void sameRecordsAsMarc4j(Corpus.Entry file) throws IOException {
        Set<Difference> known = KNOWN.getOrDefault(file.relative, EnumSet.noneOf(Difference.class));
        boolean utf8 = file.isUtf8();

        List<MarcRecord> ours = new ArrayList<>();
        ReadOptions options = ReadOptions.defaults()
                .withCharacterCoding(utf8 ? CharacterCoding.UTF8 : CharacterCoding.LATIN1);
        try (Iso2709Reader reader = Iso2709Reader.open(file.path, options)) {
            reader.forEachRemaining(ours::add);
            assertEquals(0, reader.rejectedCount(), "rejects");
        }
        assertEquals(file.terminators, ours.size(), "records");

        List<String> theirs = new ArrayList<>();
        MarcException marc4jFailure = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.path))) {
            MarcStreamReader reader = new MarcStreamReader(in, utf8 ? "UTF-8" : "ISO-8859-1");
            while (reader.hasNext()) {
                theirs.add(dump(reader.next(), known));
            }
        } catch (MarcException e) {
            marc4jFailure = e;
        }

        if (known.contains(Difference.MARC4J_STOPS_AT_WHITESPACE)) {
            assertTrue(marc4jFailure != null && theirs.size() <= ours.size(), "marc4j was expected to stop");
        } else if (known.contains(Difference.MARC4J_REJECTS_LYING_FIELD_LENGTH)) {
            assertTrue(marc4jFailure != null && marc4jFailure.getMessage().contains("field terminator"),
                    "marc4j was expected to reject: " + marc4jFailure);
            assertTrue(ours.get(theirs.size()).errors().stream()
                            .anyMatch(e -> e.tag() != null && e.tag().equals("008")
                                    && e.message().contains("no field terminator")),
                    () -> "the lying 008 length is reported: " + ours.get(theirs.size()).errors());
        } else {
            assertEquals(null, marc4jFailure, "marc4j failed");
            assertEquals(ours.size(), theirs.size(), "marc4j's record count");
        }
        for (int i = 0; i < theirs.size(); i++) {
            assertEquals(theirs.get(i), dump(ours.get(i), known), "record " + i + " of " + file);
        }
        if (known.contains(Difference.NON_ASCII_INDICATOR_BLANKED)) {
            assertTrue(ours.stream().flatMap(r -> r.errors().stream())
                    .anyMatch(e -> e.severity() == MarcError.Severity.WARNING
                            && e.message().startsWith("invalid indicator")));
        }
        if (known.contains(Difference.UPPER_CASE_CODES_LOWERED)) {
            assertTrue(ours.stream().flatMap(r -> r.errors().stream())
                    .anyMatch(e -> e.severity() == MarcError.Severity.WARNING
                            && e.message().startsWith("upper-case subfield code")));
        }
    }

    /**
     * The other direction: every record of every valid file, encoded by us (UTF-8), is read back by marc4j as
     * the same record: same fields, and the same leader except the positions the encoder computes (record
     * length, coding, counts, base address, entry map).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void marc4jReadsOurEncodingAsTheSameRecord(Corpus.Entry file) throws IOException {
        Set<Difference> none = EnumSet.noneOf(Difference.class);
        ReadOptions options = ReadOptions.defaults()
                .withCharacterCoding(file.isUtf8() ? CharacterCoding.UTF8 : CharacterCoding.LATIN1);
        Iso2709Encoder encoder = new Iso2709Encoder();
        int compared = 0;
        try (Iso2709Reader reader = Iso2709Reader.open(file.path, options)) {
            for (MarcRecord ours : reader) {
                byte[] bytes = encoder.encode(ours);
                MarcStreamReader marc4j = new MarcStreamReader(new java.io.ByteArrayInputStream(bytes), "UTF-8");
                Record theirs = marc4j.next();
                assertEquals(computedPositionsBlank(dump(ours, none)), computedPositionsBlank(dump(theirs, none)),
                        "record " + compared + " of " + file);
                assertEquals(bytes.length, theirs.getLeader().getRecordLength());
                assertEquals('a', theirs.getLeader().getCharCodingScheme());
                compared++;
            }
        }
        assertEquals(file.terminators, compared);
    }

    /** The dump with leader positions 00-04, 09-16 and 20-22 blanked. */
    private static String computedPositionsBlank(String dump) {
        char[] c = dump.toCharArray();
        int l = "LDR ".length();
        for (int i : new int[] {0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22}) {
            c[l + i] = '_';
        }
        return new String(c);
    }

    @Test
    void knownDifferencesNameFilesOfTheCorpus() {
        for (String relative : KNOWN.keySet()) {
            assertTrue(Corpus.entries(e -> e.relative.equals(relative) && e.isValidIso2709()).size() == 1, relative);
        }
    }

    /** The leader, then control fields and data fields, one per line; sorted where the order may differ. */
    static String dump(MarcRecord record, Set<Difference> known) {
        List<String> control = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (Field f : record.fields()) {
            if (f.isControl()) {
                control.add(f.tag() + " {" + f.data() + "}");
                continue;
            }
            StringBuilder sb = new StringBuilder(f.tag()).append(' ').append(f.indicator1()).append(f.indicator2());
            for (Subfield s : f.subfields()) {
                sb.append(" $").append(s.code()).append('{').append(s.value()).append('}');
            }
            data.add(sb.toString());
        }
        return join(record.leader().toString(), control, data, known);
    }

    static String dump(Record record, Set<Difference> known) {
        List<String> control = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (VariableField v : record.getVariableFields()) {
            if (v instanceof org.marc4j.marc.ControlField) {
                control.add(v.getTag() + " {" + ((org.marc4j.marc.ControlField) v).getData() + "}");
                continue;
            }
            org.marc4j.marc.DataField d = (org.marc4j.marc.DataField) v;
            StringBuilder sb = new StringBuilder(d.getTag()).append(' ')
                    .append(indicator(d.getIndicator1(), known)).append(indicator(d.getIndicator2(), known));
            for (org.marc4j.marc.Subfield s : d.getSubfields()) {
                char code = known.contains(Difference.UPPER_CASE_CODES_LOWERED)
                        ? Character.toLowerCase(s.getCode()) : s.getCode();
                sb.append(" $").append(code).append('{').append(s.getData()).append('}');
            }
            data.add(sb.toString());
        }
        return join(record.getLeader().marshal(), control, data, known);
    }

    private static char indicator(char c, Set<Difference> known) {
        return known.contains(Difference.NON_ASCII_INDICATOR_BLANKED) && (c < 0x20 || c >= 0x7F) ? ' ' : c;
    }

    private static String join(String leader, List<String> control, List<String> data, Set<Difference> known) {
        if (known.contains(Difference.DIRECTORY_ORDER)) {
            control.sort(null);
            data.sort(null);
        }
        StringBuilder sb = new StringBuilder("LDR ").append(leader).append('\n');
        control.forEach(s -> sb.append(s).append('\n'));
        data.forEach(s -> sb.append(s).append('\n'));
        return sb.toString();
    }
}
