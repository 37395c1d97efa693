package org.marcring.codec.iso2709;

import java.util.Arrays;
import java.util.Objects;

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

    private final boolean leaderDecides;
    private final int maxFields;
    private byte[] bytes;
    private int offset;
    private int fieldCount;
    private int[] tags = new int[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int[] firstSubfield = new int[65];
    private int[] delimiters = new int[256];

    /** A scanner for records read with {@code options}. */
    public Iso2709Fields(ReadOptions options) {
        Objects.requireNonNull(options, "options");
        this.leaderDecides = options.characterCoding() == CharacterCoding.AUTO;
        this.maxFields = options.maxFields();
    }

    /**
     * Finds the fields of the record in {@code b[off, off + len)}; {@code false}, with nothing to read, where
     * the record is not one the decoder reads without remark (see the class comment).
     */
    public boolean scan(byte[] b, int off, int len) {
        bytes = null;
        if (!leaderDecides || len < LEADER + 2 || b[off + len - 1] != RecordFramer.RT || b[off + 9] != 'a'
                || !plainLeader(b, off)) {
            return false;
        }
        int base = ByteScan.digits5(b, off + 12);
        if (base < LEADER + 1 || base > len || b[off + base - 1] != RecordFramer.FT
                || (base - 1 - LEADER) % ENTRY != 0) {
            return false;
        }
        int entries = (base - 1 - LEADER) / ENTRY;
        if (entries > maxFields) {
            return false;
        }
        int dataStart = off + base;
        int dataEnd = off + len - 1;
        if (ByteScan.hasNulOrRecordTerminator(b, dataStart, dataEnd)
                || Utf8Text.firstMalformed(b, dataStart, dataEnd - dataStart) >= 0) {
            return false;
        }
        if (tags.length < entries) {
            int n = Math.max(entries, tags.length * 2);
            tags = new int[n];
            starts = new int[n];
            ends = new int[n];
            firstSubfield = new int[n + 1];
        }
        int subfields = 0;
        for (int e = 0, p = off + LEADER; e < entries; e++, p += ENTRY) {
            if (Tags.hasUnprintable(b, p)) {
                return false;
            }
            long numbers = ByteScan.lengthAndStart(b, p + 3);
            if (numbers < 0) {
                return false;
            }
            int length = (int) (numbers >>> 32);
            int s = dataStart + (int) numbers;
            int declaredEnd = s + length;
            if (length == 0 || s >= dataEnd || declaredEnd > dataEnd || b[declaredEnd - 1] != RecordFramer.FT) {
                return false;
            }
            int end = declaredEnd - 1;
            if (ByteScan.indexOf(b, s, end, RecordFramer.FT) >= 0) {
                return false;                              // a terminator inside: the decoder keeps it as data
            }
            tags[e] = p;
            starts[e] = s;
            ends[e] = end;
            firstSubfield[e] = subfields;
            if (!Tags.isControl(b, p)) {
                subfields = dataField(b, s, end, subfields);
                if (subfields < 0) {
                    return false;
                }
            }
        }
        firstSubfield[entries] = subfields;
        bytes = b;
        offset = off;
        fieldCount = entries;
        return true;
    }

    /**
     * Checks the data field in {@code b[s, end)} and notes its subfield delimiters from {@code n}; the new
     * number of delimiters, or -1 where the decoder would have a remark.
     */
    private int dataField(byte[] b, int s, int end, int n) {
        if (end - s < 2 || !plainIndicator(b[s]) || !plainIndicator(b[s + 1])) {
            return -1;
        }
        int from = s + 2;
        if (from == end) {
            return n;
        }
        if (b[from] != RecordFramer.SD) {
            return -1;
        }
        if (delimiters.length < n + (end - from)) {
            delimiters = Arrays.copyOf(delimiters, Math.max(n + (end - from), delimiters.length * 2));
        }
        int first = n;
        n = ByteScan.delimiters(b, from, end, delimiters, n);
        int[] at = delimiters;
        for (int k = first; k < n; k++) {
            int code = at[k] + 1;
            if (code >= end || !plainCode(b[code])) {
                return -1;                                 // also a delimiter right after a delimiter
            }
        }
        return n;
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
    private static boolean plainIndicator(byte v) {
        return v == ' ' || (v >= '0' && v <= '9') || (v >= 'a' && v <= 'z') || v == '|';
    }

    /** The subfield codes the decoder takes without remark. */
    private static boolean plainCode(byte v) {
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
        return firstSubfield[i + 1] - firstSubfield[i];
    }

    /**
     * Where subfield {@code k} of data field {@code i} starts: its delimiter (0x1F), followed by its code; its
     * value runs from two bytes further to the next delimiter or to {@link #end(int)}.
     */
    public int subfieldAt(int i, int k) {
        return delimiters[firstSubfield[i] + k];
    }

    /** Where the value of subfield {@code k} of data field {@code i} ends (exclusive). */
    public int subfieldEnd(int i, int k) {
        int next = firstSubfield[i] + k + 1;
        return next < firstSubfield[i + 1] ? delimiters[next] : ends[i];
    }
}
