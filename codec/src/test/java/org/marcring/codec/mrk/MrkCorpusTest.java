package org.marcring.codec.mrk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.testing.Corpus;

/** MARCMaker files of the shared corpus against the ISO 2709 files made from the same records. */
class MrkCorpusTest {

    private static List<MarcRecord> read(MarcReader r) {
        List<MarcRecord> out = new ArrayList<>();
        try (r) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    private static void assertSameFields(List<MarcRecord> expected, List<MarcRecord> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " record count");
        for (int i = 0; i < expected.size(); i++) {
            List<org.marcring.codec.Field> e = expected.get(i).fields();
            List<org.marcring.codec.Field> a = actual.get(i).fields();
            for (int f = 0; f < Math.min(e.size(), a.size()); f++) {
                assertEquals(e.get(f), a.get(f), what + " record " + i + " field " + f);
            }
            assertEquals(e.size(), a.size(), what + " record " + i + " field count");
        }
    }

    private static List<MarcRecord> fold(List<MarcRecord> records) {
        List<MarcRecord> out = new ArrayList<>();
        for (MarcRecord r : records) {
            MarcRecord.Builder b = r.toBuilder();
            b.fields().replaceAll(f -> f instanceof org.marcring.codec.DataField
                    ? ((org.marcring.codec.DataField) f).toBuilder().replaceAll(sf -> new org.marcring.codec.Subfield(
                            sf.code(), sf.value().replace("\uFE20", "\u0361").replace("\uFE21", "")
                                    .replace("\uFE22", "\u0360").replace("\uFE23", ""))).build()
                    : f);
            out.add(b.build());
        }
        return out;
    }

    @Test
    void mrk8MatchesTheUtf8IsoFile() throws IOException {
        List<MarcRecord> iso = read(Iso2709Reader.open(Corpus.file("marc4j/test/resources/brkrtest_UTF8.mrc")));
        List<MarcRecord> mrk8 = read(MrkReader.open(Corpus.file("marc4j/test/resources/brkrtest.mrk8"),
                ReadOptions.strict(), MrkFlavor.MRK8));
        assertEquals(8, iso.size());
        assertSameFields(iso, mrk8, "brkrtest.mrk8");
    }

    @Test
    void mnemonicMrkMatchesTheUtf8IsoFile() throws IOException {
        List<MarcRecord> iso = read(Iso2709Reader.open(Corpus.file("marc4j/test/resources/brkrtest_UTF8.mrc")));
        List<MarcRecord> mrk = read(MrkReader.open(Corpus.file("marc4j/test/resources/brkrtest.mrk"),
                ReadOptions.strict(), MrkFlavor.MRK));
        // The UTF-8 file writes each ligature and double tilde as one double diacritic (U+0361, U+0360)
        // where MARC-8 has two halves, which LC's table maps to U+FE20/U+FE21 and U+FE22/U+FE23; compare
        // with the halves folded the same way.
        assertSameFields(fold(iso), fold(mrk), "brkrtest.mrk");
    }

    @Test
    void camelMatchesItsIsoFile() throws IOException {
        List<MarcRecord> iso = read(Iso2709Reader.open(Corpus.file("marc-perl/marc-marcmaker/t/camel.usmarc")));
        List<MarcRecord> mrk = read(MrkReader.open(Corpus.file("marc-perl/marc-marcmaker/t/camel.mrk"),
                ReadOptions.strict(), MrkFlavor.MRK));
        assertEquals(10, mrk.size());
        assertSameFields(iso, mrk, "camel.mrk");
    }
}
