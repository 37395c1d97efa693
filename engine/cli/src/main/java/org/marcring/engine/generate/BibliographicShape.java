package org.marcring.engine.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcRecord;

/**
 * Makes one synthetic MARC 21 bibliographic record in the shape of a library catalogue's: control
 * fields 001/003/005/008, identifiers (020, 035), cataloguing source (040), classification (050/082),
 * main entry (100), title (245), edition, imprint (264 or 260), physical description (300), RDA types
 * (336-338), series (490/830), notes (5XX), subjects (6XX), added entries (700), links (856), and for a
 * few records vernacular script in 880 fields (CJK or Cyrillic). 15 to 60 fields, mostly 0.5 to 5 KB;
 * about one record in a hundred carries long contents and summary notes and goes over 10 KB.
 */
final class BibliographicShape {
    /** Most fields a generated bibliographic record has. */
    static final int MAX_FIELDS = 60;
    /** Fewest fields a generated bibliographic record has. */
    static final int MIN_FIELDS = 15;

    private static final String[] CLASSES = {"PR", "PS", "PQ", "PT", "QA", "QH", "HD", "HN", "HQ", "BF", "BX",
        "DS", "DA", "E", "F", "ML", "N", "NA", "Z", "TK", "RC", "KF", "GV", "JC"};
    private static final char[] TYPES = {'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 't', 'g', 'j',
        'e', 'm', 'c'};
    private static final char[] ENCODING_LEVELS = {' ', ' ', ' ', '1', '4', '5', '7', '8', 'I', 'K', 'M'};
    private static final String[] EDITIONS = {"2nd edition.", "Revised edition.", "First edition.",
        "3rd ed.", "New edition.", "First paperback edition.", "10th anniversary edition."};
    private static final String[] LANGUAGES = {"eng", "eng", "eng", "eng", "eng", "eng", "ger", "fre", "spa",
        "ita", "cze", "pol"};
    private static final String[] GEO_CODES = {"n-us---", "e-uk---", "e-fr---", "e-gw---", "a-cc---", "a-ja---",
        "e-ru---", "e-pl---", "n-mx---", "e-xr---"};

    private static final Comparator<Field> BY_TAG = Comparator.comparing(Field::tag);

    private BibliographicShape() {
    }

    static MarcRecord build(long ordinal, SplittableRandom random) {
        int script = random.nextInt(100);            // < 3: CJK, < 6: Cyrillic, else Latin only
        boolean large = random.nextInt(100) == 0;
        double accented = random.nextInt(10) < 2 ? 0.4 : 0.03;
        Words w = new Words(random, accented);
        int target = MIN_FIELDS + (int) ((MAX_FIELDS - MIN_FIELDS) * Math.pow(random.nextDouble(), 3));
        boolean rda = w.chance(0.6);
        int year = w.year();
        String[] place = w.pick(Vocabulary.PLACES);
        String lang = place[1].equals("enk") || place[1].endsWith("u") ? "eng" : w.pick(LANGUAGES);
        String[] vernacularImprint = null;
        if (script < 3) {
            vernacularImprint = w.pick(Vocabulary.CJK_IMPRINTS);
            lang = vernacularImprint[1].equals("Tokyo") ? "jpn" : "chi";
            place = new String[] {vernacularImprint[1], lang.equals("jpn") ? "ja " : "cc "};
        } else if (script < 6) {
            vernacularImprint = w.pick(Vocabulary.CYRILLIC_IMPRINTS);
            lang = "rus";
            place = new String[] {vernacularImprint[1], "ru "};
        }
        char type = TYPES[random.nextInt(TYPES.length)];
        char level = w.chance(0.9) ? 'm' : 's';

        List<Field> f = new ArrayList<>(64);
        String leader = "00000" + (w.chance(0.8) ? 'n' : 'c') + type + level + " a2200000"
                + ENCODING_LEVELS[random.nextInt(ENCODING_LEVELS.length)] + (rda ? 'i' : 'a') + " 4500";
        f.add(ControlField.of("001", "ocn" + (100_000_000L + ordinal)));
        f.add(ControlField.of("003", "OCoLC"));
        f.add(ControlField.of("005", w.timestamp()));
        f.add(ControlField.of("008", fixedData(w, year, place[1], lang)));
        if (w.chance(0.3)) {
            f.add(DataField.of("010", ' ', ' ', "a", "  " + (year % 100 < 10 ? "0" : "") + (year % 100)
                    + w.digits(6) + " "));
        }
        int isbns = w.chance(0.7) ? w.between(1, 2) : 0;
        for (int i = 0; i < isbns; i++) {
            f.add(DataField.of("020", ' ', ' ', "a", w.isbn13(), "q", w.pick(new String[] {"hardcover",
                "paperback", "electronic book", "pbk."})));
        }
        f.add(DataField.of("035", ' ', ' ', "a", "(OCoLC)" + (1_000_000 + random.nextInt(99_000_000))));
        DataField.Builder source = DataField.builder("040").add('a', "DLC").add('b', "eng");
        if (rda) {
            source.add('e', "rda");
        }
        source.add('c', "DLC");
        if (w.chance(0.5)) {
            source.add('d', "OCLCQ").add('d', w.pick(new String[] {"OCLCF", "YDX", "BTCTA", "UKMGB"}));
        }
        f.add(source.build());
        if (w.chance(0.2)) {
            f.add(DataField.of("043", ' ', ' ', "a", w.pick(GEO_CODES)));
        }
        if (w.chance(0.8)) {
            f.add(DataField.of("050", w.chance(0.7) ? '0' : ' ', w.chance(0.6) ? '0' : '4',
                    "a", w.pick(CLASSES) + w.between(1, 9999) + (w.chance(0.3) ? "." + w.digits(2) : ""),
                    "b", "." + (char) ('A' + random.nextInt(26)) + w.digits(w.between(1, 3)) + " " + year));
        }
        if (w.chance(0.7)) {
            f.add(DataField.of("082", '0', '4', "a", w.digits(3) + "/." + w.digits(w.between(1, 4)),
                    "2", Integer.toString(w.between(19, 23))));
        }
        boolean vernacularName = vernacularImprint != null && w.chance(0.8);
        int linked = 0;
        String author = null;
        if (w.chance(0.85)) {
            String[] v = vernacularName ? vernacularNamePair(w, script) : null;
            author = v != null ? v[1] : w.personalName();
            DataField.Builder main = DataField.builder("100").indicators('1', ' ');
            if (v != null) {
                linked++;
                main.add('6', "880-0" + linked);
                f.add(DataField.builder("880").indicators('1', ' ').add('6', "100-0" + linked + scriptCode(script))
                        .add('a', v[0] + ",").build());
            }
            main.add('a', author + ",");
            if (v == null) {
                main.add('d', w.lifeDates() + (rda ? "," : "."));
            }
            if (rda) {
                main.add('e', "author.");
            }
            f.add(main.build());
        } else if (w.chance(0.3)) {
            f.add(DataField.of("110", '2', ' ', "a", w.pick(Vocabulary.GEOGRAPHIC) + ".",
                    "b", "Department of " + w.titleWords(1) + "."));
        }
        if (w.chance(0.05)) {
            f.add(DataField.of("240", '1', '0', "a", w.titleWords(w.between(1, 3)) + ".", "l", "English"));
        }
        f.add(title(w, script, author, ++linked, f));
        if (w.chance(0.15)) {
            f.add(DataField.of("246", '3', ' ', "a", w.titleWords(w.between(1, 4))));
        }
        if (w.chance(0.25)) {
            f.add(DataField.of("250", ' ', ' ', "a", w.pick(EDITIONS)));
        }
        String publisher = vernacularImprint != null ? vernacularImprint[3] : w.publisher();
        String placeName = w.text(place[0]);
        if (vernacularImprint != null) {
            linked++;
            f.add(DataField.of("880", ' ', '1', "6", "264-0" + linked + scriptCode(script),
                    "a", vernacularImprint[0] + " :", "b", vernacularImprint[2] + ",", "c", year + "."));
            f.add(DataField.of("264", ' ', '1', "6", "880-0" + linked, "a", placeName + " :",
                    "b", publisher + ",", "c", year + "."));
        } else if (rda) {
            f.add(DataField.of("264", ' ', '1', "a", placeName + " :", "b", publisher + ",", "c", year + "."));
        } else {
            f.add(DataField.of("260", ' ', ' ', "a", placeName + " :", "b", publisher + ",", "c", year + "."));
        }
        if (rda && w.chance(0.3)) {
            f.add(DataField.of("264", ' ', '4', "c", "\u00A9" + year));
        }
        int pages = w.between(24, 900);
        String cm = w.between(18, 31) + " cm";
        if (rda) {
            f.add(DataField.of("300", ' ', ' ', "a", pages + " pages :", "b", "illustrations ;", "c", cm));
            f.add(DataField.of("336", ' ', ' ', "a", "text", "b", "txt", "2", "rdacontent"));
            f.add(DataField.of("337", ' ', ' ', "a", "unmediated", "b", "n", "2", "rdamedia"));
            f.add(DataField.of("338", ' ', ' ', "a", "volume", "b", "nc", "2", "rdacarrier"));
        } else {
            f.add(DataField.of("300", ' ', ' ', "a", "xii, " + pages + " p. :", "b", "ill. ;", "c", cm + "."));
        }
        if (w.chance(0.2)) {
            String series = w.pick(Vocabulary.SERIES);
            String number = Integer.toString(w.between(1, 400));
            f.add(DataField.of("490", '1', ' ', "a", series + " ;", "v", number));
            f.add(DataField.of("830", ' ', '0', "a", series + " ;", "v", number + "."));
        }
        int notes = w.between(0, 2);
        for (int i = 0; i < notes; i++) {
            f.add(DataField.of("500", ' ', ' ', "a", w.pick(Vocabulary.NOTE_PHRASES)));
        }
        if (w.chance(0.5)) {
            int from = w.between(1, Math.max(1, pages - 20));
            f.add(DataField.of("504", ' ', ' ', "a", "Includes bibliographical references (pages " + from + "-"
                    + Math.min(pages, from + w.between(5, 40)) + ") and index."));
        }
        if (large || w.chance(0.12)) {
            f.add(contents(w, large ? 8_500 : 1_200));
        }
        if (large || w.chance(0.3)) {
            f.add(DataField.of("520", ' ', ' ', "a", w.paragraph(large ? w.between(12, 24) : w.between(1, 5))));
        }
        if (w.chance(0.05)) {
            f.add(DataField.of("546", ' ', ' ', "a", "Text in English and " + w.pick(new String[] {"French",
                "German", "Spanish", "Czech", "Polish"}) + "."));
        }
        if (w.chance(0.15)) {
            f.add(DataField.of("600", '1', '0', "a", w.personalName() + ",", "d", w.lifeDates(), "x",
                    w.pick(Vocabulary.SUBDIVISIONS) + "."));
        }
        int subjects = w.between(1, 4);
        for (int i = 0; i < subjects; i++) {
            f.add(subject(w));
        }
        if (w.chance(0.2)) {
            f.add(DataField.of("651", ' ', '0', "a", w.text(w.pick(Vocabulary.GEOGRAPHIC)), "x", "History",
                    "y", w.pick(Vocabulary.PERIODS) + "."));
        }
        if (w.chance(0.2)) {
            f.add(DataField.of("655", ' ', '7', "a", w.pick(Vocabulary.FORMS) + ".", "2", "lcgft"));
        }
        int added = w.between(0, 2);
        for (int i = 0; i < added; i++) {
            f.add(addedEntry(w, rda));
        }
        if (w.chance(0.1)) {
            f.add(DataField.of("776", '0', '8', "i", "Online version:", "a", author == null ? "Anonymous" : author,
                    "t", w.titleWords(3) + ".", "w", "(OCoLC)" + w.digits(9)));
        }
        int links = w.chance(0.3) ? w.between(1, 2) : 0;
        for (int i = 0; i < links; i++) {
            f.add(DataField.of("856", '4', i == 0 ? '0' : '2', "3", i == 0 ? "Full text" : "Table of contents",
                    "u", "https://catalog.example.org/" + (i == 0 ? "record/" : "toc/") + w.digits(10)));
        }
        if (w.chance(0.2)) {
            f.add(DataField.of("949", ' ', ' ', "a", w.pick(CLASSES) + w.between(1, 9999), "i",
                    "3" + w.digits(13), "l", w.pick(Vocabulary.LIBRARIES)));
        }
        while (f.size() < target) {
            int k = random.nextInt(10);
            if (k < 4) {
                f.add(subject(w));
            } else if (k < 6) {
                f.add(addedEntry(w, rda));
            } else if (k < 8) {
                f.add(DataField.of("500", ' ', ' ', "a", w.chance(0.5) ? w.pick(Vocabulary.NOTE_PHRASES)
                        : w.sentence(w.between(6, 25))));
            } else if (k < 9) {
                f.add(DataField.of("035", ' ', ' ', "a", "(" + w.pick(new String[] {"DLC", "NjP", "CStRLIN",
                    "WaOLN", "Sirsi"}) + ")" + w.digits(w.between(6, 10))));
            } else {
                f.add(DataField.of("020", ' ', ' ', "a", w.isbn13(), "q", "print"));
            }
        }
        f.sort(BY_TAG);     // stable: repeated fields keep their order
        // at most 47 fields come before the fill loop, so the target (at most MAX_FIELDS) is never passed
        return new MarcRecord(Leader.of(leader), f);
    }

    /** Field 008 for books: 40 positions. */
    private static String fixedData(Words w, int year, String country, String lang) {
        StringBuilder sb = new StringBuilder(40);
        sb.append(w.yymmdd()).append('s').append(year).append("    ").append(country);
        sb.append(w.chance(0.5) ? "a   " : "    ");                // 18-21 illustrations
        sb.append(' ').append(' ');                                  // 22 audience, 23 form of item
        sb.append(w.chance(0.5) ? "b   " : "    ");                  // 24-27 nature of contents
        sb.append(' ').append(w.chance(0.05) ? '1' : '0').append('0'); // 28 gov, 29 conference, 30 festschrift
        sb.append(w.chance(0.5) ? '1' : '0').append(' ');            // 31 index, 32 undefined
        sb.append(w.chance(0.3) ? '1' : '0').append(' ');            // 33 literary form, 34 biography
        sb.append(lang).append(' ').append(w.chance(0.8) ? ' ' : 'd');
        return sb.toString();
    }

    private static DataField title(Words w, int script, String author, int link, List<Field> f) {
        String responsibility = author == null ? null
                : author.contains(", ") ? author.substring(author.indexOf(", ") + 2) + " " + author.substring(0,
                        author.indexOf(", ")) : author;
        DataField.Builder b = DataField.builder("245").indicators(author == null ? '0' : '1', '0');
        String title;
        if (script < 6) {
            String[][] words = script < 3 ? Vocabulary.CJK : Vocabulary.CYRILLIC;
            int n = w.between(2, 4);
            StringBuilder vern = new StringBuilder();
            StringBuilder roman = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String[] pair = w.pick(words);
                if (i > 0) {
                    roman.append(' ');
                    if (script >= 3) {
                        vern.append(' ');
                    }
                }
                vern.append(pair[0]);
                roman.append(pair[1]);
            }
            roman.setCharAt(0, Character.toUpperCase(roman.charAt(0)));
            f.add(DataField.of("880", author == null ? '0' : '1', '0', "6", "245-0" + link + scriptCode(script),
                    "a", vern + (author == null ? "." : " /")));
            b.add('6', "880-0" + link);
            title = roman.toString();
        } else {
            title = w.titleWords(w.between(1, 6));
            if (w.chance(0.1)) {
                title = "The " + Character.toLowerCase(title.charAt(0)) + title.substring(1);
                b.indicators(author == null ? '0' : '1', '4');
            }
        }
        boolean subtitle = script >= 6 && w.chance(0.5);
        b.add('a', title + (subtitle ? " :" : responsibility == null ? "." : " /"));
        if (subtitle) {
            b.add('b', w.pick(Vocabulary.SUBTITLES) + (responsibility == null ? "." : " /"));
        }
        if (responsibility != null) {
            b.add('c', (w.chance(0.5) ? "by " : "") + responsibility + ".");
        }
        return b.build();
    }

    private static String[] vernacularNamePair(Words w, int script) {
        return w.pick(script < 3 ? Vocabulary.CJK_NAMES : Vocabulary.CYRILLIC_NAMES);
    }

    /** The script identification of a linked 880: {@code /$1} for CJK, {@code /(N} for Cyrillic. */
    private static String scriptCode(int script) {
        return script < 3 ? "/$1" : "/(N";
    }

    private static DataField subject(Words w) {
        DataField.Builder b = DataField.builder("650").indicators(' ', '0').add('a', w.pick(Vocabulary.TOPICS));
        if (w.chance(0.4)) {
            b.add('z', w.text(w.pick(Vocabulary.GEOGRAPHIC)));
        }
        if (w.chance(0.5)) {
            b.add('x', w.pick(Vocabulary.SUBDIVISIONS));
        }
        if (w.chance(0.2)) {
            b.add('y', w.pick(Vocabulary.PERIODS));
        }
        if (w.chance(0.3)) {
            b.add('v', w.pick(Vocabulary.FORMS));
        }
        return b.build();
    }

    private static DataField addedEntry(Words w, boolean rda) {
        DataField.Builder b = DataField.builder("700").indicators('1', ' ').add('a', w.personalName() + ",");
        if (w.chance(0.4)) {
            b.add('d', w.lifeDates() + ",");
        }
        return b.add('e', w.pick(new String[] {"editor.", "translator.", "illustrator.", "author of introduction.",
            "contributor."})).build();
    }

    /** A formatted contents note (505) of chapters, up to about {@code maxBytes} characters. */
    private static DataField contents(Words w, int maxBytes) {
        StringBuilder sb = new StringBuilder();
        int chapters = 0;
        while (sb.length() < maxBytes - 120 && (maxBytes > 2000 || chapters < 4 || w.chance(0.8))) {
            if (chapters++ > 0) {
                sb.append(" -- ");
            }
            sb.append(w.titleWords(w.between(2, 7)));
            if (w.chance(0.3)) {
                sb.append(" / ").append(w.directName());
            }
        }
        return DataField.of("505", '0', ' ', "a", sb.append('.').toString());
    }
}
