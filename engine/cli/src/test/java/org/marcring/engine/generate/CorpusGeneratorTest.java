package org.marcring.engine.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.text.ProblemSink;
import org.marcring.codec.text.TextEncoder;

/** Writing generated records: determinism, read-back, damage accounting, sizes and streaming. */
class CorpusGeneratorTest {

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults().withRecords(2000).withSeed(99)
                .withDamagedShare(0.05);
        byte[] first = sha256(options);
        byte[] second = sha256(options);
        assertArrayEquals(first, second);
        assertFalse(java.util.Arrays.equals(first, sha256(options.withSeed(100))));
        assertFalse(java.util.Arrays.equals(first, sha256(options.withDamagedShare(0.06))));
    }

    @Test
    void everyRecordReadsBackStrictlyAsGenerated() {
        GeneratorOptions options = GeneratorOptions.defaults().withRecords(1500).withSeed(5);
        byte[] bytes = generate(options);
        SyntheticRecords expected = new SyntheticRecords(options);
        List<MarcFormatException> rejects = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.of(bytes, ReadOptions.strict())) {
            reader.onReject(rejects::add);
            for (MarcRecord read : reader) {
                MarcRecord made = expected.next();
                assertEquals(List.of(), read.errors());
                assertEquals(made.fields(), read.fields(), "fields of " + made.controlNumber());
                // the encoder fills in length (00-04), coding (09) and base address (12-16)
                String a = made.leader().toString();
                String b = read.leader().toString();
                assertEquals(a.substring(5, 9) + a.substring(10, 12) + a.substring(17),
                        b.substring(5, 9) + b.substring(10, 12) + b.substring(17));
                assertEquals('a', read.leader().characterCoding());
            }
            assertEquals(List.of(), rejects);
            assertEquals(1500, reader.recordsRead());
        }
    }

    @Test
    void damagedRecordsAreCountedAndReadersFindExactlyThem() {
        GeneratorOptions options = GeneratorOptions.defaults().withRecords(3000).withSeed(17).withDamagedShare(0.2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GenerationReport report = write(options, out);
        byte[] bytes = out.toByteArray();
        assertEquals(bytes.length, report.bytes());
        for (Damage d : Damage.values()) {
            assertTrue(report.damaged(d) > 40, d + " applied " + report.damaged(d) + " times");
        }
        long all = report.damagedRecords() + report.garbageRuns();
        assertTrue(all > 500 && all < 700, all + " damaged of 3,000 at a share of 0.2");
        // a record that lost its terminator no longer swallows the next one: the framer splits them
        assertTrue(report.damaged(Damage.MISSING_RECORD_TERMINATOR) > 0);
        assertEquals(0, report.mergedRecords());

        // permissive: every damaged record comes back with errors, garbage is skipped (not a record), nothing else
        long withErrors = 0;
        List<MarcFormatException> rejects = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.of(bytes, ReadOptions.defaults())) {
            reader.onReject(rejects::add);
            for (MarcRecord r : reader) {
                if (r.hasErrors()) {
                    withErrors++;
                    assertTrue(r.errors().stream().anyMatch(e -> e.severity() != MarcError.Severity.INFO),
                            r.errors().toString());
                }
            }
            assertEquals(report.expectedRecords(), reader.recordsRead());
            assertEquals(0, reader.rejectedCount());
            assertEquals(report.garbageRuns(), reader.regionsSkipped());
        }
        assertEquals(report.damagedRecords(), withErrors);
        assertTrue(rejects.stream().allMatch(e -> e.fault().contains("hold no record")), rejects.get(0).fault());

        // strict: the damaged records are rejected as well
        try (Iso2709Reader reader = Iso2709Reader.of(bytes, ReadOptions.strict())) {
            reader.onReject(e -> { });
            long clean = 0;
            for (MarcRecord r : reader) {
                assertFalse(r.hasErrors());
                clean++;
            }
            assertEquals(report.expectedRecords() - report.damagedRecords(), clean);
            assertEquals(report.damagedRecords(), reader.rejectedCount());
            assertEquals(report.garbageRuns(), reader.regionsSkipped());
        }
    }

    @Test
    void aLastRecordWithoutTerminatorIsCutShortNotMerged() {
        for (long seed = 0; seed < 200; seed++) {
            GeneratorOptions options = GeneratorOptions.defaults().withRecords(1).withSeed(seed).withDamagedShare(1.0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GenerationReport report = write(options, out);
            if (report.damaged(Damage.MISSING_RECORD_TERMINATOR) == 0) {
                continue;
            }
            byte[] bytes = out.toByteArray();
            assertTrue(bytes[bytes.length - 1] != 0x1D, "the terminator is gone");
            assertEquals(0, report.mergedRecords());
            assertEquals(1, report.expectedRecords());
            try (Iso2709Reader reader = Iso2709Reader.of(bytes, ReadOptions.defaults())) {
                MarcRecord r = reader.next();
                assertTrue(r.errors().stream().anyMatch(e -> e.message().contains("before the record terminator")),
                        r.errors().toString());
                assertFalse(reader.hasNext());
            }
            return;
        }
        throw new AssertionError("no seed below 200 drops the terminator of a single record");
    }

    @Test
    void invalidUtf8IsReportedAsSuch() {
        GeneratorOptions options = GeneratorOptions.defaults().withRecords(400).withSeed(8).withDamagedShare(0.5);
        byte[] bytes = generate(options);
        long invalid = 0;
        try (Iso2709Reader reader = Iso2709Reader.of(bytes, ReadOptions.defaults())) {
            reader.onReject(e -> { });
            for (MarcRecord r : reader) {
                // reported either as invalid UTF-8 replaced by U+FFFD, or (where MARC-8 fits the bytes better)
                // as a record whose leader says UTF-8 but whose bytes are not valid UTF-8
                invalid += r.errors().stream().anyMatch(e -> e.message().contains("invalid UTF-8")
                        || e.message().contains("not valid UTF-8")) ? 1 : 0;
            }
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertEquals(write(options, sink).damaged(Damage.INVALID_UTF8), invalid);
    }

    @Test
    void aSizeIsMetWithinOneRecord() throws IOException {
        Path dir = Files.createTempDirectory("gen");
        try {
            Path file = dir.resolve("one-mb.mrc");
            long target = 1L << 20;
            GenerationReport report = new CorpusGenerator(GeneratorOptions.defaults().withBytes(target)
                    .withSeed(2)).writeTo(file);
            assertEquals(Files.size(file), report.bytes());
            assertTrue(report.bytes() >= target && report.bytes() < target + 20_000, report.toString());
            assertTrue(report.records() > 300, report.toString());
            assertEquals(0, new CorpusGenerator(GeneratorOptions.defaults().withBytes(0)).writeTo(file).records());
            assertEquals(0, Files.size(file));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void anotherTextEncoderSetsLeader09AndReportsWhatItCannotEncode() {
        // stands in for MARC-8: ISO 8859-1, with '?' and a report for anything beyond it
        TextEncoder latin1 = new TextEncoder() {
            @Override
            public void encode(String text, ByteArrayBuilder out, ProblemSink problems) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c > 0xFF) {
                        problems.report(MarcError.Severity.ERROR, i, "not in ISO 8859-1");
                        c = '?';
                    }
                    out.appendByte(c);
                }
            }

            @Override
            public char leaderCoding() {
                return ' ';
            }
        };
        GeneratorOptions options = GeneratorOptions.defaults().withRecords(600).withSeed(4).withTextEncoder(latin1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GenerationReport report = write(options, out);
        assertTrue(report.encodingProblems() > 0, "CJK and Cyrillic cannot be encoded: " + report);
        long expectedProblems = 0;
        SyntheticRecords made = new SyntheticRecords(options);
        ReadOptions latin1Read = ReadOptions.strict().withCharacterCoding(CharacterCoding.LATIN1);
        try (Iso2709Reader reader = Iso2709Reader.of(out.toByteArray(), latin1Read)) {
            for (MarcRecord r : reader) {
                assertEquals(' ', r.leader().characterCoding());
                MarcRecord m = made.next();
                expectedProblems += m.toString().chars().filter(c -> c > 0xFF).count();
                assertEquals(m.controlNumber(), r.controlNumber());
            }
            assertEquals(600, reader.recordsRead());
        }
        assertEquals(expectedProblems, report.encodingProblems());
    }

    @Test
    void streamingFiftyMegabytesKeepsTheHeapSmall(@TempDir Path dir) throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long[] peak = new long[1];
        long target = 50L << 20;
        Path file = dir.resolve("fifty.mrc");
        GenerationReport report;
        try (OutputStream out = new FilterOutputStream(Files.newOutputStream(file)) {
            private long written;
            private long nextCheck = 5L << 20;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written += len;
                if (written >= nextCheck) {             // what is still reachable after a collection
                    nextCheck += 5L << 20;
                    System.gc();
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed() - baseline);
                }
            }
        }) {
            report = new CorpusGenerator(GeneratorOptions.defaults().withBytes(target).withDamagedShare(0.01))
                    .writeTo(out);
        }
        assertEquals(Files.size(file), report.bytes());
        assertTrue(report.bytes() >= target);
        assertTrue(peak[0] < 16L << 20, "heap retained while writing 50 MB: " + (peak[0] >> 10) + " KiB");
        Files.delete(file);
    }

    private static byte[] generate(GeneratorOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(options, out);
        return out.toByteArray();
    }

    private static GenerationReport write(GeneratorOptions options, OutputStream out) {
        try {
            return new CorpusGenerator(options).writeTo(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] sha256(GeneratorOptions options) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        new CorpusGenerator(options).writeTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return digest.digest();
    }
}
