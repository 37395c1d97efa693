package org.marcring.perf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The least work a decoder of ISO 2709 into records with string values does, as a yardstick for
 * {@link DecodeBenchmark}: it trusts its input entirely (no check of lengths, tags, indicators, codes,
 * terminators or UTF-8; a damaged file throws or yields nonsense) and builds plain final objects: a record
 * holds its leader as a string and a list of fields; a control field a tag and a string; a data field a
 * tag, two indicators, an array of codes and an array of values, each value a {@code String} made once from
 * its bytes. That is what any decoder into such a model pays, whatever it checks besides.
 *
 * <p>Without strings ({@code makeStrings = false}) every value is the empty string: what the decoder costs
 * apart from making the values, so that the two figures side by side say how much of the time the value
 * strings take.
 *
 * <p>Not part of marcring: nothing reads these records but the benchmark.
 */
final class DecodeFloor {
    private static final String[] TAGS = new String[1000];

    static {
        for (int i = 0; i < TAGS.length; i++) {
            TAGS[i] = String.format("%03d", i).intern();
        }
    }

    /** A control field. */
    record Control(String tag, String data) {
    }

    /** A data field: codes and values side by side. */
    record Data(String tag, char indicator1, char indicator2, char[] codes, String[] values) {
    }

    /** A record: its leader and its fields in order. */
    record Rec(String leader, List<Object> fields) {
    }

    private final boolean makeStrings;
    private int[] delimiters = new int[256];

    /** @param makeStrings whether values are made into strings, or all left empty */
    DecodeFloor(boolean makeStrings) {
        this.makeStrings = makeStrings;
    }

    /**
     * Decodes every record of {@code file} (valid ISO 2709, records back to back) and hands each to
     * {@code sink}; returns the number of subfields, a control field counting as one.
     */
    long decode(byte[] file, Consumer<Object> sink) {
        long subfields = 0;
        int off = 0;
        while (off + 24 <= file.length) {
            int length = number(file, off, 5);
            int base = number(file, off + 12, 5);
            String leader = new String(file, off, 24, StandardCharsets.ISO_8859_1);
            int entries = (base - 25) / 12;
            List<Object> fields = new ArrayList<>(entries);
            for (int e = 0, p = off + 24; e < entries; e++, p += 12) {
                String tag = TAGS[number(file, p, 3)];
                int start = off + base + number(file, p + 7, 5);
                int end = start + number(file, p + 3, 4) - 1;          // before the field terminator
                if (file[p] == '0' && file[p + 1] == '0') {
                    fields.add(new Control(tag, text(file, start, end)));
                    subfields++;
                    continue;
                }
                int n = 0;
                int[] at = delimiters.length >= end - start ? delimiters : (delimiters = new int[end - start]);
                for (int i = start + 2; i < end; i++) {
                    if (file[i] == 0x1F) {
                        at[n++] = i;
                    }
                }
                char[] codes = new char[n];
                String[] values = new String[n];
                for (int k = 0; k < n; k++) {
                    int d = at[k];
                    codes[k] = (char) file[d + 1];
                    values[k] = text(file, d + 2, k + 1 < n ? at[k + 1] : end);
                }
                fields.add(new Data(tag, (char) file[start], (char) file[start + 1], codes, values));
                subfields += n;
            }
            sink.accept(new Rec(leader, fields));
            off += length;
        }
        return subfields;
    }

    /** The text of {@code b[from, to)}: as it is when ASCII, else decoded as UTF-8. */
    @SuppressWarnings("deprecation")
    private String text(byte[] b, int from, int to) {
        if (!makeStrings) {
            return "";
        }
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return new String(b, from, to - from, StandardCharsets.UTF_8);
            }
        }
        return new String(b, 0, from, to - from);
    }

    private static int number(byte[] b, int p, int digits) {
        int v = 0;
        for (int i = 0; i < digits; i++) {
            v = v * 10 + b[p + i] - '0';
        }
        return v;
    }
}
