package org.marcring.codec.marc8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcError;
import org.marcring.codec.testing.Corpus;

/**
 * The MARC-8 reference pair of the shared corpus: {@code pymarc/test/test_marc8.txt} decodes line by
 * line to {@code pymarc/test/test_utf8.txt}, written by an independent decoder. pymarc's own test
 * composes its output to NFC before comparing (its converter ends with
 * {@code unicodedata.normalize("NFC", ...)}), and the expected file is NFC, so this test decodes with
 * {@link Marc8Decoder#NFC}. The lines cover Arabic, Hebrew, Cyrillic, Greek, EACC and ANSEL.
 */
class Marc8ReferencePairTest {

    @Test
    void everyLineDecodesToTheReferenceUtf8() throws IOException {
        List<byte[]> marc8 = lines(Files.readAllBytes(Corpus.file("pymarc/test/test_marc8.txt")));
        List<String> utf8 = Files.readAllLines(Corpus.file("pymarc/test/test_utf8.txt"), StandardCharsets.UTF_8);
        assertEquals(1515, marc8.size());
        assertEquals(1515, utf8.size());
        List<String> problems = new ArrayList<>();
        List<Integer> vendorCodes = new ArrayList<>();
        int mismatches = 0;
        StringBuilder report = new StringBuilder();
        for (int k = 0; k < marc8.size(); k++) {
            byte[] line = marc8.get(k);
            int lineNo = k + 1;
            String got = Marc8Decoder.NFC.decode(line, 0, line.length, (severity, index, message) -> {
                if (severity == MarcError.Severity.WARNING && message.contains("Innovative Interfaces")) {
                    vendorCodes.add(lineNo);
                } else {
                    problems.add("line " + lineNo + " @" + index + ": " + severity + " " + message);
                }
            });
            if (!got.equals(utf8.get(k))) {
                mismatches++;
                if (mismatches <= 10) {
                    report.append("\nline ").append(lineNo).append(":\n  expected ").append(escape(utf8.get(k)))
                            .append("\n  got      ").append(escape(got));
                }
            }
        }
        assertEquals(List.of(), problems, "no decoding problems");
        // the last line holds the six punctuation codes Innovative Interfaces adds to EACC (not in LC's
        // tables): they decode as the reference says, each flagged with a warning
        assertEquals(List.of(1515, 1515, 1515, 1515, 1515, 1515), vendorCodes);
        assertEquals(0, mismatches, "lines differing from the reference:" + report);
    }

    private static List<byte[]> lines(byte[] all) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (start < all.length) {
            lines.add(java.util.Arrays.copyOfRange(all, start, all.length));
        }
        return lines;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("<%04X>", cp));
            }
        });
        return b.toString();
    }
}
