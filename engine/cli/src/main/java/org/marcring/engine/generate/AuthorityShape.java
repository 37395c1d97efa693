package org.marcring.engine.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcRecord;

/**
 * Makes one synthetic MARC 21 authority record for a personal name (leader/06 {@code z}): control
 * fields, 010/035/040, 046 dates, the heading (100), its variants (400), related headings (500) and
 * the sources consulted (670). 10 to about 25 fields.
 */
final class AuthorityShape {
    private static final String[] OCCUPATIONS = {"Novelists", "Poets", "Historians", "Economists",
        "Composers", "Physicists", "Architects", "Translators", "Journalists", "Philosophers", "Painters"};

    private AuthorityShape() {
    }

    static MarcRecord build(long ordinal, SplittableRandom random) {
        Words w = new Words(random, random.nextInt(10) < 4 ? 0.5 : 0.05);
        boolean rda = w.chance(0.7);
        String leader = "00000" + (w.chance(0.85) ? 'n' : 'c') + "z  a2200000" + (w.chance(0.9) ? 'n' : 'o')
                + (rda ? 'c' : ' ') + " 4500";
        String surname = w.surname();
        String forename = w.forename();
        String dates = w.lifeDates();
        String heading = surname + ", " + forename + ",";

        List<Field> f = new ArrayList<>(24);
        f.add(ControlField.of("001", "oca" + (10_000_000L + ordinal)));
        f.add(ControlField.of("003", "DLC"));
        f.add(ControlField.of("005", w.timestamp()));
        f.add(ControlField.of("008", w.yymmdd() + "n| a" + (rda ? 'z' : 'c') + "annaabn" + "          "
                + "|a aaa      "));
        f.add(DataField.of("010", ' ', ' ', "a", "n  " + w.digits(8)));
        f.add(DataField.of("035", ' ', ' ', "a", "(OCoLC)oca" + w.digits(8)));
        DataField.Builder source = DataField.builder("040").add('a', "DLC").add('b', "eng");
        if (rda) {
            source.add('e', "rda");
        }
        f.add(source.add('c', "DLC").build());
        int dash = dates.indexOf('-');
        DataField.Builder lived = DataField.builder("046").add('f', dates.substring(0, dash));
        if (dash + 1 < dates.length()) {
            lived.add('g', dates.substring(dash + 1));
        }
        f.add(lived.add('2', "edtf").build());
        f.add(DataField.of("100", '1', ' ', "a", heading, "d", dates));
        if (w.chance(0.5)) {
            f.add(DataField.of("370", ' ', ' ', "a", w.text(w.pick(Vocabulary.GEOGRAPHIC)), "2", "naf"));
        }
        if (w.chance(0.6)) {
            f.add(DataField.of("374", ' ', ' ', "a", w.pick(OCCUPATIONS), "2", "lcsh"));
        }
        if (w.chance(0.4)) {
            f.add(DataField.of("377", ' ', ' ', "a", w.chance(0.8) ? "eng" : "ger"));
        }
        int variants = w.between(1, 5);
        for (int i = 0; i < variants; i++) {
            String variant;
            switch (i % 3) {
                case 0: variant = surname + ", " + forename.charAt(0) + "."; break;
                case 1: variant = surname + ", " + forename + " " + (char) ('A' + random.nextInt(26)) + "."; break;
                default: variant = w.surname() + ", " + forename; break;
            }
            f.add(DataField.of("400", '1', ' ', "a", variant + ",", "d", dates));
        }
        if (w.chance(0.3)) {
            f.add(DataField.of("500", '1', ' ', "w", "r", "i", "Spouse:", "a", w.personalName() + ",",
                    "d", w.lifeDates()));
        }
        int sources = w.between(1, 4);
        for (int i = 0; i < sources; i++) {
            f.add(DataField.of("670", ' ', ' ', "a", i == 0 ? w.titleWords(w.between(2, 5)) + ", " + w.year() + ":"
                    : w.pick(Vocabulary.SOURCES_670) + ", viewed " + w.year() + ":",
                    "b", "(" + forename + " " + surname + "; born " + dates.substring(0, dash) + ")"));
        }
        if (w.chance(0.3)) {
            f.add(DataField.of("678", '0', ' ', "a", w.paragraph(w.between(1, 3))));
        }
        return new MarcRecord(Leader.of(leader), f);
    }
}
