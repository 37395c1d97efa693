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
        // diacritics moved behind their letters, ligature halves joined into U+0361, as LC converts
        assertSameFields(iso, mrk, "brkrtest.mrk");
    }

    @Test
    void mnemonicMrkMatchesTheMarc8IsoFile() throws IOException {
        List<MarcRecord> iso = read(Iso2709Reader.open(Corpus.file("marc4j/test/resources/brkrtest.mrc")));
        List<MarcRecord> mrk = read(MrkReader.open(Corpus.file("marc4j/test/resources/brkrtest.mrk"),
                ReadOptions.strict(), MrkFlavor.MRK));
        assertSameFields(iso, mrk, "brkrtest.mrk against MARC-8");
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
