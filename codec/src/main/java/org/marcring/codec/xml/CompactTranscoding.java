package org.marcring.codec.xml;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.marcring.codec.iso2709.Iso2709Fields;

/**
 * Writes a plain ISO 2709 record as compact MARCXML straight into an array with room for it: the markup as
 * whole eight-byte words (each constant stored as words; the bytes past its end are overwritten by what
 * follows), the text eight bytes at a time where no byte needs a look. The bytes are those of
 * {@link MarcXmlEncoder#compact()} for the decoded record; {@link MarcXmlEncoder#transcode} makes the room
 * and falls back where this refuses.
 */
final class CompactTranscoding {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long FILLER = ONES * 'a';

    private static final Markup RECORD_LEADER = new Markup("<record><leader>");
    private static final Markup LEADER_CLOSE = new Markup("</leader>");
    private static final Markup RECORD_CLOSE = new Markup("</record>");
    private static final Markup CONTROL_OPEN = new Markup("<controlfield tag=\"");
    private static final Markup CONTROL_CLOSE = new Markup("</controlfield>");
    private static final Markup DATA_OPEN = new Markup("<datafield tag=\"");
    private static final Markup IND1 = new Markup("\" ind1=\"");
    private static final Markup IND2 = new Markup("\" ind2=\"");
    private static final Markup DATA_CLOSE = new Markup("</datafield>");
    private static final Markup[] SUBFIELD_OPEN = new Markup[128];
    private static final Markup[] SUBFIELD_NEXT = new Markup[128];
    private static final Markup SUBFIELD_CLOSE = new Markup("</subfield>");
    private static final byte[] AMP = bytes("&amp;");
    private static final byte[] LT = bytes("&lt;");
    private static final byte[] GT = bytes("&gt;");
    private static final byte[] CR = bytes("&#13;");

    static {
        for (char c = '0'; c <= 'z'; c++) {
            if (c <= '9' || c >= 'a') {
                SUBFIELD_OPEN[c] = new Markup("<subfield code=\"" + c + "\">");
                SUBFIELD_NEXT[c] = new Markup("</subfield><subfield code=\"" + c + "\">");
            }
        }
    }

    private CompactTranscoding() {
    }

    /** Bytes of room, beyond what the record writes, that word stores may touch. */
    static final int SLACK = 64;

    /** An upper bound of the bytes {@link #record} writes for {@code fields}, its slack included. */
    static long room(Iso2709Fields fields) {
        return 5L * fields.length() + 64L * fields.fieldCount() + 32L * fields.subfieldTotal() + 256 + SLACK;
    }

    /**
     * Writes the record at {@code a[p]} (which has {@link #room} bytes free); the index after it, or -1 where a
     * character must be replaced (the caller then encodes the decoded record).
     */
    static int record(Iso2709Fields fields, byte[] a, int p) {
        byte[] b = fields.bytes();
        p = leader(fields, a, p);
        for (int f = 0, n = fields.fieldCount(); f < n && p >= 0; f++) {
            int t = fields.tagAt(f);
            if (!plainTag(b, t)) {
                return -1;                                 // a tag to escape: the rare path
            }
            if (fields.isControl(f)) {
                p = controlOpen(a, p, b, t);
                p = text(a, p, b, fields.start(f), fields.end(f));
                if (p >= 0) {
                    p = CONTROL_CLOSE.put(a, p);
                }
            } else {
                int s = fields.start(f);
                p = dataOpen(a, p, b, t, s);
                int m = fields.subfieldCount(f);
                for (int k = 0; k < m && p >= 0; k++) {
                    int at = fields.subfieldAt(f, k);
                    p = (k == 0 ? SUBFIELD_OPEN : SUBFIELD_NEXT)[b[at + 1]].put(a, p);
                    p = text(a, p, b, at + 2, fields.subfieldEnd(f, k));
                }
                if (p >= 0) {
                    if (m > 0) {
                        p = SUBFIELD_CLOSE.put(a, p);
                    }
                    p = DATA_CLOSE.put(a, p);
                }
            }
        }
        return p < 0 ? -1 : RECORD_CLOSE.put(a, p);
    }

    /** An upper bound of the bytes {@link #walk} writes for a record of {@code length} bytes, slack included. */
    static long walkRoom(Iso2709Fields fields) {
        // a delimiter and its code (2 bytes) open a subfield in at most 31; an escaped byte takes at most 5
        return 16L * fields.length() + 64L * fields.fieldCount() + 256 + SLACK;
    }

    /**
     * Writes the record whose leader and directory {@link Iso2709Fields#scanDirectory} accepted, checking its
     * data as it goes, in one pass over it: what {@link Iso2709Fields#scan} and {@link #record} together check
     * and write in two. The index after it, or -1 where the record is not one this writes (the caller then
     * tries the two passes, which accept more, and else decodes it): a NUL, record or field terminator inside a
     * field, an indicator or subfield code that is not plain, data before a data field's first subfield, a
     * character XML 1.0 forbids, UTF-8 that is not well-formed.
     */
    static int walk(Iso2709Fields fields, byte[] a, int p) {
        byte[] b = fields.bytes();
        p = leader(fields, a, p);
        for (int f = 0, n = fields.fieldCount(); f < n; f++) {
            int t = fields.tagAt(f);
            if (!plainTag(b, t)) {
                return -1;
            }
            int s = fields.start(f);
            int end = fields.end(f);
            long walked;
            if (fields.isControl(f)) {
                p = controlOpen(a, p, b, t);
                walked = textUntil(a, p, b, s, end);
                if (walked < 0 || (int) (walked >>> 32) != end) {
                    return -1;                             // a delimiter inside: the two passes decide
                }
                p = (int) walked;
                p = CONTROL_CLOSE.put(a, p);
            } else {
                if (end - s < 2 || !Iso2709Fields.isPlainIndicator(b[s])
                        || !Iso2709Fields.isPlainIndicator(b[s + 1])) {
                    return -1;
                }
                p = dataOpen(a, p, b, t, s);
                int i = s + 2;
                if (i < end) {
                    Markup[] open = SUBFIELD_OPEN;
                    while (i < end) {                      // at a delimiter
                        if (b[i] != 0x1F || i + 1 >= end || !Iso2709Fields.isPlainCode(b[i + 1])) {
                            return -1;                     // data before the first subfield, or no code
                        }
                        p = open[b[i + 1]].put(a, p);
                        open = SUBFIELD_NEXT;
                        walked = textUntil(a, p, b, i + 2, end);
                        if (walked < 0) {
                            return -1;
                        }
                        p = (int) walked;
                        i = (int) (walked >>> 32);
                    }
                    p = SUBFIELD_CLOSE.put(a, p);
                }
                p = DATA_CLOSE.put(a, p);
            }
        }
        if (!fields.isWellFormedData()) {                  // ASCII passes eight bytes at a time
            return -1;
        }
        return RECORD_CLOSE.put(a, p);
    }

    /**
     * Escapes {@code b[i, end)} up to its first subfield delimiter (or to {@code end}) as element content at
     * {@code a[p]}; returns the index reached in {@code b} (the delimiter's, or {@code end}) in the high half and
     * the index after the text in {@code a} in the low half, or -1 at a byte XML 1.0 forbids or a terminator.
     */
    static long textUntil(byte[] a, int p, byte[] b, int i, int end) {
        while (true) {
            int left = end - i;
            if (left <= 0) {
                return (long) i << 32 | p;
            }
            long look;
            if (left >= 8) {
                long w = (long) LONGS.get(b, i);
                look = lookMask(w);
                LONGS.set(a, p, w);                        // the plain bytes before the first look, and more
                if (look == 0) {
                    i += 8;
                    p += 8;
                    continue;
                }
            } else if (i + 8 <= b.length) {
                long keep = -1L >>> ((8 - left) << 3);     // the lanes of the text's last bytes
                long w = ((long) LONGS.get(b, i) & keep) | (FILLER & ~keep);
                look = lookMask(w);
                LONGS.set(a, p, w);
                if (look == 0) {
                    return (long) end << 32 | (p + left);
                }
            } else {
                look = 1L << 7;                           // no word to read: byte by byte from here
            }
            int k = Long.numberOfTrailingZeros(look) >>> 3; // the first byte that needs a look: exact
            i += k;
            p += k;
            int v = b[i] & 0xFF;
            if (v >= 0x20 && v != '&' && v != '<' && v != '>' && v != 0xEF || v == '\t' || v == '\n') {
                a[p++] = (byte) v;
            } else if (v == 0x1F) {
                return (long) i << 32 | p;
            } else if (v == 0xEF) {
                if (i + 2 < end && b[i + 1] == (byte) 0xBF && (b[i + 2] & 0xFE) == 0xBE) {
                    return -1;                             // U+FFFE or U+FFFF
                }
                a[p++] = (byte) v;
            } else if (v == '&' || v == '<' || v == '>' || v == '\r') {
                byte[] r = v == '&' ? AMP : v == '<' ? LT : v == '>' ? GT : CR;
                for (byte x : r) {
                    a[p++] = x;
                }
            } else {
                return -1;                                 // NUL, a terminator, another control
            }
            i++;
        }
    }

    /**
     * A high bit on the bytes of {@code w} that need a look: below 0x20, {@code & < >}, or 0xEF (maybe U+FFFE
     * or U+FFFF). The lowest one marked is exact (the borrows of the tests only mark bytes above a true one).
     */
    private static long lookMask(long w) {
        long amp = w ^ (ONES * '&');
        long angle = (w | (ONES * 0x02)) ^ (ONES * '>');      // '<' (0x3C) and '>' (0x3E) alike
        long found = ((w - ONES * 0x20) & ~w)                 // a byte below 0x20 (0x80 and above never match)
                | ((amp - ONES) & ~amp) | ((angle - ONES) & ~angle);
        if ((w & HIGHS) != 0) {
            long ef = w ^ (ONES * 0xEF);
            found |= (ef - ONES) & ~ef;
        }
        return found & HIGHS;
    }

    /** The record's start tag and its leader (printable ASCII, checked by the scans). */
    private static int leader(Iso2709Fields fields, byte[] a, int p) {
        p = RECORD_LEADER.put(a, p);
        p = text(a, p, fields.bytes(), fields.leaderOffset(), fields.leaderOffset() + 24);
        return LEADER_CLOSE.put(a, p);
    }

    /** A control field's start tag for the tag at {@code b[t]}. */
    private static int controlOpen(byte[] a, int p, byte[] b, int t) {
        p = CONTROL_OPEN.put(a, p);
        p = tag(a, p, b, t);
        a[p++] = '"';
        a[p++] = '>';
        return p;
    }

    /** A data field's start tag for the tag at {@code b[t]} and the indicators at {@code b[s]}. */
    private static int dataOpen(byte[] a, int p, byte[] b, int t, int s) {
        p = DATA_OPEN.put(a, p);
        p = tag(a, p, b, t);
        p = IND1.put(a, p);
        a[p++] = b[s];
        p = IND2.put(a, p);
        a[p++] = b[s + 1];
        a[p++] = '"';
        a[p++] = '>';
        return p;
    }

    private static boolean plainTag(byte[] b, int t) {
        return alphanumeric(b[t]) && alphanumeric(b[t + 1]) && alphanumeric(b[t + 2]);
    }

    private static boolean alphanumeric(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int tag(byte[] a, int p, byte[] b, int t) {
        a[p] = b[t];
        a[p + 1] = b[t + 1];
        a[p + 2] = b[t + 2];
        return p + 3;
    }

    /**
     * Escapes well-formed UTF-8 {@code b[i, end)} as element content at {@code a[p]}; the index after it, or -1
     * at a character XML 1.0 forbids (below 0x20 but tab, line feed and carriage return; U+FFFE, U+FFFF).
     */
    static int text(byte[] a, int p, byte[] b, int i, int end) {
        long walked = textUntil(a, p, b, i, end);          // a delimiter (0x1F) is forbidden here too
        return walked < 0 || (int) (walked >>> 32) != end ? -1 : (int) walked;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A constant piece of markup of at most 32 bytes, kept as the four eight-byte words it is stored with: all
     * four are stored, without a loop or a branch, and the bytes past its end are overwritten by what follows.
     */
    private static final class Markup {
        private final long w0;
        private final long w1;
        private final long w2;
        private final long w3;
        private final int length;

        Markup(String text) {
            byte[] b = bytes(text);
            if (b.length > 32) {
                throw new IllegalArgumentException("markup over 32 bytes: " + text);
            }
            this.length = b.length;
            byte[] padded = java.util.Arrays.copyOf(b, 32);
            this.w0 = (long) LONGS.get(padded, 0);
            this.w1 = (long) LONGS.get(padded, 8);
            this.w2 = (long) LONGS.get(padded, 16);
            this.w3 = (long) LONGS.get(padded, 24);
        }

        /** Stores the markup at {@code a[p]} (32 bytes of room); the index after it. */
        int put(byte[] a, int p) {
            LONGS.set(a, p, w0);
            LONGS.set(a, p + 8, w1);
            LONGS.set(a, p + 16, w2);
            LONGS.set(a, p + 24, w3);
            return p + length;
        }
    }
}
