package org.marcring.engine.generate;

import java.text.Normalizer;
import java.util.SplittableRandom;

/**
 * Makes the text of one synthetic record from the {@link Vocabulary}: titles, names, dates, sentences,
 * numbers. One instance serves one record; it decides once whether that record writes its diacritics
 * precomposed or decomposed (base letter followed by combining marks, as converted MARC-8 data does).
 */
final class Words {
    final SplittableRandom random;
    private final boolean decomposed;
    private final double accented;

    /**
     * @param random   the record's own random source
     * @param accented chance (0 to 1) that a name or publisher carries diacritics
     */
    Words(SplittableRandom random, double accented) {
        this.random = random;
        this.decomposed = random.nextInt(3) == 0;
        this.accented = accented;
    }

    /** Whether this record's diacritics are decomposed (NFD). */
    boolean decomposed() {
        return decomposed;
    }

    /** {@code s} with diacritics in this record's form. */
    String text(String s) {
        if (!decomposed) {
            return s;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return Normalizer.normalize(s, Normalizer.Form.NFD);
            }
        }
        return s;
    }

    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** {@code count} title words, the first capitalized, with small words between some of them. */
    String titleWords(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
                if (chance(0.35)) {
                    sb.append(pick(Vocabulary.SMALL_WORDS)).append(' ');
                }
            }
            sb.append(pick(Vocabulary.TITLE_WORDS));
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }

    /** A sentence of about {@code count} words, capitalized and ending with a full stop. */
    String sentence(int count) {
        StringBuilder sb = new StringBuilder(count * 8);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(i % 9 == 8 && chance(0.5) ? ", " : " ");
            }
            sb.append(chance(0.08) ? pick(Vocabulary.TITLE_WORDS) : pick(Vocabulary.SENTENCE_WORDS));
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.append('.').toString();
    }

    /** {@code count} sentences of 8 to 30 words. */
    String paragraph(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(sentence(between(8, 30)));
        }
        return sb.toString();
    }

    String surname() {
        if (chance(accented)) {
            if (chance(0.6)) {
                return pick(decomposed ? Vocabulary.SURNAMES_LATIN1_NFD : Vocabulary.SURNAMES_LATIN1);
            }
            return pick(decomposed ? Vocabulary.SURNAMES_EXTENDED_NFD : Vocabulary.SURNAMES_EXTENDED);
        }
        return pick(Vocabulary.SURNAMES);
    }

    String forename() {
        if (chance(accented * 0.5)) {
            return pick(decomposed ? Vocabulary.FORENAMES_ACCENTED_NFD : Vocabulary.FORENAMES_ACCENTED);
        }
        return pick(Vocabulary.FORENAMES);
    }

    /** {@code Surname, Forename} or {@code Surname, Forename M.} */
    String personalName() {
        String name = surname() + ", " + forename();
        if (chance(0.3)) {
            name += " " + (char) ('A' + random.nextInt(26)) + ".";
        }
        return name;
    }

    /** {@code Forename Surname}, as in a statement of responsibility. */
    String directName() {
        return forename() + " " + surname();
    }

    /** Life dates: {@code 1775-1817} or {@code 1948-}. */
    String lifeDates() {
        int born = between(1700, 1990);
        if (born > 1935 && chance(0.7)) {
            return born + "-";
        }
        return born + "-" + Math.min(2024, born + between(25, 95));
    }

    /** A publication year, mostly recent. */
    int year() {
        return chance(0.75) ? between(1960, 2024) : between(1800, 1959);
    }

    String publisher() {
        if (chance(accented)) {
            return pick(decomposed ? Vocabulary.PUBLISHERS_ACCENTED_NFD : Vocabulary.PUBLISHERS_ACCENTED);
        }
        return pick(Vocabulary.PUBLISHERS);
    }

    /** A date as {@code yymmdd}. */
    String yymmdd() {
        return two(between(0, 99)) + two(between(1, 12)) + two(between(1, 28));
    }

    /** A timestamp for field 005: {@code yyyymmddhhmmss.f}. */
    String timestamp() {
        return between(1995, 2024) + two(between(1, 12)) + two(between(1, 28)) + two(between(0, 23))
                + two(between(0, 59)) + two(between(0, 59)) + ".0";
    }

    /** A well-formed ISBN-13 (978 prefix, correct check digit). */
    String isbn13() {
        char[] d = new char[13];
        d[0] = '9';
        d[1] = '7';
        d[2] = '8';
        int sum = 9 + 3 * 7 + 8;
        for (int i = 3; i < 12; i++) {
            int v = random.nextInt(10);
            d[i] = (char) ('0' + v);
            sum += (i % 2 == 0 ? 1 : 3) * v;
        }
        d[12] = (char) ('0' + (10 - sum % 10) % 10);
        return new String(d);
    }

    /** {@code n} random digits. */
    String digits(int n) {
        char[] d = new char[n];
        for (int i = 0; i < n; i++) {
            d[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(d);
    }

    static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
