package org.marcring.engine.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.testing.Corpus;

/** Building large files by repeating the records of a small one. */
class ReplicatorTest {
    @TempDir
    Path dir;

    private Path generated(int records, double damaged) throws IOException {
        Path source = dir.resolve("source-" + records + "-" + damaged + ".mrc");
        new CorpusGenerator(GeneratorOptions.defaults().withRecords(records).withSeed(11)
                .withDamagedShare(damaged)).writeTo(source);
        return source;
    }

    private static List<MarcRecord> read(byte[] bytes) {
        List<MarcRecord> out = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.of(bytes, ReadOptions.strict())) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void withoutRenumberingTheSourceBytesRepeat() throws IOException {
        Path source = generated(50, 0);
        byte[] original = Files.readAllBytes(source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReplicationReport report = new Replicator(source, Amount.records(120), false).writeTo(out);
        byte[] copy = out.toByteArray();
        assertEquals(new ReplicationReport(120, copy.length, 3, 50, 0, 0), report);
        for (int pass = 0; pass < 2; pass++) {
            assertArrayEquals(original, java.util.Arrays.copyOfRange(copy, pass * original.length,
                    (pass + 1) * original.length));
        }
        assertEquals(read(original).subList(0, 20), read(copy).subList(100, 120));
    }

    @Test
    void renumberingGivesUniqueControlNumbersAndKeepsEverythingElse() throws IOException {
        Path source = generated(50, 0);
        List<MarcRecord> originals = read(Files.readAllBytes(source));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReplicationReport report = new Replicator(source, Amount.records(175), true).writeTo(out);
        assertEquals(175, report.records());
        assertEquals(0, report.notRenumbered());
        List<MarcRecord> copies = read(out.toByteArray());
        assertEquals(175, copies.size());
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < copies.size(); i++) {
            MarcRecord copy = copies.get(i);
            MarcRecord original = originals.get(i % 50);
            assertEquals(Replicator.controlNumber(i), copy.controlNumber());
            assertTrue(numbers.add(copy.controlNumber()));
            assertEquals(original.fields().subList(1, original.fields().size()),
                    copy.fields().subList(1, copy.fields().size()));
            assertEquals(original.leader().toString().substring(5, 12), copy.leader().toString().substring(5, 12));
        }
        assertEquals("r0000000001", Replicator.controlNumber(0));
        assertEquals("r0000000175", Replicator.controlNumber(174));
    }

    @Test
    void aRecordWithoutControlNumberGetsOneFirst() throws IOException {
        MarcRecord noNumber = MarcRecord.builder()
                .controlField("008", "240101s2024    nyu           000 0 eng d")
                .addField(DataField.of("245", '0', '0', "a", "Anonymous work."))
                .build();
        Path source = dir.resolve("no-001.mrc");
        Files.write(source, new Iso2709Encoder().encode(noNumber));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Replicator(source, Amount.records(3), true).writeTo(out);
        List<MarcRecord> copies = read(out.toByteArray());
        assertEquals(3, copies.size());
        for (int i = 0; i < 3; i++) {
            List<Field> fields = copies.get(i).fields();
            assertEquals("001", fields.get(0).tag());
            assertEquals(Replicator.controlNumber(i), fields.get(0).data());
            assertEquals(noNumber.fields(), fields.subList(1, fields.size()));
        }
    }

    @Test
    void damagedSourceUnitsAreLeftOut() throws IOException {
        Path damagedSource = dir.resolve("damaged.mrc");
        GenerationReport made = new CorpusGenerator(GeneratorOptions.defaults().withRecords(400).withSeed(3)
                .withDamagedShare(0.3)).writeTo(damagedSource);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReplicationReport report = new Replicator(damagedSource, Amount.records(1000), true).writeTo(out);
        // framing damage: a lying length, a lost record terminator (the record after it is framed whole), garbage
        long framingDamaged = made.damaged(Damage.LYING_LENGTH) + made.damaged(Damage.MISSING_RECORD_TERMINATOR);
        assertEquals(framingDamaged + made.garbageRuns(), report.sourceSkipped());
        assertEquals(made.expectedRecords() - framingDamaged, report.sourceRecords());
        assertEquals(1000, report.records());
        try (Iso2709Reader reader = Iso2709Reader.of(out.toByteArray(), ReadOptions.defaults())) {
            reader.onReject(e -> { });
            reader.forEachRemaining(r -> { });
            assertEquals(1000, reader.recordsRead());
            assertEquals(0, reader.rejectedCount());
        }
    }

    @Test
    void aSizeIsMet() throws IOException {
        Path source = generated(30, 0);
        Path target = dir.resolve("big.mrc");
        ReplicationReport report = new Replicator(source, Amount.bytes(300_000), true).writeTo(target);
        assertEquals(Files.size(target), report.bytes());
        assertTrue(report.bytes() >= 300_000 && report.bytes() < 320_000, report.toString());
        assertTrue(report.passes() > 3, report.toString());
    }

    @Test
    void aSourceWithoutRecordsIsAnError() throws IOException {
        Path empty = dir.resolve("empty.mrc");
        Files.write(empty, "no records here".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Replicator replicator = new Replicator(empty, Amount.records(5), false);
        assertThrows(IllegalArgumentException.class, () -> replicator.writeTo(new ByteArrayOutputStream()));
    }

    @Test
    void realRecordsFromTheSharedCorpusReplicateAndStayReadable() throws IOException {
        Path source = Corpus.file("marc4j/test/resources/pride-and-prejudice-fixed.mrc");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReplicationReport report = new Replicator(source, Amount.records(1000), true).writeTo(out);
        assertEquals(383, report.sourceRecords());
        assertEquals(0, report.notRenumbered());
        List<MarcRecord> copies = read(out.toByteArray());
        assertEquals(1000, copies.size());
        List<MarcRecord> originals = read(Files.readAllBytes(source));
        MarcRecord last = copies.get(999);
        MarcRecord itsOriginal = originals.get(999 % 383);
        assertEquals(Replicator.controlNumber(999), last.controlNumber());
        assertEquals(itsOriginal.getFields("245"), last.getFields("245"));
        assertEquals(itsOriginal.fields().size() + (itsOriginal.has("001") ? 0 : 1), last.fields().size());
    }
}
