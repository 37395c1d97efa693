package org.marcring.engine.generate;

import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.iso2709.RecordFramer;

/**
 * Gives a well-formed ISO 2709 record a new control number (001) at the byte level, whatever its
 * character set: the other fields' bytes are copied unchanged, the directory and the leader's record
 * length and base address are recomputed. A record without 001 gets one as its first field.
 */
final class ControlNumberRewriter {
    private static final int LEADER = 24;
    private static final int ENTRY = 12;

    private ControlNumberRewriter() {
    }

    /**
     * Appends the record in {@code b[off, off+len)} with 001 set to {@code number} (ASCII) to {@code out}.
     *
     * @return {@code false}, with nothing appended, where the record's structure is not sound enough to
     *         rewrite (a length or position that is not a number or points outside the record, a zero
     *         field length, or a result over 99,999 bytes)
     */
    static boolean rewrite(byte[] b, int off, int len, String number, ByteArrayBuilder out) {
        if (len < LEADER + 2 || b[off + len - 1] != RecordFramer.RT) {
            return false;
        }
        int base = digits(b, off + 12, 5);
        if (base < LEADER + 1 || base > len - 1 || b[off + base - 1] != RecordFramer.FT
                || (base - 1 - LEADER) % ENTRY != 0) {
            return false;
        }
        int entries = (base - 1 - LEADER) / ENTRY;
        int dataLength = len - 1 - base;
        int oldNumber = -1;
        long newData = 0;
        for (int e = 0; e < entries; e++) {
            int p = off + LEADER + ENTRY * e;
            int flen = digits(b, p + 3, 4);
            int start = digits(b, p + 7, 5);
            if (flen <= 0 || start < 0 || start + flen > dataLength) {
                return false;
            }
            if (b[p] == '0' && b[p + 1] == '0' && b[p + 2] == '1' && oldNumber < 0) {
                oldNumber = e;
            } else {
                newData += flen;
            }
        }
        int numberField = number.length() + 1;
        int newEntries = oldNumber < 0 ? entries + 1 : entries;
        int newBase = LEADER + ENTRY * newEntries + 1;
        long total = newBase + newData + numberField + 1;
        if (total > 99_999 || numberField > 9_999) {
            return false;
        }
        out.ensureRoom((int) total);
        out.appendDigits((int) total, 5);
        out.append(b, off + 5, 7);
        out.appendDigits(newBase, 5);
        out.append(b, off + 17, 7);
        int position = 0;
        if (oldNumber < 0) {
            out.appendAscii("001").appendDigits(numberField, 4).appendDigits(0, 5);
            position = numberField;
        }
        for (int e = 0; e < entries; e++) {
            int p = off + LEADER + ENTRY * e;
            int flen = e == oldNumber ? numberField : digits(b, p + 3, 4);
            out.append(b, p, 3).appendDigits(flen, 4).appendDigits(position, 5);
            position += flen;
        }
        out.appendByte(RecordFramer.FT);
        if (oldNumber < 0) {
            out.appendAscii(number).appendByte(RecordFramer.FT);
        }
        for (int e = 0; e < entries; e++) {
            int p = off + LEADER + ENTRY * e;
            if (e == oldNumber) {
                out.appendAscii(number).appendByte(RecordFramer.FT);
            } else {
                out.append(b, off + base + digits(b, p + 7, 5), digits(b, p + 3, 4));
            }
        }
        out.appendByte(RecordFramer.RT);
        return true;
    }

    private static int digits(byte[] b, int p, int n) {
        int v = 0;
        for (int i = p; i < p + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
