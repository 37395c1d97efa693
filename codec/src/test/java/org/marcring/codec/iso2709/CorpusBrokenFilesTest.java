package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcError.Severity;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.testing.Corpus;
import org.marcring.codec.testing.Fixtures;
import org.marcring.codec.testing.Fixtures.Frame;

/**
 * Every deliberately broken ISO 2709 file of the shared corpus (and every one that is not valid): no
 * exception but {@link MarcFormatException}; every frame ends as a record or a reject; strict mode rejects
 * exactly the records that permissive mode had to repair, naming ordinal and byte offset; and where a file's
 * name says what is broken, that is what is reported.
 */
class CorpusBrokenFilesTest {

    /** ISO 2709 files that are not valid, and the two binary fixtures the manifest could not classify. */
    static Stream<Corpus.Entry> brokenFiles() {
        return Corpus.entries(e -> (e.isIso2709() || e.relative.endsWith(".bin")
                || e.relative.endsWith("/filler.usmarc")) && !e.isValidIso2709()).stream();
    }

    /** A problem the file's name (or its source's test) says is there. */
    static final class Expect {
        final Severity severity;
        final String tag;
        final String fragment;

        Expect(Severity severity, String tag, String fragment) {
            this.severity = severity;
            this.tag = tag;
            this.fragment = fragment;
        }

        boolean matches(MarcError e) {
            return e.severity() == severity && (tag == null || tag.equals(e.tag())) && e.message().contains(fragment);
        }

        @Override
        public String toString() {
            return severity + " " + tag + " '" + fragment + "'";
        }
    }

    static Expect warning(String tag, String fragment) {
        return new Expect(Severity.WARNING, tag, fragment);
    }

    static Expect error(String tag, String fragment) {
        return new Expect(Severity.ERROR, tag, fragment);
    }

    static Expect info(String tag, String fragment) {
        return new Expect(Severity.INFO, tag, fragment);
    }

    private static final String ERR = "mrrc/tests/data/error_fixtures/";

    /** Problems that must be reported in permissive mode, by file. */
    static final Map<String, List<Expect>> EXPECTED = Map.ofEntries(
            Map.entry(ERR + "e001_record_length_below_24.bin", List.of(warning(null, "leader record length 10 "))),
            Map.entry(ERR + "e001_record_length_non_digit.bin", List.of(warning(null, "length is not a number"))),
            Map.entry(ERR + "e002_indicator_count_non_digit.bin", List.of(info(null, "counts are 'X2'"))),
            Map.entry(ERR + "e002_indicator_count_not_two.bin", List.of(info(null, "counts are '32'"))),
            Map.entry(ERR + "e002_subfield_code_count_not_two.bin", List.of(info(null, "counts are '23'"))),
            Map.entry(ERR + "e003_base_address_below_24.bin", List.of(warning(null, "base address of data '00020'"))),
            Map.entry(ERR + "e003_base_address_non_digit.bin", List.of(warning(null, "base address of data 'X0061'"))),
            Map.entry(ERR + "e004_base_address_past_record.bin", List.of(warning(null, "base address of data '99999'"))),
            Map.entry(ERR + "e005_truncated_record.bin", List.of(warning(null, "record cut short after 100 bytes"))),
            Map.entry(ERR + "e006_no_record_terminator.bin", List.of(warning(null, "before the record terminator"))),
            Map.entry(ERR + "e101_directory_no_terminator.bin", List.of(warning(null, "no directory terminator"))),
            Map.entry(ERR + "e101_directory_non_digit_length.bin", List.of(warning("100", "non-numeric length"))),
            Map.entry(ERR + "e101_directory_non_digit_start.bin", List.of(warning("100", "non-numeric starting position"))),
            Map.entry(ERR + "e101_non_ascii_tag.bin", List.of(error("\uFFFD00", "not printable ASCII"))),
            Map.entry(ERR + "e106_authority_field_too_short.bin", List.of(warning("100", "field"))),
            Map.entry(ERR + "e106_expected_subfield_delimiter.bin",
                    List.of(error("100", "data before the first subfield delimiter"))),
            Map.entry(ERR + "e106_field_length_past_data.bin", List.of(warning("100", "runs past the end of the record"))),
            Map.entry(ERR + "e106_recovery_invalid_field.bin",
                    List.of(warning(null, "cut short"), warning("245", "non-numeric length"))),
            Map.entry(ERR + "e201_bad_indicator.bin", List.of(info("245", "non-standard indicator 1 ':'"))),
            Map.entry(ERR + "e202_non_printable_subfield_code.bin", List.of(error("100", "subfield code 0x00"))),
            Map.entry(ERR + "e301_invalid_utf8_in_authority_control_field.bin", List.of(error("001", ""))),
            Map.entry(ERR + "e301_invalid_utf8_in_control_field.bin", List.of(error("008", "invalid UTF-8 byte 0xFF"))),
            Map.entry(ERR + "e301_invalid_utf8_in_subfield.bin", List.of(error("100", "invalid UTF-8 byte 0xFF"))),
            Map.entry("mrrc/tests/data/fuzz-regressions/error_classification/non-ascii-tag-roundtrip.mrc",
                    List.of(error("1\uFFFD0", "tag bytes 31 D0 30"), warning(null, "no directory terminator at byte 48"))),
            Map.entry("mrrc/tests/data/fuzz-regressions/recovery_mode_consistency/oob-salvage-slice.mrc",
                    List.of(warning(null, "leader record length 106"), error("250", "outside the record"))),
            Map.entry("mrrc/tests/data/fuzz-regressions/recovery_mode_consistency/zero-length-control-field.mrc",
                    List.of(warning(null, "leader record length 70160"))),
            Map.entry("marc-perl/marc-record/t/baddir.usmarc", List.of(warning(null, "no directory terminator at byte 144"))),
            Map.entry("marc-perl/marc-record/t/badind.usmarc", List.of(info("245", "non-standard indicator 1 '-'"))),
            Map.entry("marc4j/src/org/marc4j/samples/resources/error.mrc", List.of(warning(null, "leader record length 714"))),
            Map.entry("marc4j/test/resources/008008027.mrc", List.of(warning(null, "record cut short after 3034 bytes"))),
            Map.entry("marc4j/test/resources/bad-characters-in-various-fields.mrc",
                    List.of(warning("010", "invalid indicator 1: byte 0x14"), error("010", "subfield code 0x14"))),
            Map.entry("marc4j/test/resources/bad_hathi_records.mrc", List.of(warning(null, "leader record length 99999"))),
            Map.entry("marc4j/test/resources/bad_leaders_10_11.mrc", List.of(info(null, "counts are '  '"))),
            Map.entry("marc4j/test/resources/bad_oversize_field_bad_directory.mrc",
                    List.of(warning(null, "directory length 217 is not a multiple of 12"), error("520", "outside the record"))),
            Map.entry("marc4j/test/resources/bad_too_long_plus_2.mrc", List.of(warning(null, "leader record length 23375"))),
            Map.entry("marc4j/test/resources/datos-20161010-slice.mrc", List.of(warning(null, "leader record length 99999"))),
            Map.entry("marc4j/test/resources/not_unimarc_errors_3.mrc", List.of(error("776", "subfield code 0xB9"))),
            Map.entry("marc4j/test/resources/pride-and-prejudice-with-many-errors.mrc",
                    // leader/09 says UTF-8 but records are not: permissive mode reads them as MARC-8, which fits
                    List.of(warning(null, "not valid UTF-8 (byte 0xB9"), warning("876", "upper-case subfield code 'L'"))),
            Map.entry("pymarc/test/bad_indicator.dat", List.of(warning(null, "no indicators"))),
            Map.entry("pymarc/test/bad_records.mrc", List.of(warning(null, "base address of data '99937'"),
                    warning(null, "directory length 13"), warning("245", "non-numeric length"))),
            Map.entry("pymarc/test/bad_subfield_code.dat", List.of(warning(null, "leader record length 755"))),
            Map.entry("pymarc/test/utf8_invalid.mrc", List.of(error("260", "invalid UTF-8 byte 0xBF"))),
            Map.entry("ruby-marc/test/marc_with_bad_utf8.utf8.marc", List.of(warning(null, "leader record length 1161"))),
            Map.entry("ruby-marc/test/utf8_with_bad_bytes.marc", List.of(error(null, "invalid UTF-8"))),
            Map.entry("traject/test/test_support/bad_utf_byte.utf8.marc", List.of(warning(null, "not valid UTF-8 (byte 0xC0"))));

    /**
     * Files whose names sound broken but whose records need no repair, each with the reason. Their records
     * must come out without any WARNING or worse, in strict mode too.
     */
    static final Map<String, String> READ_AS_IS = Map.ofEntries(
            Map.entry("marc-perl/marc-record/t/badind.usmarc", "indicator '-' is kept as real catalogues use it (INFO)"),
            Map.entry("marc-perl/marc-record/t/cameleof.usmarc", "the 0x1A end-of-file bytes are fill between records"),
            Map.entry("marc-perl/marc-record/t/sample1eof.usmarc", "the 0x1A end-of-file byte is fill"),
            Map.entry("marc-perl/marc-record/t/filler.usmarc", "leading NUL bytes are fill"),
            Map.entry(ERR + "e002_indicator_count_non_digit.bin", "counts other than 22 are noted (INFO); MARC 21 uses 2"),
            Map.entry(ERR + "e002_indicator_count_not_two.bin", "counts other than 22 are noted (INFO); MARC 21 uses 2"),
            Map.entry(ERR + "e002_subfield_code_count_not_two.bin", "counts other than 22 are noted (INFO)"),
            Map.entry(ERR + "e002_invalid_bibliographic_level.bin", "leader values are kept as read: checking them is validation"),
            Map.entry(ERR + "e002_invalid_cataloging_form.bin", "leader values are kept as read: checking them is validation"),
            Map.entry(ERR + "e002_invalid_character_coding.bin", "leader values are kept as read; the text is ASCII"),
            Map.entry(ERR + "e002_invalid_control_record_type.bin", "leader values are kept as read: checking them is validation"),
            Map.entry(ERR + "e002_invalid_encoding_level.bin", "leader values are kept as read: checking them is validation"),
            Map.entry(ERR + "e002_invalid_multipart_level.bin", "leader values are kept as read: checking them is validation"),
            Map.entry(ERR + "e002_invalid_record_status.bin", "leader values are kept as read: checking them is validation"),
            Map.entry(ERR + "e002_invalid_record_type.bin", "leader values are kept as read: checking them is validation"),
            Map.entry(ERR + "e201_bad_indicator.bin", "indicator ':' is printable ASCII: kept with an INFO note"),
            Map.entry(ERR + "e201_per_tag_indicator_245.bin", "valid for ISO 2709; which indicators a tag allows is validation"),
            Map.entry("pymarc/test/utf8_errors.dat", "the bytes are valid UTF-8 (the pymarc test is about its own error handling)"),
            Map.entry("traject/test/test_support/date_type_r_missing_date2.marc", "the missing date is inside 008, not structure"),
            Map.entry("traject/test/test_support/missing-second-date.marc", "the missing date is inside 008, not structure"));

    /** The outcome of reading a file one way. */
    static final class Outcome {
        final List<MarcRecord> records = new ArrayList<>();
        final List<MarcFormatException> rejects = new ArrayList<>();
        long read;
    }

    static Outcome read(Corpus.Entry file, ReadOptions options) throws IOException {
        Outcome o = new Outcome();
        try (Iso2709Reader reader = Iso2709Reader.open(file.path, options)) {
            reader.onReject(o.rejects::add);
            reader.forEachRemaining(o.records::add);
            o.read = reader.recordsRead();
            assertEquals(o.rejects.size(), reader.rejectedCount() + reader.regionsSkipped());
        }
        return o;
    }

    /** The same file read by throwing rejects from {@code next()}, the default: same records, same rejects. */
    static Outcome readThrowing(Corpus.Entry file, ReadOptions options) throws IOException {
        Outcome o = new Outcome();
        try (Iso2709Reader reader = Iso2709Reader.open(file.path, options)) {
            while (reader.hasNext()) {
                try {
                    o.records.add(reader.next());
                } catch (MarcFormatException e) {
                    o.rejects.add(e);
                }
            }
        }
        return o;
    }

    /** The frame a reject names (by its byte offset: skipped bytes share the ordinal of the record after them). */
    static Frame frameOf(List<Frame> frames, MarcFormatException e) {
        return frames.stream().filter(f -> f.offset == e.byteOffset()).findFirst()
                .orElseThrow(() -> new AssertionError("no frame at " + e.getMessage()));
    }

    /** How a reject's message begins: {@code record N at byte M: }, N from 1; for garbage, the bytes skipped. */
    static String numbered(Frame f) {
        return f.has(RawRecord.GARBAGE) ? f.bytes.length + (f.bytes.length == 1 ? " byte" : " bytes")
                + " skipped at byte " + f.offset + ", "
                : "record " + (f.ordinal + 1) + " at byte " + f.offset + ": ";
    }

    static List<Frame> frames(Corpus.Entry file) throws IOException {
        return Fixtures.frames(RecordFramer.open(file.path));
    }

    private static boolean needsRepair(MarcRecord r) {
        return r.errors().stream().anyMatch(e -> e.severity() != Severity.INFO);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void everyFrameEndsAsARecordOrAReject(Corpus.Entry file) throws IOException {
        List<Frame> frames = frames(file);
        Outcome permissive = read(file, ReadOptions.defaults().withRejectsThrown());
        assertEquals(frames.size(), permissive.records.size() + permissive.rejects.size(), "records + rejects + skips");
        assertEquals(permissive.records.size(), permissive.read);
        for (MarcFormatException e : permissive.rejects) {
            Frame f = frameOf(frames, e);
            assertEquals(f.offset, e.byteOffset(), e.getMessage());
            assertTrue(e.getMessage().startsWith(numbered(f)), e.getMessage());
            // a permissive reject is only for what holds no record, never an internal failure
            assertFalse(e.getMessage().contains("cannot decode record"), e.getMessage());
            assertTrue(f.has(RawRecord.GARBAGE | RawRecord.OVERSIZED) || f.bytes.length < 24
                    || e.fault().startsWith("no directory terminator"), e.getMessage());
        }
        for (MarcRecord r : permissive.records) {
            for (MarcError e : r.errors()) {
                assertTrue(e.position() >= -1 && e.position() < Math.max(r.leader().recordLength(), 1 << 24), e.toString());
            }
        }
        Outcome throwing = readThrowing(file, ReadOptions.defaults().withRejectsThrown());
        assertEquals(permissive.records, throwing.records);
        assertEquals(messages(permissive.rejects), messages(throwing.rejects));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void strictModeRejectsExactlyWhatPermissiveModeRepaired(Corpus.Entry file) throws IOException {
        List<Frame> frames = frames(file);
        Outcome permissive = read(file, ReadOptions.defaults().withRejectsThrown());
        Outcome strict = read(file, ReadOptions.strict());
        assertEquals(frames.size(), strict.records.size() + strict.rejects.size(), "records + rejects in strict mode");

        List<MarcRecord> clean = permissive.records.stream().filter(r -> !needsRepair(r)).collect(Collectors.toList());
        assertEquals(clean, strict.records, "strict mode accepts the records that need no repair");
        for (MarcRecord r : strict.records) {
            assertFalse(needsRepair(r), r.errors().toString());
        }
        Set<Long> rejected = strict.rejects.stream().map(MarcFormatException::byteOffset).collect(Collectors.toSet());
        assertEquals(strict.rejects.size(), rejected.size(), "one reject per frame");
        for (MarcFormatException e : strict.rejects) {
            Frame f = frameOf(frames, e);
            assertEquals(f.offset, e.byteOffset());
            assertTrue(e.getMessage().startsWith(numbered(f)) && e.getMessage().length() > numbered(f).length(),
                    e.getMessage());
            assertTrue(e.rawBytes() != null && e.rawBytes().length == f.bytes.length, e.getMessage());
        }
        Outcome throwing = readThrowing(file, ReadOptions.strict());
        assertEquals(strict.records, throwing.records);
        assertEquals(messages(strict.rejects), messages(throwing.rejects));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void whatTheNameSaysIsBrokenIsReported(Corpus.Entry file) throws IOException {
        Outcome permissive = read(file, ReadOptions.defaults().withRejectsThrown());
        List<MarcError> all = permissive.records.stream().flatMap(r -> r.errors().stream()).collect(Collectors.toList());
        for (Expect expect : EXPECTED.getOrDefault(file.relative, List.of())) {
            assertTrue(all.stream().anyMatch(expect::matches), () -> "expected " + expect + " in " + all);
        }
        if (READ_AS_IS.containsKey(file.relative)) {
            assertTrue(permissive.rejects.isEmpty(), permissive.rejects.toString());
            assertFalse(permissive.records.stream().anyMatch(CorpusBrokenFilesTest::needsRepair),
                    () -> READ_AS_IS.get(file.relative) + ": " + all);
        } else if (!file.isMarc8() || file.notes.contains("len-mismatch")) {
            // everything else must be found broken (MARC-8 text is judged by the MARC-8 tests)
            assertTrue(!permissive.rejects.isEmpty() || permissive.records.stream().anyMatch(CorpusBrokenFilesTest::needsRepair),
                    "nothing found wrong in " + file);
        }
    }

    @Test
    void everyListedFileIsInTheCorpusAndBroken() {
        Set<String> broken = brokenFiles().map(e -> e.relative).collect(Collectors.toSet());
        for (String f : EXPECTED.keySet()) {
            assertTrue(broken.contains(f), f);
        }
        for (String f : READ_AS_IS.keySet()) {
            assertTrue(broken.contains(f), f);
        }
    }

    @Test
    void badldrHasSixRecordsAStrayTerminatorAndATrailingByte() throws IOException {
        // the manifest counts 7 record terminators but 8 records by walking the leaders: a doubled 0x1D after
        // the second record, and a lone '7' after the last terminator; the framer reports both
        Corpus.Entry file = entry("marc-perl/marc-record/t/badldr.usmarc");
        assertEquals(7, file.terminators);
        assertEquals(8, file.leaderWalkRecords);
        List<Frame> frames = frames(file);
        assertEquals(file.leaderWalkRecords, frames.size());
        assertEquals(RawRecord.GARBAGE, frames.get(2).defects);
        assertEquals(472, frames.get(2).offset);
        assertEquals(1, frames.get(2).bytes.length);
        Frame last = frames.get(7);
        assertTrue(last.has(RawRecord.TRUNCATED), last.toString());
        assertEquals(Files.size(file.path) - 1, last.offset);
        Outcome o = read(file, ReadOptions.defaults().withRejectsThrown());
        assertEquals(6, o.records.size());
        // the stray terminator is no record: it follows record 2 (ordinal 1), and the cut last record is the 7th
        assertEquals(List.of(2L, 6L), o.rejects.stream().map(MarcFormatException::ordinal).collect(Collectors.toList()));
        assertTrue(o.rejects.get(0) instanceof org.marcring.codec.SkippedBytesException, o.rejects.toString());
    }

    @Test
    void file008008027CutAt64KibEndsInATruncatedRecord() throws IOException {
        Corpus.Entry file = entry("marc4j/test/resources/008008027.mrc");
        assertEquals(65536, Files.size(file.path));
        List<Frame> frames = frames(file);
        assertEquals(file.leaderWalkRecords, frames.size());
        assertEquals(file.terminators + 1, frames.size());
        Frame last = frames.get(frames.size() - 1);
        assertEquals(RawRecord.TRUNCATED, last.defects);
        assertEquals(65536, last.offset + last.bytes.length);
        Outcome strict = read(file, ReadOptions.strict());
        assertEquals(file.terminators, strict.records.size());
        assertEquals(1, strict.rejects.size());
        assertEquals(frames.size() - 1, strict.rejects.get(0).ordinal());
        assertEquals(last.offset, strict.rejects.get(0).byteOffset());
        Outcome permissive = read(file, ReadOptions.defaults().withRejectsThrown());
        MarcRecord cut = permissive.records.get(permissive.records.size() - 1);
        assertTrue(cut.fields().size() > 5, "the fields before the cut are kept");
    }

    @Test
    void datosSliceHoldsOneRecordOver99999Bytes() throws IOException {
        Corpus.Entry file = entry("marc4j/test/resources/datos-20161010-slice.mrc");
        List<Frame> frames = frames(file);
        assertEquals(1, frames.size());
        assertEquals(RawRecord.LENGTH_MISMATCH, frames.get(0).defects);
        assertEquals(99_999, frames.get(0).declared);
        assertEquals(Files.size(file.path), frames.get(0).bytes.length);
        MarcRecord r = read(file, ReadOptions.defaults().withRejectsThrown()).records.get(0);
        assertTrue(r.fields().size() > 1000, "fields: " + r.fields().size());
        assertTrue(read(file, ReadOptions.defaults().withRejectsThrown().withMaxRecordBytes(99_999)).rejects.size() > 0,
                "with a 99,999-byte limit the record comes out in oversized pieces");
    }

    @Test
    void cameleofAndFillerReadCompletely() throws IOException {
        Outcome cameleof = read(entry("marc-perl/marc-record/t/cameleof.usmarc"), ReadOptions.strict());
        assertEquals(10, cameleof.records.size());
        Outcome camel = read(entry("marc-perl/marc-record/t/camel.usmarc"), ReadOptions.strict());
        assertEquals(camel.records, cameleof.records);
        List<Frame> filler = frames(entry("marc-perl/marc-record/t/filler.usmarc"));
        assertEquals(3, filler.size());
        assertTrue(filler.get(0).offset > 0);
        assertTrue(filler.stream().allMatch(f -> f.defects == 0));
    }

    @Test
    void leaderValuesAreKeptAsRead() throws IOException {
        Corpus.Entry file = entry(ERR + "e002_invalid_record_type.bin");
        byte[] bytes = Files.readAllBytes(file.path);
        assertEquals(Leader.of(bytes, 0), read(file, ReadOptions.strict()).records.get(0).leader());
    }

    private static Corpus.Entry entry(String relative) {
        List<Corpus.Entry> found = Corpus.entries(e -> e.relative.equals(relative));
        assertEquals(1, found.size(), relative);
        return found.get(0);
    }

    private static List<String> messages(List<MarcFormatException> rejects) {
        return rejects.stream().map(Throwable::getMessage).collect(Collectors.toList());
    }
}
