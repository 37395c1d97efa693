package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.testing.Corpus;

/** Every valid ISO 2709 file of the shared corpus: record counts, and byte-identical decode → encode for UTF-8. */
class CorpusRoundTripTest {

    static Stream<Corpus.Entry> validFiles() {
        return Corpus.entries(Corpus.Entry::isValidIso2709).stream();
    }

    static Stream<Corpus.Entry> validUtf8Files() {
        return Corpus.entries(e -> e.isValidIso2709() && e.isUtf8()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void recordCountMatchesManifest(Corpus.Entry file) throws IOException {
        long count = 0;
        try (Iso2709Reader reader = Iso2709Reader.open(file.path)) {
            while (reader.hasNext()) {
                reader.next();
                count++;
            }
            assertEquals(0, reader.rejectedCount(), "rejects in " + file);
        }
        assertEquals(file.terminators, count, "records in " + file);
    }

    /**
     * Files whose records need a permissive repair, so that re-encoding them cannot give the same bytes.
     * Each with the reason; a record of one of these files must carry the repair in its errors.
     */
    static final Map<String, String> REPAIRED = Map.of(
            "metafacture-core/metafacture-runner/src/main/dist/examples/read/marc21/10.marc21",
            "689 fields use the upper-case subfield code 'A', which MARC 21 does not allow: made lower-case",
            "pymarc/test/regression45.dat",
            "some 752 fields hold a stray '\\' between the indicators and the first subfield: dropped");

    @ParameterizedTest(name = "{0}")
    @MethodSource("validUtf8Files")
    void decodeThenEncodeIsByteIdentical(Corpus.Entry file) throws IOException {
        byte[] input = Files.readAllBytes(file.path);
        Iso2709Decoder decoder = new Iso2709Decoder(ReadOptions.defaults());
        Iso2709Encoder encoder = new Iso2709Encoder();
        List<String> differences = new ArrayList<>();
        int records = 0;
        int repaired = 0;
        try (RecordFramer framer = RecordFramer.of(input)) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                assertTrue(raw.isClean(), raw.toString());
                MarcRecord record = decoder.decode(raw);
                boolean needsRepair = record.errors().stream()
                        .anyMatch(e -> e.severity().compareTo(MarcError.Severity.WARNING) >= 0);
                if (needsRepair) {
                    repaired++;
                    assertTrue(REPAIRED.containsKey(file.relative), "unexpected repair in " + file + ": "
                            + record.errors());
                    continue;
                }
                byte[] again = encoder.encode(record);
                if (!Arrays.equals(raw.copy(), again)) {
                    differences.add("record " + raw.ordinal() + " at byte " + raw.byteOffset());
                }
                records++;
            }
        }
        assertEquals(file.terminators, records + repaired);
        assertEquals(REPAIRED.containsKey(file.relative), repaired > 0, "repairs in " + file);
        assertEquals(List.of(), differences, "records not byte-identical after decode -> encode in " + file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validUtf8Files")
    void strictModeAcceptsWhatNeedsNoRepair(Corpus.Entry file) throws IOException {
        long[] counts = new long[2];
        try (Iso2709Reader reader = Iso2709Reader.open(file.path, ReadOptions.strict())) {
            reader.onReject(e -> {
                counts[1]++;
                assertTrue(REPAIRED.containsKey(file.relative), e.getMessage());
                assertTrue(e.getMessage().startsWith("record "), e.getMessage());
            });
            reader.forEachRemaining(r -> counts[0]++);
        }
        assertEquals(file.terminators, counts[0] + counts[1]);
    }
}
