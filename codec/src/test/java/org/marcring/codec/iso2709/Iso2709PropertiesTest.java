package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RecordFramerTest.ChunkyInputStream;
import org.marcring.codec.testing.Fixtures;
import org.marcring.codec.testing.RecordArbitraries;

/** Properties of the ISO 2709 codec over generated records and generated damage. */
class Iso2709PropertiesTest {

    @Provide
    Arbitrary<MarcRecord> records() {
        return RecordArbitraries.records();
    }

    @Provide
    Arbitrary<List<MarcRecord>> recordLists() {
        return RecordArbitraries.recordLists(4);
    }

    /** The leader an encoder writes for {@code record}: everything but the two computed numbers kept. */
    private static Leader withoutLengths(Leader leader) {
        return leader.withRecordLength(0).withBaseAddress(0);
    }

    private static void assertSameRecord(MarcRecord expected, MarcRecord actual) {
        assertEquals(expected.fields(), actual.fields());
        assertEquals(withoutLengths(expected.leader()), withoutLengths(actual.leader()));
    }

    /** Shared across tries, so that scratch state one record leaves behind would spoil the next. */
    private static final Iso2709Encoder ENCODER = new Iso2709Encoder();
    private static final Iso2709Decoder DECODER = new Iso2709Decoder(ReadOptions.strict());

    @Property(tries = 300)
    void encodeThenDecodeGivesTheSameRecord(@ForAll("records") MarcRecord record) {
        byte[] bytes = ENCODER.encode(record);
        MarcRecord back = DECODER.decode(bytes);
        assertSameRecord(record, back);
        assertEquals(List.of(), back.errors());
        assertEquals(bytes.length, back.leader().recordLength());
        assertEquals(24 + 12 * record.fields().size() + 1, back.leader().baseAddress());
        // and encoding the decoded record gives the same bytes again
        assertTrue(Arrays.equals(bytes, new Iso2709Encoder().encode(back)));
    }

    @Property(tries = 150)
    void framingAConcatenationCutAtRandomReadSizesGivesExactlyThoseRecords(
            @ForAll("recordLists") List<MarcRecord> records, @ForAll @IntRange(min = 1, max = 300) int maxRead,
            @ForAll @IntRange(min = 1, max = 200) int chunk, @ForAll long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(seed);
        try (Iso2709Writer writer = Iso2709Writer.of(out)) {
            for (MarcRecord r : records) {
                writer.write(r);
            }
        }
        byte[] input = out.toByteArray();
        List<MarcRecord> read = new ArrayList<>();
        try (Iso2709Reader reader = new Iso2709Reader(
                RecordFramer.of(new ChunkyInputStream(input, maxRead, random.nextLong()), chunk), ReadOptions.strict())) {
            reader.forEachRemaining(read::add);
        }
        assertEquals(records.size(), read.size());
        for (int i = 0; i < records.size(); i++) {
            assertSameRecord(records.get(i), read.get(i));
        }
    }

    /** One kind of damage at a random place. */
    enum Damage { FLIP, TRUNCATE, INSERT, DELETE, OVERWRITE_DIGIT, DELIMITER }

    @Provide
    Arbitrary<List<Damage>> damages() {
        return Arbitraries.of(Damage.class).list().ofMinSize(1).ofMaxSize(6);
    }

    private static byte[] damage(byte[] input, List<Damage> damages, Random random) {
        byte[] b = input;
        for (Damage d : damages) {
            if (b.length == 0) {
                break;
            }
            int at = random.nextInt(b.length);
            switch (d) {
                case FLIP:
                    b = b.clone();
                    b[at] ^= (byte) (1 << random.nextInt(8));
                    break;
                case TRUNCATE:
                    b = Arrays.copyOf(b, at);
                    break;
                case INSERT: {
                    byte[] extra = new byte[1 + random.nextInt(40)];
                    random.nextBytes(extra);
                    b = Fixtures.concat(Arrays.copyOf(b, at), extra, Arrays.copyOfRange(b, at, b.length));
                    break;
                }
                case DELETE:
                    b = Fixtures.concat(Arrays.copyOf(b, at),
                            Arrays.copyOfRange(b, Math.min(b.length, at + 1 + random.nextInt(30)), b.length));
                    break;
                case OVERWRITE_DIGIT:
                    b = b.clone();
                    b[at] = (byte) ('0' + random.nextInt(10));
                    break;
                case DELIMITER:
                default:
                    b = b.clone();
                    b[at] = (byte) (0x1D + random.nextInt(3));
                    break;
            }
        }
        return b;
    }

    @Property(tries = 200)
    void damagedInputEndsInRecordsOrRejectsOnly(@ForAll("recordLists") List<MarcRecord> records,
                                                @ForAll("damages") List<Damage> damages, @ForAll long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Iso2709Writer writer = Iso2709Writer.of(out)) {
            records.forEach(writer::write);
        }
        Random random = new Random(seed);
        byte[] input = damage(out.toByteArray(), damages, random);
        List<String> framed = Fixtures.frames(input).stream().map(Object::toString).collect(Collectors.toList());
        int frames = framed.size();
        // the same frames from a stream that hands out a few bytes at a time into a small buffer
        assertEquals(framed, Fixtures.frames(RecordFramer.of(
                new ChunkyInputStream(input, 1 + random.nextInt(100), random.nextLong()), 1 + random.nextInt(100)))
                .stream().map(Object::toString).collect(Collectors.toList()));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (ReadOptions options : List.of(ReadOptions.defaults().withRejectsThrown(), ReadOptions.strict())) {
                int read = 0;
                int rejected = 0;
                int skipped = 0;
                try (Iso2709Reader reader = Iso2709Reader.of(input, options)) {
                    while (reader.hasNext()) {
                        try {
                            MarcRecord r = reader.next();
                            read++;
                            if (options.isStrict()) {
                                assertFalse(r.errors().stream().anyMatch(e -> e.severity() != MarcError.Severity.INFO));
                            }
                        } catch (MarcFormatException e) {
                            rejected++;
                            assertFalse(e.getMessage().contains("cannot decode record"), e.getMessage());
                            if (e instanceof org.marcring.codec.SkippedBytesException) {
                                skipped++;
                                assertTrue(e.getMessage().contains(" skipped at byte "), e.getMessage());
                            } else {
                                assertTrue(e.getMessage().startsWith("record " + (e.ordinal() + 1) + " at byte "),
                                        e.getMessage());
                            }
                        }
                    }
                    assertEquals(read, reader.recordsRead());
                    assertEquals(rejected - skipped, reader.rejectedCount());
                    assertEquals(skipped, reader.regionsSkipped());
                }
                assertEquals(frames, read + rejected, options + ": records + rejects == frames");
            }
        });
    }

    @Property(tries = 300)
    void randomBytesEndInRecordsOrRejectsOnly(@ForAll("randomBytes") byte[] input) {
        int frames = Fixtures.frames(input).size();
        int[] count = new int[2];
        try (Iso2709Reader reader = Iso2709Reader.of(input, ReadOptions.defaults())) {
            reader.onReject(e -> {
                assertFalse(e.getMessage().contains("cannot decode record"), e.getMessage());
                count[1]++;
            });
            reader.forEachRemaining(r -> count[0]++);
        }
        assertEquals(frames, count[0] + count[1]);
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        // bytes rich in digits and delimiters, so that leaders and directories half-parse
        Arbitrary<Byte> b = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.bytes().between((byte) '0', (byte) '9')),
                net.jqwik.api.Tuple.of(2, Arbitraries.bytes().between((byte) 0x1D, (byte) 0x1F)),
                net.jqwik.api.Tuple.of(3, Arbitraries.bytes()));
        return b.array(byte[].class).ofMaxSize(400);
    }
}
