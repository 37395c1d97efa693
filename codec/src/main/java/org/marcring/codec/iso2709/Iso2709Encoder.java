package org.marcring.codec.iso2709;

import java.util.List;
import java.util.Objects;

import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.DataField;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.text.ProblemSink;
import org.marcring.codec.text.TextEncoder;
import org.marcring.codec.text.Utf8Text;

/**
 * Encodes records as ISO 2709 (MARC 21 exchange format): computes the record length, the base address
 * and the directory, and writes the text in UTF-8 (or with another {@link TextEncoder}, such as MARC-8),
 * setting leader/09 to match. For a record decoded from well-formed UTF-8 input, the bytes are identical
 * to the input.
 *
 * <p>A field over 9,999 bytes or a record over 99,999 bytes cannot be expressed in ISO 2709 and is an
 * error, unless the encoder is made with {@code allowOversize}: then such lengths are written as zeros
 * (readers, marcring's among them, find the field and record by their terminators).
 *
 * <p>As an {@link Iso2709Transcoder} (UTF-8 output only) it copies the fields of a plain record as they are,
 * with a new leader and directory, as it would write them from the decoded record.
 *
 * <p>An encoder keeps scratch space: use one per thread.
 */
public final class Iso2709Encoder implements RecordEncoder, Iso2709Transcoder {
    private static final int MAX_RECORD = 99_999;
    private static final int MAX_FIELD = 9_999;

    private final TextEncoder text;
    private final ProblemSink problems;
    private final boolean allowOversize;
    private final ByteArrayBuilder data = new ByteArrayBuilder(8192);
    private int[] ends = new int[64];

    /** A UTF-8 encoder that refuses oversize records. */
    public Iso2709Encoder() {
        this(Utf8Text.INSTANCE, ProblemSink.IGNORE, false);
    }

    /**
     * @param text          the character set to write text in
     * @param problems      receives characters that {@code text} cannot represent
     * @param allowOversize write fields over 9,999 and records over 99,999 bytes with zero lengths
     *                      instead of failing
     */
    public Iso2709Encoder(TextEncoder text, ProblemSink problems, boolean allowOversize) {
        this.text = Objects.requireNonNull(text, "text");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.allowOversize = allowOversize;
    }

    /** Encodes one record into a new array. */
    public byte[] encode(MarcRecord record) {
        ByteArrayBuilder out = new ByteArrayBuilder(2048);
        encode(record, out);
        return out.toByteArray();
    }

    @Override
    public void encode(MarcRecord record, ByteArrayBuilder out) {
        List<Field> fields = record.fields();
        int n = fields.size();
        if (ends.length < n) {
            ends = new int[Math.max(n, ends.length * 2)];
        }
        data.reset();
        for (int i = 0; i < n; i++) {
            Field f = fields.get(i);
            checkTag(f.tag(), record);
            int start = data.length();
            if (f.isControl()) {
                text.encode(f.data(), data, problems);
            } else {
                data.appendByte(indicatorByte(f, f.indicator1()));
                data.appendByte(indicatorByte(f, f.indicator2()));
                DataField df = (DataField) f;
                for (int k = 0, m = df.subfieldCount(); k < m; k++) {
                    char code = df.code(k);
                    if (code >= 0x80 || code < 0x20) {
                        throw new MarcException("field " + f.tag() + ": subfield code U+" + hex(code)
                                + " cannot be written in ISO 2709" + where(record));
                    }
                    data.appendByte(RecordFramer.SD).appendByte(code);
                    text.encode(df.value(k), data, problems);
                }
            }
            data.appendByte(RecordFramer.FT);
            checkDelimiters(f, start, record);
            int length = data.length() - start;
            if (length > MAX_FIELD && !allowOversize) {
                throw new MarcException("field " + f.tag() + " is " + length + " bytes, over the ISO 2709 limit of "
                        + MAX_FIELD + where(record));
            }
            ends[i] = data.length();
        }
        int base = 24 + 12 * n + 1;
        long total = (long) base + data.length() + 1;
        if (total > MAX_RECORD && !allowOversize) {
            throw new MarcException("record is " + total + " bytes, over the ISO 2709 limit of " + MAX_RECORD
                    + where(record));
        }
        out.ensureRoom((int) total);
        writeLeader(record.leader(), total > MAX_RECORD ? 0 : (int) total, base > MAX_RECORD ? 0 : base, out);
        int prev = 0;
        for (int i = 0; i < n; i++) {
            String tag = fields.get(i).tag();
            out.appendByte(tag.charAt(0)).appendByte(tag.charAt(1)).appendByte(tag.charAt(2));
            int length = ends[i] - prev;
            if (prev > MAX_RECORD) {
                // only with allowOversize: a start the directory cannot express is written as zeros, with a zero
                // length; readers take such a field from the end of the one before it
                out.appendDigits(0, 4);
                out.appendDigits(0, 5);
            } else {
                out.appendDigits(length > MAX_FIELD ? 0 : length, 4);
                out.appendDigits(prev, 5);
            }
            prev = ends[i];
        }
        out.appendByte(RecordFramer.FT);
        out.append(data.array(), 0, data.length());
        out.appendByte(RecordFramer.RT);
    }

    @Override
    public boolean transcode(Iso2709Fields fields, ByteArrayBuilder out) {
        if (text != Utf8Text.INSTANCE) {
            return false;                                  // another coding: the values must be decoded
        }
        int n = fields.fieldCount();
        long dataLength = 0;
        for (int i = 0; i < n; i++) {
            dataLength += fields.end(i) - fields.start(i) + 1;
        }
        int base = 24 + 12 * n + 1;
        long total = base + dataLength + 1;
        if (total > MAX_RECORD) {
            return false;                                  // refused, or written with zero lengths: decoded
        }
        byte[] b = fields.bytes();
        out.ensureRoom((int) total);
        writeLeader(Leader.of(b, fields.leaderOffset()), (int) total, base, out);
        int prev = 0;
        for (int i = 0; i < n; i++) {
            int t = fields.tagAt(i);
            out.append(b[t]).append(b[t + 1]).append(b[t + 2]);
            int length = fields.end(i) - fields.start(i) + 1;
            out.appendDigits(length, 4);
            out.appendDigits(prev, 5);
            prev += length;
        }
        out.appendByte(RecordFramer.FT);
        for (int i = 0; i < n; i++) {
            out.append(b, fields.start(i), fields.end(i) - fields.start(i) + 1);   // with its terminator
        }
        out.appendByte(RecordFramer.RT);
        return true;
    }

    private void writeLeader(Leader leader, int length, int base, ByteArrayBuilder out) {
        out.appendDigits(length, 5);
        for (int i = 5; i < 24; i++) {
            char c;
            switch (i) {
                case 9: c = text.leaderCoding(); break;
                case 10: case 11: c = '2'; break;
                case 12: out.appendDigits(base, 5); i = 16; continue;
                case 20: c = '4'; break;
                case 21: c = '5'; break;
                case 22: c = '0'; break;
                // 23 is undefined in the entry map: kept as it was
                default: c = leader.charAt(i);
            }
            out.appendByte(c < 0x100 ? c : '?');
        }
    }

    private int indicatorByte(Field f, char c) {
        if (c < 0x20 || c >= 0x7F) {
            problems.report(MarcError.Severity.WARNING, -1, "field " + f.tag() + ": indicator U+" + hex(c)
                    + " cannot be written in ISO 2709; written as blank");
            return ' ';
        }
        return c;
    }

    /** Refuses, before anything is written, a tag with a character outside U+0020-U+007F. */
    private static void checkTag(String tag, MarcRecord record) {
        for (int k = 0; k < 3; k++) {
            char c = tag.charAt(k);
            if (c >= 0x80 || c < 0x20) {
                throw new MarcException("tag '" + tag + "' cannot be written in ISO 2709" + where(record));
            }
        }
    }

    /**
     * Refuses a field whose text holds a record or field terminator, or (in a data field) a subfield delimiter:
     * written as is, it would end the field or the record, or split a subfield, for every reader. A control
     * field may hold 0x1F, as real records do (e.g. in 007): readers end a control field at its terminator only.
     */
    private void checkDelimiters(Field f, int start, MarcRecord record) {
        byte[] b = data.array();
        int end = data.length() - 1;                      // the field terminator just written
        int delimitersWritten = f.isControl() ? 0 : ((DataField) f).subfieldCount();
        if (ByteScan.countControls(b, start, end) == delimitersWritten) {
            return;                                       // no control byte but the delimiters written: the usual case
        }
        int terminators = 0;
        int delimiters = 0;
        for (int i = start; i < end; i++) {
            byte x = b[i];
            if (x == RecordFramer.RT || x == RecordFramer.FT) {
                terminators++;
            } else if (x == RecordFramer.SD) {
                delimiters++;
            }
        }
        if (terminators != 0 || (!f.isControl() && delimiters != delimitersWritten)) {
            throw new MarcException("field " + f.tag() + " holds a " + (terminators != 0
                    ? "record or field terminator (U+001D, U+001E)" : "subfield delimiter (U+001F) in a value")
                    + ", which ISO 2709 cannot carry" + where(record));
        }
    }

    private static String where(MarcRecord r) {
        String id = r.controlNumber();
        return id == null ? "" : " (record " + id + ")";
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
