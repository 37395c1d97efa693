package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.json.MarcJsonEncoder;
import org.marcring.codec.marc8.Marc8Encoder;
import org.marcring.codec.testing.Corpus;
import org.marcring.codec.text.ProblemSink;
import org.marcring.codec.xml.MarcXmlEncoder;

/**
 * The transcoding path writes, for every record it takes, exactly the bytes of the decoding path (decode, then
 * encode with the same encoder), on every ISO 2709 record of the corpus and on damaged copies of them; and it
 * takes the plain records, which are nearly all of a clean file.
 */
class Iso2709TranscoderTest {
    private static final List<Supplier<RecordEncoder>> ENCODERS = List.of(
            MarcXmlEncoder::compact, MarcXmlEncoder::indented, Iso2709Encoder::new,
            () -> new Iso2709Encoder(Marc8Encoder.INSTANCE, ProblemSink.IGNORE, false), MarcJsonEncoder::array);
    private static final List<ReadOptions> OPTIONS = List.of(ReadOptions.defaults(), ReadOptions.strict(),
            ReadOptions.defaults().withMaxFields(40), ReadOptions.defaults().withCharacterCoding(CharacterCoding.UTF8));

    /** Counts of what one comparison saw. */
    private static final class Tally {
        long records;
        long scanned;
        long transcoded;
    }

    /**
     * Checks one framed record against every encoder and option set: where the transcoder writes it, the
     * decoding path must read it without remark and write the same bytes.
     */
    private static void check(byte[] b, int off, int len, String where, Tally tally) {
        tally.records++;
        for (ReadOptions options : OPTIONS) {
            Iso2709Fields fields = new Iso2709Fields(options);
            if (!fields.scan(b, off, len)) {
                // what the scan refuses, no encoder writes in one pass either (it takes a part of what the scan takes)
                for (Supplier<RecordEncoder> make : ENCODERS) {
                    RecordEncoder encoder = make.get();
                    if (encoder instanceof Iso2709Transcoder) {
                        ByteArrayBuilder out = new ByteArrayBuilder(64);
                        assertFalse(((Iso2709Transcoder) encoder).transcode(b, off, len,
                                new Iso2709Fields(options), out), where + ": written in one pass, refused by the scan");
                        assertEquals(0, out.length(), where + ": declined, but left bytes behind");
                    }
                }
                continue;
            }
            tally.scanned++;
            MarcRecord decoded;
            try {
                decoded = new Iso2709Decoder(options).decode(b, off, len);
            } catch (MarcException e) {
                fail(where + ": scanned as plain, but the decoder refuses it: " + e.getMessage());
                return;
            }
            assertEquals(List.of(), decoded.errors(), where + ": scanned as plain, but the decoder remarks");
            for (Supplier<RecordEncoder> make : ENCODERS) {
                RecordEncoder encoder = make.get();
                if (!(encoder instanceof Iso2709Transcoder)) {
                    continue;
                }
                ByteArrayBuilder direct = new ByteArrayBuilder(64);
                direct.append((byte) '#');
                boolean taken = ((Iso2709Transcoder) encoder).transcode(fields, direct);
                if (!taken) {
                    assertEquals(1, direct.length(), where + ": declined, but left bytes behind");
                    continue;
                }
                tally.transcoded++;
                ByteArrayBuilder decodedOut = new ByteArrayBuilder(64);
                decodedOut.append((byte) '#');
                try {
                    make.get().encode(decoded, decodedOut);
                } catch (MarcException e) {
                    fail(where + ": transcoded by " + encoder.getClass().getSimpleName()
                            + ", but encoding the decoded record fails: " + e.getMessage());
                }
                assertArrayEquals(decodedOut.toByteArray(), direct.toByteArray(),
                        where + ": " + encoder.getClass().getSimpleName() + " transcodes other bytes than it encodes");
                // the one-pass entry (which compact MARCXML answers with a walk over the data) writes the same
                ByteArrayBuilder onePass = new ByteArrayBuilder(64);
                onePass.append((byte) '#');
                assertTrue(((Iso2709Transcoder) make.get()).transcode(b, off, len, new Iso2709Fields(options), onePass),
                        where + ": taken in two passes, not in one");
                assertArrayEquals(decodedOut.toByteArray(), onePass.toByteArray(),
                        where + ": " + encoder.getClass().getSimpleName() + " writes other bytes in one pass");
            }
        }
    }

    private static void checkFile(byte[] input, String name, Tally tally) {
        RecordFramer framer = RecordFramer.of(input);
        RawRecord raw = new RawRecord();
        while (framer.next(raw)) {
            if (raw.isClean()) {
                check(raw.buffer(), raw.offset(), raw.length(), name + " record " + raw.ordinal(), tally);
            }
        }
    }

    @Test
    void everyCorpusRecordTranscodesToTheBytesItsDecodingWrites() throws IOException {
        Tally tally = new Tally();
        for (Corpus.Entry file : Corpus.entries(Corpus.Entry::isIso2709)) {
            checkFile(Files.readAllBytes(file.path), file.relative, tally);
        }
        assertTrue(tally.records > 10_000, "records checked: " + tally.records);
        assertTrue(tally.transcoded > tally.records, "transcoded " + tally.transcoded + " of " + tally.records);
    }

    @Test
    void nearlyEveryRecordOfACleanFileIsTranscoded() throws IOException {
        byte[] input = Files.readAllBytes(Corpus.file("mrrc/tests/data/fixtures/realistic.mrc"));
        RecordFramer framer = RecordFramer.of(input);
        RawRecord raw = new RawRecord();
        Iso2709Fields fields = new Iso2709Fields(ReadOptions.defaults());
        MarcXmlEncoder xml = MarcXmlEncoder.compact();
        int records = 0;
        int transcoded = 0;
        ByteArrayBuilder out = new ByteArrayBuilder(1 << 16);
        while (framer.next(raw)) {
            records++;
            out.reset();
            if (raw.isClean() && fields.scan(raw.buffer(), raw.offset(), raw.length()) && xml.transcode(fields, out)) {
                transcoded++;
            }
        }
        assertTrue(records > 1000, "records: " + records);
        assertTrue(transcoded >= records * 0.9, "transcoded " + transcoded + " of " + records);
    }

    @Test
    void aConversionWritesAFileAsDecodingAndEncodingEachRecordDoes() throws IOException {
        byte[] input = Files.readAllBytes(Corpus.file("solrmarc/test/data/records/uva_001_2000.mrc"));
        for (Supplier<RecordEncoder> make : ENCODERS) {
            Iso2709Conversion conversion = new Iso2709Conversion(ReadOptions.defaults(), make.get());
            Iso2709Decoder decoder = new Iso2709Decoder(ReadOptions.defaults());
            RecordEncoder encoder = make.get();
            ByteArrayBuilder converted = new ByteArrayBuilder(1 << 16);
            ByteArrayBuilder decoded = new ByteArrayBuilder(1 << 16);
            int records = 0;
            RecordFramer framer = RecordFramer.of(input);
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                records++;
                int mark = converted.length();
                try {
                    conversion.encode(raw, converted);
                } catch (MarcException e) {
                    assertEquals(mark, converted.length(), "a refused record leaves nothing behind");
                }
                int at = decoded.length();
                try {
                    encoder.encode(decoder.decode(raw), decoded);
                } catch (MarcException e) {
                    decoded.truncate(at);
                }
            }
            assertTrue(records >= 2000, "records: " + records);
            assertArrayEquals(decoded.toByteArray(), converted.toByteArray(), encoder.getClass().getSimpleName());
        }
    }

    @Test
    void damagedCopiesOfCorpusRecordsTranscodeOnlyToWhatTheirDecodingWrites() throws IOException {
        byte[] input = Files.readAllBytes(Corpus.file("mrrc/tests/data/fixtures/realistic.mrc"));
        List<int[]> spans = new ArrayList<>();
        RecordFramer framer = RecordFramer.of(input);
        RawRecord raw = new RawRecord();
        while (framer.next(raw) && spans.size() < 400) {
            spans.add(new int[] {raw.offset(), raw.length()});
        }
        byte[] special = {0x1F, 0x1E, 0x1D, 0, '<', '&', '>', '\r', '\t', '\n', (byte) 0xFF, (byte) 0xEF, (byte) 0xBF,
            (byte) 0xC3, 'A', '0', '9', ' ', '|', '"', 0x7F, 0x01};
        Random random = new Random(20261206);
        Tally tally = new Tally();
        for (int round = 0; round < 20; round++) {
            for (int[] span : spans) {
                byte[] copy = java.util.Arrays.copyOfRange(input, span[0], span[0] + span[1]);
                int changes = 1 + random.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    int at = random.nextInt(copy.length);
                    copy[at] = random.nextBoolean() ? special[random.nextInt(special.length)] : (byte) random.nextInt();
                }
                check(copy, 0, copy.length, "damaged copy (round " + round + ")", tally);
            }
        }
        assertTrue(tally.transcoded > 0 && tally.scanned < tally.records * OPTIONS.size(),
                "some damaged copies are transcoded, some refused: " + tally.scanned + " of " + tally.records);
    }

    @Test
    void aRecordTheDecoderWouldRepairOrACharacterXmlForbidsIsLeftToTheDecoder() {
        ReadOptions options = ReadOptions.defaults();
        MarcRecord plain = MarcRecord.builder()
                .leader(Leader.of("00000nam a2200000 i 4500"))
                .controlField("001", "id1")
                .dataField("245", '1', '0', "a", "A <title> & more")
                .build();
        byte[] good = new Iso2709Encoder().encode(plain);
        Iso2709Fields fields = new Iso2709Fields(options);
        assertTrue(fields.scan(good, 0, good.length));
        ByteArrayBuilder out = new ByteArrayBuilder(64);
        assertTrue(MarcXmlEncoder.compact().transcode(fields, out));
        assertTrue(new String(out.toByteArray(), StandardCharsets.UTF_8).contains("A &lt;title&gt; &amp; more"));

        assertFalse(new Iso2709Fields(options).scan(replace(good, "$a", "$A"), 0, good.length), "upper-case code");
        assertFalse(new Iso2709Fields(options).scan(replace(good, "10$a", "1~$a"), 0, good.length), "indicator '~'");
        assertFalse(new Iso2709Fields(options).scan(replace(good, " a22", "  22"), 0, good.length), "MARC-8 leader");
        byte[] control = replace(good, "more", "mor\u0001");
        assertTrue(fields.scan(control, 0, control.length));
        out.reset();
        assertFalse(MarcXmlEncoder.compact().transcode(fields, out), "a control character XML forbids");
        assertEquals(0, out.length());
        for (String forbidden : List.of("\uFFFF", "\uFFFE")) {
            byte[] nonCharacter = replace(good, "A <", forbidden);   // three bytes for three
            assertTrue(fields.scan(nonCharacter, 0, nonCharacter.length));
            assertFalse(MarcXmlEncoder.compact().transcode(fields, out), "U+" + (int) forbidden.charAt(0));
        }
        byte[] returns = replace(good, "A <", "\r\t<");
        assertTrue(fields.scan(returns, 0, returns.length));
        assertTrue(MarcXmlEncoder.compact().transcode(fields, out));
        assertTrue(new String(out.toByteArray(), StandardCharsets.UTF_8).contains(">&#13;\t&lt;title&gt; &amp; more<"));
    }

    /** {@code bytes} with the first {@code from} (a {@code $} standing for 0x1F) replaced by {@code to}, same length. */
    private static byte[] replace(byte[] bytes, String from, String to) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        String f = from.replace('$', (char) 0x1F);
        int at = s.indexOf(f);
        assertTrue(at >= 0, from);
        byte[] replacement = to.replace('$', (char) 0x1F).getBytes(StandardCharsets.UTF_8);
        assertEquals(f.length(), replacement.length, "same length");
        byte[] copy = bytes.clone();
        System.arraycopy(replacement, 0, copy, at, replacement.length);
        return copy;
    }
}
