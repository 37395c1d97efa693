package org.marcring.codec.testing;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.Subfield;

/**
 * jqwik generators of MARC records that ISO 2709 can carry: control fields (00X) with data, data fields with
 * standard indicators and subfield codes, text of any Unicode (non-BMP included, empty values too) except
 * the three ISO 2709 delimiters and unpaired surrogates (control fields may hold 0x1F, as real ones do).
 */
public final class RecordArbitraries {
    private RecordArbitraries() {
    }

    /**
     * Text of any Unicode code point but NUL, 0x1D-0x1F (which no output can hold in data: {@code DataCharacters})
     * and surrogates, biased towards the short and the ASCII.
     */
    public static Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x01, 0x1C)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMinSize(0).ofMaxSize(24).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    /** A control field tag, 001 to 009. */
    public static Arbitrary<String> controlTag() {
        return Arbitraries.integers().between(1, 9).map(i -> "00" + i);
    }

    /** A data field tag: 010 to 999, now and then three upper-case letters or digits. */
    public static Arbitrary<String> dataTag() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(10, 999).map(i -> String.format("%03d", i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(3)
                        .filter(t -> !t.startsWith("00"))));
    }

    /** An indicator MARC 21 defines: blank, a digit, a lower-case letter or '|'. */
    public static Arbitrary<Character> indicator() {
        return Arbitraries.chars().with(' ', '|').range('0', '9').range('a', 'z');
    }

    /** A subfield code MARC 21 defines: a lower-case letter or a digit. */
    public static Arbitrary<Character> code() {
        return Arbitraries.chars().range('a', 'z').range('0', '9');
    }

    public static Arbitrary<Subfield> subfield() {
        return Combinators.combine(code(), text()).as(Subfield::new);
    }

    /** Control field data: text, now and then with a 0x1F inside (real 007 fields hold some). */
    public static Arbitrary<String> controlData() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, text()),
                net.jqwik.api.Tuple.of(1, Combinators.combine(text(), text()).as((a, b) -> a + '\u001f' + b)));
    }

    public static Arbitrary<Field> controlField() {
        return Combinators.combine(controlTag(), controlData()).as(ControlField::new);
    }

    public static Arbitrary<Field> dataField() {
        return Combinators.combine(dataTag(), indicator(), indicator(), subfield().list().ofMaxSize(6))
                .as(DataField::new);
    }

    /**
     * A leader whose free positions (05-08, 17-19, 23) take any printable ASCII, and whose other positions
     * hold what an ISO 2709 UTF-8 encoder writes there (lengths are recomputed anyway).
     */
    public static Arbitrary<Leader> leader() {
        return Arbitraries.strings().withCharRange(' ', '~').ofLength(8).map(free -> Leader.of("00000"
                + free.substring(0, 4) + "a2200000" + free.substring(4, 7) + "450" + free.charAt(7)));
    }

    /** A record of 0 to {@code maxFields} fields in any order. */
    public static Arbitrary<MarcRecord> records(int maxFields) {
        Arbitrary<Field> field = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, controlField()), net.jqwik.api.Tuple.of(3, dataField()));
        return Combinators.combine(leader(), field.list().ofMaxSize(maxFields))
                .as((leader, fields) -> new MarcRecord(leader, fields));
    }

    /** A record of 0 to 30 fields in any order. */
    public static Arbitrary<MarcRecord> records() {
        return records(30);
    }

    /** 1 to {@code max} records of up to 12 fields (without jqwik's costly edge-case combinations). */
    public static Arbitrary<List<MarcRecord>> recordLists(int max) {
        return records(12).list().ofMinSize(1).ofMaxSize(max).withoutEdgeCases();
    }
}
