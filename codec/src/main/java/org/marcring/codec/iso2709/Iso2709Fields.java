package org.marcring.codec.iso2709;

import java.util.Arrays;
import java.util.Objects;

import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.text.Utf8Text;

/**
 * The fields of one ISO 2709 record, found straight in its bytes, for an {@link Iso2709Transcoder} that
 * writes them out without building a {@link org.marcring.codec.MarcRecord}.
 *
 * <p>{@link #scan} accepts only a record the {@link Iso2709Decoder} would read without a single remark, with
 * the same {@link ReadOptions}: UTF-8 by leader/09, well-formed throughout, every directory entry numeric and
 * pointing at a field that ends on its terminator, indicators and subfield codes of the usual kinds, no empty
 * subfield, nothing before a data field's first subfield, no NUL or terminator inside the data. For such a
 * record the decoder's values are exactly the bytes between the delimiters, so an encoder that copies those
 * bytes writes what it would write from the decoded record. Anything else is refused, and the caller decodes
 * the record as usual: the decoder repairs and reports what it finds, and nothing changes for it.
 *
 * <p>Positions are indices into {@link #bytes()}. An instance keeps scratch space: use one per thread.
 */
public final class Iso2709Fields {
    private static final int LEADER = 24;
    private static final int ENTRY = 12;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long RT_LANES = RecordFramer.RT * ONES;
    private static final long FT_LANES = RecordFramer.FT * ONES;

    private final boolean leaderDecides;
    private final int maxFields;
    private byte[] bytes;
    private int offset;
    private int length;
    private int fieldCount;
    private int[] tags = new int[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int[] subfieldsFrom = new int[64];
    private int[] subfieldsTo = new int[64];
    private int[] delimiters = new int[256];
    private int[] terminators = new int[256];
    private int delimiterCount;
    private int terminatorCount;
    private int subfieldTotal;
    private boolean ascii;

    /** A scanner for records read with {@code options}. */
    public Iso2709Fields(ReadOptions options) {
        Objects.requireNonNull(options, "options");
        this.leaderDecides = options.characterCoding() == CharacterCoding.AUTO;
        this.maxFields = options.maxFields();
    }

    /**
     * Finds the fields of the record in {@code b[off, off + len)}; {@code false}, with nothing to read, where
     * the record is not one the decoder reads without remark (see the class comment). The record must have
     * been framed without defects (a {@link RawRecord#isClean() clean} frame).
     */
    public boolean scan(byte[] b, int off, int len) {
        bytes = null;
        int entries = directoryEntries(b, off, len);
        if (entries < 0) {
            return false;
        }
        int dataStart = off + LEADER + entries * ENTRY + 1;
        int dataEnd = off + len - 1;
        if (!separators(b, dataStart, dataEnd)) {
            return false;
        }
        roomFor(entries);
        int[] fts = terminators;
        int[] sds = delimiters;
        int t = 0;                                         // cursors into the terminators and delimiters found
        int d = 0;
        int total = 0;
        for (int e = 0, p = off + LEADER; e < entries; e++, p += ENTRY) {
            long field = field(b, p, dataStart, dataEnd);
            if (field < 0) {
                return false;
            }
            int s = (int) (field >>> 32);
            int end = (int) field;
            t = atOrAfter(fts, terminatorCount, s, t);
            if (fts[t] != end) {
                return false;                              // a terminator inside: the decoder keeps it as data
            }
            tags[e] = p;
            starts[e] = s;
            ends[e] = end;
            d = atOrAfter(sds, delimiterCount, s, d);
            int to = atOrAfter(sds, delimiterCount, end, d);
            subfieldsFrom[e] = d;
            subfieldsTo[e] = to;
            if (!Tags.isControl(b, p)) {
                if (!plainDataField(b, s, end, d, to)) {
                    return false;
                }
                total += to - d;
            }
        }
        bytes = b;
        offset = off;
        length = len;
        fieldCount = entries;
        subfieldTotal = total;
        return true;
    }

    /**
     * The leader and directory checks of {@link #scan} alone, for an encoder that walks the data itself
     * (validating it as it writes, see {@link Iso2709Transcoder#transcode(byte[], int, int, Iso2709Fields,
     * ByteArrayBuilder)}): the fields must also lie one after the other, the first at the data's start and the
     * last ending just before the record terminator, so that walking them covers every byte of the data. Sets
     * the fields' tags, starts and ends; the subfield positions ({@link #subfieldAt}, {@link #subfieldCount},
     * {@link #subfieldEnd}, {@link #subfieldTotal}) and {@link #isAscii()} are not known after it. What the walk
     * must still check is what the data holds: no NUL, record terminator or field terminator inside a field,
     * plain indicators and subfield codes ({@link #isPlainIndicator}, {@link #isPlainCode}), a data field's
     * first subfield right after its indicators, and UTF-8 well-formed ({@link #isWellFormedData()}).
     */
    public boolean scanDirectory(byte[] b, int off, int len) {
        bytes = null;
        int entries = directoryEntries(b, off, len);
        if (entries < 0) {
            return false;
        }
        roomFor(entries);
        int dataStart = off + LEADER + entries * ENTRY + 1;
        int dataEnd = off + len - 1;
        int expected = dataStart;
        for (int e = 0, p = off + LEADER; e < entries; e++, p += ENTRY) {
            long field = field(b, p, dataStart, dataEnd);
            if (field < 0 || (int) (field >>> 32) != expected) {
                return false;
            }
            tags[e] = p;
            starts[e] = expected;
            ends[e] = (int) field;
            expected = (int) field + 1;
        }
        if (expected != dataEnd) {
            return false;
        }
        bytes = b;
        offset = off;
        length = len;
        fieldCount = entries;
        subfieldTotal = -1;
        return true;
    }

    /**
     * The number of directory entries of the record in {@code b[off, off + len)}, or -1 where its leader or the
     * directory's frame is not one the decoder reads without remark, or the entries are more than allowed.
     */
    private int directoryEntries(byte[] b, int off, int len) {
        if (!leaderDecides || len < LEADER + 2 || b[off + len - 1] != RecordFramer.RT || b[off + 9] != 'a'
                || !plainLeader(b, off)) {
            return -1;
        }
        int base = ByteScan.digits5(b, off + 12);
        if (base < LEADER + 1 || base > len || b[off + base - 1] != RecordFramer.FT
                || (base - 1 - LEADER) % ENTRY != 0) {
            return -1;
        }
        int entries = (base - 1 - LEADER) / ENTRY;
        return entries > maxFields ? -1 : entries;
    }

    /**
     * The field of the directory entry at {@code p}: its start in the high half, its terminator's index in the
     * low half; -1 where the tag is not printable, the numbers are not digits, or the field is empty, outside the
     * data {@code [dataStart, dataEnd)} or does not end on a field terminator.
     */
    private static long field(byte[] b, int p, int dataStart, int dataEnd) {
        if (Tags.hasUnprintable(b, p)) {
            return -1;
        }
        long numbers = ByteScan.lengthAndStart(b, p + 3);
        if (numbers < 0) {
            return -1;
        }
        int length = (int) (numbers >>> 32);
        int s = dataStart + (int) numbers;
        int declaredEnd = s + length;
        if (length == 0 || s >= dataEnd || declaredEnd > dataEnd || b[declaredEnd - 1] != RecordFramer.FT) {
            return -1;
        }
        return (long) s << 32 | (declaredEnd - 1);
    }

    private void roomFor(int entries) {
        if (tags.length < entries) {
            int n = Math.max(entries, tags.length * 2);
            tags = new int[n];
            starts = new int[n];
            ends = new int[n];
            subfieldsFrom = new int[n];
            subfieldsTo = new int[n];
        }
    }

    /** Whether the data of the record last accepted by {@link #scanDirectory} is well-formed UTF-8. */
    public boolean isWellFormedData() {
        int dataStart = offset + ByteScan.digits5(bytes, offset + 12);
        return Utf8Text.firstMalformed(bytes, dataStart, offset + length - 1 - dataStart) < 0;
    }

    /**
     * One pass over the data {@code b[from, to)}, eight bytes at a time: notes every subfield delimiter and
     * field terminator; {@code false} at a NUL, a record terminator or bytes that are not well-formed UTF-8.
     */
    private boolean separators(byte[] b, int from, int to) {
        int room = to - from + 1;
        if (delimiters.length < room) {
            delimiters = new int[Math.max(room, delimiters.length * 2)];
            terminators = new int[delimiters.length];
        }
        int[] sds = delimiters;
        int[] fts = terminators;
        int nd = 0;
        int nt = 0;
        long high = 0;
        long bad = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = ByteScan.word(b, i);
            high |= w;
            if (((w - ONES * 0x20) & ~w & HIGHS) == 0) {
                continue;                                  // no byte below 0x20: most words of text
            }
            long r = w ^ RT_LANES;
            bad |= ((w - ONES) & ~w) | ((r - ONES) & ~r);
            nd = ByteScan.delimiters(w, i, sds, nd);
            long f = w ^ FT_LANES;
            long found = ~(((f & LOWS) + LOWS) | f) & HIGHS;   // exact: a high bit where the byte is 0x1E
            while (found != 0) {
                fts[nt++] = i + (Long.numberOfTrailingZeros(found) >>> 3);
                found &= found - 1;
            }
        }
        for (; i < to; i++) {
            byte v = b[i];
            high |= v;
            if (v == 0 || v == RecordFramer.RT) {
                return false;
            } else if (v == RecordFramer.SD) {
                sds[nd++] = i;
            } else if (v == RecordFramer.FT) {
                fts[nt++] = i;
            }
        }
        if ((bad & HIGHS) != 0) {
            return false;
        }
        ascii = (high & HIGHS) == 0;
        if (!ascii && Utf8Text.firstMalformed(b, from, to - from) >= 0) {
            return false;
        }
        sds[nd] = Integer.MAX_VALUE;                       // a sentinel past the data
        fts[nt] = Integer.MAX_VALUE;
        delimiterCount = nd;
        terminatorCount = nt;
        return true;
    }

    /**
     * The index of the first of the sorted {@code at[0, n)} that is at or after {@code position}, looking on
     * from {@code hint} when fields come in data order, as they nearly always do, and searching otherwise.
     */
    private static int atOrAfter(int[] at, int n, int position, int hint) {
        int i = hint;
        if (i > 0 && at[i - 1] >= position) {
            i = java.util.Arrays.binarySearch(at, 0, n, position);
            return i >= 0 ? i : -i - 1;
        }
        while (i < n && at[i] < position) {
            i++;
        }
        return i;
    }

    /**
     * Whether the data field {@code b[s, end)}, whose subfield delimiters are {@code delimiters[from, to)}, is
     * one the decoder reads without remark.
     */
    private boolean plainDataField(byte[] b, int s, int end, int from, int to) {
        if (end - s < 2 || !isPlainIndicator(b[s]) || !isPlainIndicator(b[s + 1])) {
            return false;
        }
        if (from == to) {
            return end == s + 2;                           // no subfield: nothing after the indicators
        }
        int[] at = delimiters;
        if (at[from] != s + 2) {
            return false;                                  // data before the first subfield
        }
        for (int k = from; k < to; k++) {
            int code = at[k] + 1;
            if (code >= end || !isPlainCode(b[code])) {
                return false;                              // also a delimiter right after a delimiter
            }
        }
        return true;
    }

    private static boolean plainLeader(byte[] b, int off) {
        for (int i = 0; i < LEADER; i++) {
            int v = b[off + i];
            if (v < 0x20 || v >= 0x7F) {
                return false;
            }
        }
        return b[off + 10] == '2' && b[off + 11] == '2' && b[off + 20] == '4' && b[off + 21] == '5';
    }

    /** The indicators the decoder takes without remark. */
    public static boolean isPlainIndicator(byte v) {
        return v == ' ' || (v >= '0' && v <= '9') || (v >= 'a' && v <= 'z') || v == '|';
    }

    /** The subfield codes the decoder takes without remark. */
    public static boolean isPlainCode(byte v) {
        return (v >= 'a' && v <= 'z') || (v >= '0' && v <= '9');
    }

    /** The bytes of the record last accepted by {@link #scan}. */
    public byte[] bytes() {
        return bytes;
    }

    /** Where the record (its leader) starts in {@link #bytes()}. */
    public int leaderOffset() {
        return offset;
    }

    /** The record's length in bytes, its terminator included. */
    public int length() {
        return length;
    }

    /** Whether every byte of the record's data is ASCII (below 0x80). */
    public boolean isAscii() {
        return ascii;
    }

    /** The number of subfields of all data fields together. */
    public int subfieldTotal() {
        return subfieldTotal;
    }

    /** The number of fields, in directory order. */
    public int fieldCount() {
        return fieldCount;
    }

    /** Where the three bytes of field {@code i}'s tag are. */
    public int tagAt(int i) {
        return tags[i];
    }

    /** Whether field {@code i} is a control field (tag {@code 00X}). */
    public boolean isControl(int i) {
        return Tags.isControl(bytes, tags[i]);
    }

    /** Where field {@code i}'s data starts (a data field's first indicator). */
    public int start(int i) {
        return starts[i];
    }

    /** Where field {@code i}'s data ends (exclusive): its field terminator. */
    public int end(int i) {
        return ends[i];
    }

    /** The number of subfields of data field {@code i}. */
    public int subfieldCount(int i) {
        return subfieldsTo[i] - subfieldsFrom[i];
    }

    /**
     * Where subfield {@code k} of data field {@code i} starts: its delimiter (0x1F), followed by its code; its
     * value runs from two bytes further to the next delimiter or to {@link #end(int)}.
     */
    public int subfieldAt(int i, int k) {
        return delimiters[subfieldsFrom[i] + k];
    }

    /** Where the value of subfield {@code k} of data field {@code i} ends (exclusive). */
    public int subfieldEnd(int i, int k) {
        int next = subfieldsFrom[i] + k + 1;
        return next < subfieldsTo[i] ? delimiters[next] : ends[i];
    }
}
