package org.marcring.codec.marc8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.marcring.codec.MarcError;
import org.marcring.codec.io.ByteArrayBuilder;

/**
 * Unicode → MARC-8 → Unicode is the identity on text MARC-8 can represent: every character of the
 * tables' repertoire (their primary Unicode values), combining sequences of one or more marks,
 * double marks over two letters, scripts mixed in one value, spaces and controls, and characters
 * outside MARC-8 (which travel as numeric character references).
 */
class Marc8RoundTripProperties {

    /** Repertoire characters of the one-byte sets that are not combining marks. */
    private static final List<Integer> BASES = new ArrayList<>();
    /** EACC's characters. */
    private static final List<Integer> EAST_ASIAN = new ArrayList<>();
    /** Repertoire combining marks. */
    private static final List<Integer> MARKS = new ArrayList<>();
    /** Code points reached only through an alternative mapping (they come back as the primary one). */
    private static final Set<Integer> ALTERNATIVE_ONLY = new TreeSet<>();

    static {
        Marc8Tables t = Marc8Tables.get();
        Set<Integer> primaries = new TreeSet<>();
        for (byte f : t.setOrder()) {
            int set = f & 0xFF;
            if (set == Marc8Tables.EACC) {
                for (int i = 0; i < t.eaccSize(); i++) {
                    primaries.add(t.eaccValue(i));
                }
                continue;
            }
            int[] table = t.singleByteSet(set);
            for (int code = 0; code < 128; code++) {
                int e = table[code];
                if (e == 0 || (e & Marc8Tables.SECOND_HALF) != 0) {
                    continue;
                }
                int cp = e & Marc8Tables.CODE_POINT;
                if (cp < 0x20) {
                    continue; // ESC and the ISO 2709 delimiters: structure, not text
                }
                primaries.add(cp);
                ((e & Marc8Tables.COMBINING) != 0 ? MARKS : BASES).add(cp);
            }
        }
        for (int i = 0; i < t.eaccSize(); i++) {
            EAST_ASIAN.add(t.eaccValue(i));
            if (t.eaccAlt(i) >= 0 && !primaries.contains(t.eaccAlt(i))) {
                ALTERNATIVE_ONLY.add(t.eaccAlt(i));
            }
        }
        for (byte f : t.setOrder()) {
            if ((f & 0xFF) != Marc8Tables.EACC) {
                for (int a : t.singleByteAlternatives(f & 0xFF)) {
                    if (a > 0 && !primaries.contains(a)) {
                        ALTERNATIVE_ONLY.add(a);
                    }
                }
            }
        }
        List<Integer> distinctBases = BASES.stream().distinct().collect(Collectors.toList());
        BASES.clear();
        BASES.addAll(distinctBases);
    }

    /** Characters MARC-8 lacks and that have no decomposition: they must travel as references. */
    private static final List<Integer> OUTSIDE = List.of(0x0915, 0x2603, 0x1F600, 0x20BB7, 0x0E01, 0x263A);

    @Property(tries = 2000)
    void representableTextComesBackUnchanged(@ForAll("marc8Text") String text) {
        assertEquals(escape(text), escape(roundTrip(text, true)));
    }

    @Property(tries = 1000)
    void anyTextComesBackCanonicallyEquivalent(@ForAll("anyText") String text) {
        String back = roundTrip(text, false);
        assertEquals(escape(Normalizer.normalize(text, Normalizer.Form.NFC)),
                escape(Normalizer.normalize(back, Normalizer.Form.NFC)));
    }

    private static String roundTrip(String text, boolean representable) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        List<String> encodeProblems = new ArrayList<>();
        Marc8Encoder.INSTANCE.encode(text, out, (s, i, m) -> encodeProblems.add(m));
        byte[] marc8 = out.toByteArray();
        for (byte b : marc8) {
            if (b == 0x1D || b == 0x1E || b == 0x1F) {
                throw new AssertionError("delimiter byte in MARC-8 output of " + escape(text));
            }
        }
        List<String> decodeProblems = new ArrayList<>();
        String back = Marc8Decoder.DECOMPOSED.decode(marc8, 0, marc8.length, (s, i, m) -> {
            if (s != MarcError.Severity.INFO) {
                decodeProblems.add(s + " " + m);
            }
        });
        assertEquals(List.of(), decodeProblems, () -> "decoding " + new String(marc8, StandardCharsets.ISO_8859_1));
        return back;
    }

    @Provide
    Arbitrary<String> marc8Text() {
        Arbitrary<String> base = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(BASES).map(Marc8RoundTripProperties::str)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(EAST_ASIAN).map(Marc8RoundTripProperties::str)),
                net.jqwik.api.Tuple.of(4, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(OUTSIDE).map(Marc8RoundTripProperties::str)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("\t", "\n", "&#x41;", "&", "&#x;", " ")));
        Arbitrary<String> marks = Arbitraries.of(MARKS).map(Marc8RoundTripProperties::str).list().ofMaxSize(3)
                .map(l -> String.join("", l));
        Arbitrary<String> cluster = Combinators.combine(base, marks, Arbitraries.integers().between(0, 9))
                .as((b, m, r) -> r == 0 ? b + "\u0361" : b + m);
        return cluster.list().ofMaxSize(24).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.integers().between(0x20, 0x52F)
                .filter(cp -> !ALTERNATIVE_ONLY.contains(cp))
                .map(Marc8RoundTripProperties::str)
                .list().ofMaxSize(20).map(l -> String.join("", l));
    }

    private static String str(int cp) {
        return new String(Character.toChars(cp));
    }

    private static String escape(String s) {
        return Marc8ReferencePairTest.escape(s);
    }
}
