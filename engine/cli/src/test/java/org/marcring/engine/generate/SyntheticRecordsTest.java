package org.marcring.engine.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.RecordKind;
import org.marcring.codec.Subfield;
import org.marcring.codec.iso2709.Iso2709Encoder;

/** The shape of generated records: kinds, field counts, sizes, tags, text and internal consistency. */
class SyntheticRecordsTest {
    private static final int COUNT = 3000;
    private static final List<MarcRecord> RECORDS = new ArrayList<>();
    private static final List<Integer> SIZES = new ArrayList<>();

    @BeforeAll
    static void generate() {
        SyntheticRecords source = new SyntheticRecords(GeneratorOptions.defaults().withSeed(20240501L));
        Iso2709Encoder encoder = new Iso2709Encoder();
        for (int i = 0; i < COUNT; i++) {
            MarcRecord r = source.next();
            RECORDS.add(r);
            SIZES.add(encoder.encode(r).length);
        }
        assertEquals(COUNT, source.count());
    }

    private static List<MarcRecord> ofKind(RecordKind kind) {
        List<MarcRecord> out = new ArrayList<>();
        for (MarcRecord r : RECORDS) {
            if (r.kind() == kind) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void kindsComeInTheConfiguredShares() {
        // 4% each by default: 120 expected of 3,000; a binomial spread of +-4 sigma is about +-43
        int authority = ofKind(RecordKind.AUTHORITY).size();
        int holdings = ofKind(RecordKind.HOLDINGS).size();
        assertTrue(authority > 77 && authority < 163, "authority records: " + authority);
        assertTrue(holdings > 77 && holdings < 163, "holdings records: " + holdings);
        assertEquals(COUNT, ofKind(RecordKind.BIBLIOGRAPHIC).size() + authority + holdings);
    }

    @Test
    void kindSharesCanBeChanged() {
        SyntheticRecords only = new SyntheticRecords(GeneratorOptions.defaults().withKindShares(0.0, 1.0));
        for (int i = 0; i < 50; i++) {
            char type = only.next().leader().typeOfRecord();
            assertTrue(type == 'x' || type == 'y', "leader/06 of a holdings record: " + type);
        }
        SyntheticRecords none = new SyntheticRecords(GeneratorOptions.defaults().withKindShares(0.0, 0.0));
        for (int i = 0; i < 50; i++) {
            assertEquals(RecordKind.BIBLIOGRAPHIC, none.next().kind());
        }
    }

    @Test
    void bibliographicRecordsHave15To60Fields() {
        int min = Integer.MAX_VALUE;
        int max = 0;
        long sum = 0;
        List<MarcRecord> bib = ofKind(RecordKind.BIBLIOGRAPHIC);
        for (MarcRecord r : bib) {
            int n = r.fields().size();
            min = Math.min(min, n);
            max = Math.max(max, n);
            sum += n;
        }
        assertTrue(min >= 15, "fewest fields " + min);
        assertTrue(max <= 60, "most fields " + max);
        assertTrue(max >= 45, "the field count should spread towards 60: most was " + max);
        double mean = (double) sum / bib.size();
        assertTrue(mean > 18 && mean < 35, "mean field count " + mean);
    }

    @Test
    void sizesAreMostly300BytesTo5KiBWithAFewOver10KiB() {
        int under300 = 0;
        int over5k = 0;
        int over10k = 0;
        int max = 0;
        for (int i = 0; i < COUNT; i++) {
            int size = SIZES.get(i);
            if (RECORDS.get(i).kind() == RecordKind.BIBLIOGRAPHIC && size < 300) {
                under300++;
            }
            over5k += size > 5_000 ? 1 : 0;
            over10k += size > 10_000 ? 1 : 0;
            max = Math.max(max, size);
        }
        assertEquals(0, under300, "bibliographic records under 300 bytes");
        assertTrue(over5k < COUNT * 0.03, over5k + " records over 5,000 bytes");
        assertTrue(over10k >= 5 && over10k < COUNT * 0.025, over10k + " records over 10,000 bytes");
        assertTrue(max < 99_999, "largest record " + max + " bytes must stay within ISO 2709's limit");
    }

    @Test
    void bibliographicRecordsCarryTheUsualTags() {
        Set<String> seen = tags(ofKind(RecordKind.BIBLIOGRAPHIC));
        for (String tag : List.of("001", "003", "005", "008", "020", "035", "040", "050", "082", "100", "245",
                "250", "260", "264", "300", "336", "337", "338", "490", "500", "504", "505", "520", "600",
                "650", "651", "700", "830", "856", "880")) {
            assertTrue(seen.contains(tag), "no bibliographic record has a " + tag);
        }
        for (MarcRecord r : ofKind(RecordKind.BIBLIOGRAPHIC)) {
            assertNotNull(r.get("245"), "every bibliographic record has a title");
            assertEquals(40, r.controlValue("008").length(), "008 of a book has 40 positions");
            assertTrue(r.has("264") ^ r.has("260") || r.getFields("264").size() == 2,
                    "imprint in 264 or 260: " + r.controlNumber());
        }
    }

    @Test
    void authorityAndHoldingsRecordsHaveTheirOwnShape() {
        List<MarcRecord> authority = ofKind(RecordKind.AUTHORITY);
        Set<String> authorityTags = tags(authority);
        for (String tag : List.of("100", "400", "500", "670")) {
            assertTrue(authorityTags.contains(tag), "no authority record has a " + tag);
        }
        for (MarcRecord r : authority) {
            assertEquals('z', r.leader().typeOfRecord());
            assertEquals(40, r.controlValue("008").length());
            assertTrue(r.has("100") && r.has("670"), "heading and source in " + r.controlNumber());
        }
        List<MarcRecord> holdings = ofKind(RecordKind.HOLDINGS);
        Set<String> holdingsTags = tags(holdings);
        for (String tag : List.of("004", "852", "853", "863", "864", "865", "866")) {
            assertTrue(holdingsTags.contains(tag), "no holdings record has a " + tag);
        }
        Set<Character> types = new HashSet<>();
        for (MarcRecord r : holdings) {
            types.add(r.leader().typeOfRecord());
            assertEquals(32, r.controlValue("008").length(), "008 of a holdings record has 32 positions");
            assertTrue(r.has("852"), "location in " + r.controlNumber());
            if (r.leader().typeOfRecord() == 'y') {
                assertTrue(r.has("863") && r.has("866"), "serial holdings in " + r.controlNumber());
            }
        }
        assertEquals(Set.of('x', 'y'), types);
    }

    @Test
    void textIsMostlyAsciiWithDiacriticsInBothFormsAndSomeCjkAndCyrillic() {
        long chars = 0;
        long ascii = 0;
        int combining = 0;
        int latin1 = 0;
        int cjk = 0;
        int cyrillic = 0;
        for (MarcRecord r : RECORDS) {
            boolean hasCombining = false;
            boolean hasLatin1 = false;
            boolean hasCjk = false;
            boolean hasCyrillic = false;
            for (Field f : r.fields()) {
                String v = f.isControl() ? f.data() : f.value();
                for (int i = 0; i < v.length(); i++) {
                    char c = v.charAt(i);
                    chars++;
                    ascii += c < 0x80 ? 1 : 0;
                    hasCombining |= c >= 0x0300 && c <= 0x036F;
                    hasLatin1 |= c >= 0x00C0 && c <= 0x00FF;
                    hasCjk |= c >= 0x4E00 && c <= 0x9FFF;
                    hasCyrillic |= c >= 0x0400 && c <= 0x04FF;
                }
            }
            combining += hasCombining ? 1 : 0;
            latin1 += hasLatin1 ? 1 : 0;
            cjk += hasCjk ? 1 : 0;
            cyrillic += hasCyrillic ? 1 : 0;
        }
        assertTrue(ascii > chars * 0.99, "ASCII share of characters " + (double) ascii / chars);
        assertTrue(combining > COUNT / 50, combining + " records with combining marks");
        assertTrue(latin1 > COUNT / 50, latin1 + " records with precomposed Latin-1 letters");
        assertTrue(cjk > COUNT / 100 && cjk < COUNT / 10, cjk + " records with CJK");
        assertTrue(cyrillic > COUNT / 100 && cyrillic < COUNT / 10, cyrillic + " records with Cyrillic");
    }

    @Test
    void linkedVernacularFieldsPointBothWays() {
        int links = 0;
        for (MarcRecord r : RECORDS) {
            for (Field f : r.getFields("880")) {
                String link = f.get('6');                  // e.g. 245-02/$1
                String tag = link.substring(0, 3);
                String occurrence = link.substring(4, 6);
                boolean found = false;
                for (Field target : r.getFields(tag)) {
                    found |= ("880-" + occurrence).equals(target.get('6'));
                }
                assertTrue(found, "880 $6 " + link + " has no partner in " + r.controlNumber());
                links++;
            }
        }
        assertTrue(links > 100, links + " linked 880 fields");
    }

    @Test
    void isbnsHaveValidCheckDigits() {
        int checked = 0;
        for (MarcRecord r : RECORDS) {
            for (String isbn : r.isbns()) {
                assertEquals(13, isbn.length(), isbn);
                int sum = 0;
                for (int i = 0; i < 13; i++) {
                    sum += (isbn.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
                }
                assertEquals(0, sum % 10, "ISBN-13 check digit of " + isbn);
                checked++;
            }
        }
        assertTrue(checked > COUNT, checked + " ISBNs");
    }

    @Test
    void controlNumbersAreUniqueAndFieldsInTagOrder() {
        Set<String> numbers = new HashSet<>();
        for (MarcRecord r : RECORDS) {
            assertTrue(numbers.add(r.controlNumber()), "duplicate 001 " + r.controlNumber());
            String previous = "000";
            for (Field f : r.fields()) {
                assertTrue(f.tag().compareTo(previous) >= 0, "tag " + f.tag() + " after " + previous);
                previous = f.tag();
                if (f instanceof DataField) {
                    assertTrue(!f.subfields().isEmpty(), "empty " + f.tag());
                    for (Subfield s : f.subfields()) {
                        assertTrue(!s.value().isEmpty(), "empty $" + s.code() + " in " + f.tag());
                    }
                }
            }
        }
    }

    @Test
    void sameSeedSameRecordsOtherSeedOtherRecords() {
        SyntheticRecords a = new SyntheticRecords(GeneratorOptions.defaults().withSeed(20240501L));
        SyntheticRecords b = new SyntheticRecords(GeneratorOptions.defaults().withSeed(20240502L));
        int same = 0;
        for (int i = 0; i < 200; i++) {
            MarcRecord ra = a.next();
            assertEquals(RECORDS.get(i), ra);
            same += b.next().equals(ra) ? 1 : 0;
        }
        assertEquals(0, same);
        assertNotEquals(RECORDS.get(0).get("245"), new SyntheticRecords(GeneratorOptions.defaults().withSeed(3))
                .next().get("245"));
    }

    private static Set<String> tags(List<MarcRecord> records) {
        Set<String> tags = new HashSet<>();
        for (MarcRecord r : records) {
            for (Field f : r.fields()) {
                tags.add(f.tag());
            }
        }
        return tags;
    }
}
