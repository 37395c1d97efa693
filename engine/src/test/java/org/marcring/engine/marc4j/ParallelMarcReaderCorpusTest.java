package org.marcring.engine.marc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.marcring.codec.testing.Corpus;

/**
 * Every valid ISO 2709 file of the shared corpus read with {@link ParallelMarcReader} and with marc4j's own
 * reader ({@code MarcStreamReader} for UTF-8 files, {@code MarcPermissiveStreamReader(in, true, true)} for
 * the others): the same records in the same order, leader, tags, indicators, subfield codes and data
 * equal, except for the differences {@link #explain explained} below, each a known way in which marc4j
 * reads the bytes differently and checked as such.
 */
class ParallelMarcReaderCorpusTest {

    @Test
    void sameRecordsAsMarc4j() throws IOException {
        List<Corpus.Entry> files = Corpus.entries(Corpus.Entry::isValidIso2709);
        assertTrue(files.size() > 50, "valid ISO 2709 files in the corpus: " + files.size());
        Map<String, Integer> justified = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long records = 0;
        for (Corpus.Entry file : files) {
            List<Record> ours = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file.path);
                 ParallelMarcReader reader = new ParallelMarcReader(in, true, true)) {
                while (reader.hasNext()) {
                    try {
                        ours.add(reader.next());
                    } catch (org.marc4j.MarcException e) {
                        failures.add(file + ": rejected " + e.getMessage());
                    }
                }
            }
            List<Record> theirs = new ArrayList<>();
            boolean marc4jGaveUp = false;
            try (InputStream in = Files.newInputStream(file.path)) {
                MarcReader m = file.isUtf8() ? new MarcStreamReader(in) : new MarcPermissiveStreamReader(in, true, true);
                while (m.hasNext()) {
                    theirs.add(m.next());
                }
            } catch (RuntimeException e) {
                marc4jGaveUp = true;
            }
            if (marc4jGaveUp && ours.size() > theirs.size()) {
                justified.merge("marc4j stops at a record it cannot read; marcring reads on", 1, Integer::sum);
            } else if (ours.size() != theirs.size()) {
                failures.add(file + ": " + ours.size() + " records, marc4j " + theirs.size());
            }
            for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
                records++;
                List<String> reasons = explain(ours.get(i), theirs.get(i));
                if (reasons == null) {
                    failures.add(file + " #" + i + ":\n  ours   " + esc(flat(ours.get(i))) + "\n  marc4j "
                            + esc(flat(theirs.get(i))));
                } else {
                    reasons.forEach(r -> justified.merge(r, 1, Integer::sum));
                }
            }
        }
        System.out.printf("ParallelMarcReader vs marc4j: %d files, %d records; justified differences:%n", files.size(),
                records);
        justified.forEach((k, v) -> System.out.printf("  %5d  %s%n", v, k));
        assertTrue(records > 5000, "records compared: " + records);
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " differences");
    }

    /**
     * Why two records differ: an empty list where they are equal, the reasons where every difference is
     * explained, {@code null} where one is not.
     */
    static List<String> explain(Record ours, Record marc4j) {
        List<String> reasons = new ArrayList<>();
        String l1 = ours.getLeader().marshal();
        String l2 = marc4j.getLeader().marshal();
        if (!l1.equals(l2)) {
            if (l1.substring(0, 20).equals(l2.substring(0, 20)) && l2.endsWith("4500")) {
                reasons.add("leader/20-23: marc4j always writes 4500, marcring keeps the bytes read");
            } else {
                return null;
            }
        }
        List<String> a = fields(ours);
        List<String> b = fields(marc4j);
        if (a.equals(b)) {
            return reasons;
        }
        boolean repaired = ours.getErrors() != null && !ours.getErrors().isEmpty();
        boolean marc4jFailed = String.join("", b).contains("<U+");
        if (a.size() == b.size() && !a.equals(b)) {
            List<String> sa = new ArrayList<>(a);
            List<String> sb = new ArrayList<>(b);
            sa.sort(null);
            sb.sort(null);
            if (sa.equals(sb)) {
                reasons.add("directory not in data order: marcring keeps directory order (ISO 2709), "
                        + "marc4j's permissive reader data order");
                return reasons;
            }
        }
        if (a.size() != b.size()) {
            return null;
        }
        for (int k = 0; k < a.size(); k++) {
            String x = a.get(k);
            String y = b.get(k);
            if (x.equals(y)) {
                continue;
            }
            String reason = explainField(x, y, repaired, marc4jFailed);
            if (reason == null) {
                return null;
            }
            reasons.add(reason);
        }
        return reasons;
    }

    /** Why one field differs ({@code tag ind1 ind2 $code value ...}), or {@code null}. */
    static String explainField(String ours, String marc4j, boolean repaired, boolean marc4jFailed) {
        if (marc4j.contains("<U+") && !ours.contains("<U+")) {
            return "marc4j could not convert the MARC-8 and left <U+XXXX> markers (marcring reports the bytes "
                    + "it cannot map)";
        }
        if (ours.replace("\uFE21", "").replace("\uFE23", "").equals(marc4j)) {
            return "lone second half of a ligature/double tilde: marc4j drops it, marcring keeps LC's "
                    + "alternative U+FE21/U+FE23";
        }
        if (marc4jFailed && repaired && withoutMarks(ours).equals(withoutMarks(marc4j))) {
            return "combining marks in a record marc4j cannot convert (not MARC-8 at all): marc4j reorders and "
                    + "drops marks, marcring keeps them in byte order and reports the record";
        }
        if (marc4j.contains("&#xFFFD;") && ours.equals(marc4j.replace("&#xFFFD;", "\uFFFD"))) {
            return "numeric character reference &#xFFFD;: marc4j leaves it as text, marcring decodes it as it "
                    + "decodes every other one";
        }
        if (ours.contains("\u208Bp") && ours.contains("\u208Bs")) {
            return "bytes ESC b - ESC s p/s (an old mis-conversion of superscripts): marc4j's permissive reader "
                    + "guesses the superscript meant, marcring decodes the bytes as they are";
        }
        if (repaired && ours.length() == marc4j.length() && ours.substring(0, 3).equals(marc4j.substring(0, 3))
                && ours.substring(5).equals(marc4j.substring(5))) {
            return "indicator that is not ASCII: marcring uses blank and reports it, marc4j keeps the character";
        }
        if (repaired && ours.equals(lowerCaseCodes(marc4j))) {
            return "upper-case subfield code: marcring makes it lower-case and reports it";
        }
        if (repaired && marc4j.startsWith(ours) && marc4j.substring(ours.length()).isBlank()) {
            return "field longer than its directory entry: marcring takes the directory's length and reports "
                    + "it, marc4j reads to the field terminator";
        }
        if (ours.contains("\u001Fb\u001Fk") && !marc4j.contains("\u001Fk")) {
            return "0x1F inside Cyrillic text (a mis-encoded capital E): marc4j's permissive reader guesses the "
                    + "letter, marcring takes the subfield delimiter it is";
        }
        return null;
    }

    /** The text without combining marks, replacement characters and marc4j's {@code <U+XXXX>} markers. */
    private static String withoutMarks(String s) {
        return s.replaceAll("<U\\+[0-9A-F]{4}>", "").replaceAll("[\\u0300-\\u036F\\uFE20-\\uFE2F\\uFFFD]", "");
    }

    private static String lowerCaseCodes(String field) {
        char[] c = field.toCharArray();
        for (int i = 5; i < c.length - 1; i++) {
            if (c[i] == '\u001F' && c[i + 1] >= 'A' && c[i + 1] <= 'Z') {
                c[i + 1] = Character.toLowerCase(c[i + 1]);
            }
        }
        return new String(c);
    }

    static List<String> fields(Record r) {
        List<String> out = new ArrayList<>();
        for (VariableField f : r.getVariableFields()) {
            StringBuilder b = new StringBuilder(f.getTag()).append(' ');
            if (f instanceof ControlField) {
                b.append(((ControlField) f).getData());
            } else {
                DataField d = (DataField) f;
                b.append(d.getIndicator1()).append(d.getIndicator2());
                for (Subfield s : d.getSubfields()) {
                    b.append('\u001F').append(s.getCode()).append(s.getData());
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    static String flat(Record r) {
        return r.getLeader().marshal() + "|" + String.join("|", fields(r));
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c == '\u001F' ? "$" : c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("<%04X>", (int) c));
        }
        return b.toString();
    }

}
