package org.marcring.codec.iso2709;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataCharacters;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcError.Severity;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.text.ProblemSink;
import org.marcring.codec.text.TextCodings;
import org.marcring.codec.text.TextDecoder;
import org.marcring.codec.text.Utf8Text;

/**
 * Decodes the bytes of one ISO 2709 record into a {@link MarcRecord}.
 *
 * <p><b>Strict</b> mode throws {@link MarcFormatException} (naming the record's ordinal, byte offset and
 * the fault) for any structural or encoding fault; <b>permissive</b> mode repairs what can be repaired
 * (directory entries that point outside the record, missing field terminators, lengths that lie,
 * invalid indicators, invalid or upper-case subfield codes, invalid UTF-8) and lists each repair in
 * {@link MarcRecord#errors()}. Only what holds no record at all (no leader, garbage between records,
 * an oversized run) is rejected in permissive mode. No input, of any bytes, ends in another exception.
 *
 * <p>A decoder keeps scratch space between calls: use one per thread.
 */
public final class Iso2709Decoder {
    private static final int LEADER = 24;
    private static final int ENTRY = 12;

    private final ReadOptions options;
    private final boolean strict;
    private final Collector problems = new Collector();
    private static final long HIGHS = 0x8080808080808080L;
    private int[] delimiters = new int[64];
    private int[] fieldStarts = new int[64];
    private boolean fieldHasHighBytes;

    /** A decoder with the given options. */
    public Iso2709Decoder(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.strict = options.isStrict();
    }

    /** A permissive decoder with default options. */
    public Iso2709Decoder() {
        this(ReadOptions.defaults());
    }

    /** The options this decoder applies. */
    public ReadOptions options() {
        return options;
    }

    /** Decodes a framed record. */
    public MarcRecord decode(RawRecord raw) {
        return decode(raw.buffer, raw.offset, raw.length, raw.ordinal, raw.byteOffset, raw.defects, raw);
    }

    /** Decodes {@code length} bytes of {@code bytes} from {@code offset} (ordinal and offset unknown). */
    public MarcRecord decode(byte[] bytes, int offset, int length) {
        return decode(bytes, offset, length, -1, -1, 0, null);
    }

    /** Decodes a whole array holding one record. */
    public MarcRecord decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    private MarcRecord decode(byte[] b, int off, int len, long ordinal, long byteOffset, int defects, RawRecord raw) {
        problems.start(b, off, len, ordinal, byteOffset, strict);
        try {
            return decodeChecked(b, off, len, defects, raw);
        } catch (MarcFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // a bug of ours must not look like an IndexOutOfBoundsException from the caller's side
            throw problems.reject("cannot decode record (" + e + ")");
        } finally {
            problems.release();
        }
    }

    private MarcRecord decodeChecked(byte[] b, int off, int len, int defects, RawRecord raw) {
        if (defects != 0) {
            if ((defects & RawRecord.GARBAGE) != 0) {
                throw new SkippedBytesException(raw.ordinal(), raw.byteOffset(), raw.spanLength(),
                        "bytes between records that hold no record", raw.copy());
            }
            if ((defects & RawRecord.OVERSIZED) != 0) {
                throw problems.reject(raw.describeDefects());
            }
            String what = raw.describeDefects();
            problems.report(Severity.WARNING, null, 0, what);
        }
        if (len < LEADER) {
            throw problems.reject("only " + len + " bytes, fewer than a 24-byte leader");
        }
        final int end = off + len;                         // exclusive
        final int dataEnd = b[end - 1] == RecordFramer.RT ? end - 1 : end;  // exclusive, before the 0x1D
        if (dataEnd == end && (defects & RawRecord.TRUNCATED) == 0) {
            problems.report(Severity.WARNING, null, len - 1, "record does not end with a record terminator (0x1D)");
        }
        Leader leader = Leader.of(b, off);
        checkLeader(b, off);

        // ---- directory
        int base = leader.baseAddress();
        int dirEnd;                                        // absolute index of the directory's 0x1E
        if (base >= LEADER + 1 && base <= len && b[off + base - 1] == RecordFramer.FT) {
            dirEnd = off + base - 1;
        } else {
            dirEnd = indexOf(b, off + LEADER, dataEnd, RecordFramer.FT);
            if (base > LEADER && off + base - 1 < dataEnd && (base - 1 - LEADER) % ENTRY == 0
                    && (dirEnd < 0 || dirEnd > off + base - 1) && firstFieldEndsAtTerminator(b, off, base, dataEnd)) {
                // no 0x1E up to a base address that fits whole entries and puts the first field's end on a
                // field terminator: the directory terminator is damaged, not the base address
                problems.report(Severity.WARNING, null, base - 1, String.format(
                        "no directory terminator at byte %d (found 0x%02X); directory taken up to the base address"
                                + " of data", base - 1, b[off + base - 1] & 0xFF));
                dirEnd = off + base - 1;
            } else if (dirEnd < 0) {
                throw problems.reject("no directory terminator (0x1E) after the leader");
            } else {
                problems.report(Severity.WARNING, null, 12, "base address of data '"
                        + leader.toString().substring(12, 17) + "' is wrong; the directory ends at byte "
                        + (dirEnd - off) + ", data starts at " + (dirEnd - off + 1));
                base = dirEnd - off + 1;
            }
        }
        int dirLen = dirEnd - (off + LEADER);
        int entries = dirLen / ENTRY;
        if (dirLen % ENTRY != 0) {
            problems.report(Severity.WARNING, null, LEADER + entries * ENTRY, "directory length " + dirLen
                    + " is not a multiple of 12; " + (dirLen % ENTRY) + " trailing bytes ignored");
        }
        if (entries > options.maxFields()) {
            throw problems.reject(entries + " fields, more than the limit of " + options.maxFields());
        }
        final int dataStart = off + base;

        // UTF-8 by the leader is taken on trust at first: ASCII fields are then copied as they are and the
        // others checked value by value. Only a record that turns out not to be UTF-8 is looked at as a whole
        // (permissive mode: it may read better as MARC-8), and then decoded again.
        boolean utf8ByLeader = TextCodings.isUtf8ByLeader(leader, options);
        TextDecoder text = utf8ByLeader ? Utf8Text.INSTANCE
                : TextCodings.decoderFor(leader, b, off, len, options, problems.atRecord());
        // leader/09 stays as read (blank for a MARC-8 record): the values are Unicode whatever it says, and each
        // encoder writes leader/09 for the coding it writes
        int mark = problems.count();
        // A new list per record, not one kept for reuse: storing the fields of a record into an array that has
        // lived long enough to be old costs the garbage collector's write barrier its slow path on every store.
        ArrayList<Field> fields = new ArrayList<>(entries);
        decodeFields(fields, b, off, len, entries, dataStart, dataEnd, text);
        if (utf8ByLeader && !strict && problems.hasErrorSince(mark)) {
            List<MarcError> asUtf8 = problems.cut(mark);
            TextDecoder second = TextCodings.decoderFor(leader, b, off, len, options, problems.atRecord());
            if (second.convertsToUnicode()) {
                fields.clear();
                decodeFields(fields, b, off, len, entries, dataStart, dataEnd, second);
            } else {
                problems.restore(asUtf8);
            }
        }
        if (mayHoldForbiddenCharacters(b, dataStart, dataEnd)) {
            int[] starts = fieldStarts;
            DataCharacters.repair(fields,
                    (index, tag, message) -> problems.report(Severity.ERROR, tag, starts[index] - off, message));
        }
        return new MarcRecord(leader, fields, problems.errors());
    }

    /** Decodes the fields of the directory's {@code entries} into {@code fields}. */
    private void decodeFields(ArrayList<Field> fields, byte[] b, int off, int len, int entries, int dataStart,
                              int dataEnd, TextDecoder text) {
        int expected = dataStart;                          // where the next field should begin
        for (int e = 0, p = off + LEADER; e < entries; e++, p += ENTRY) {
            String tag = Tags.of(b, p);
            problems.tagAt = p;                            // an int: no write barrier, unlike the tag itself
            if (Tags.hasUnprintable(b, p)) {
                problems.report(Severity.ERROR, tag, p - off, String.format("tag bytes %02X %02X %02X are not"
                        + " printable ASCII; replaced by U+FFFD", b[p] & 0xFF, b[p + 1] & 0xFF, b[p + 2] & 0xFF));
            }
            long numbers = ByteScan.lengthAndStart(b, p + 3);
            int flen = numbers >= 0 ? (int) (numbers >>> 32) : ByteScan.digits4(b, p + 3);
            int fstart = numbers >= 0 ? (int) numbers : ByteScan.digits5(b, p + 7);
            int s;
            int fend;                                      // exclusive, before the field terminator
            if (flen < 0 || fstart < 0) {
                problems.report(Severity.WARNING, tag, p - off, "directory entry " + e + " has a non-numeric "
                        + (flen < 0 ? "length" : "starting position") + "; field taken from byte " + (expected - off));
                s = expected;
                fend = terminatorOrEnd(b, s, dataEnd);
            } else {
                // zero length and start at a later entry: an oversize writer's field past byte 99,999 of the data
                s = flen == 0 && fstart == 0 && e > 0 ? expected : dataStart + fstart;
                int declaredEnd = s + flen;
                if (s >= dataEnd) {
                    problems.report(Severity.ERROR, tag, p - off, "directory entry " + e + " points at byte "
                            + (s - off) + ", outside the record (" + len + " bytes); field dropped");
                    continue;
                } else if (flen == 0) {
                    // written so by oversize writers: the field runs to its terminator
                    fend = terminatorOrEnd(b, s, dataEnd);
                    problems.report(Severity.WARNING, tag, p - off, "directory entry " + e
                            + " has length 0; field taken up to its terminator");
                } else if (declaredEnd > dataEnd) {
                    fend = terminatorOrEnd(b, s, dataEnd);
                    problems.report(Severity.WARNING, tag, p - off, "directory entry " + e + " length " + flen
                            + " runs past the end of the record; field cut at byte " + (fend - off));
                } else if (b[declaredEnd - 1] == RecordFramer.FT) {
                    fend = declaredEnd - 1;
                } else {
                    fend = indexOf(b, s, declaredEnd, RecordFramer.FT);
                    if (fend < 0) {
                        fend = declaredEnd;
                        problems.report(Severity.WARNING, tag, declaredEnd - 1 - off, "field has no field terminator");
                    } else {
                        problems.report(Severity.WARNING, tag, fend - off, "field terminator at byte " + (fend - off)
                                + ", before the end the directory gives (" + (declaredEnd - 1 - off) + ")");
                    }
                }
            }
            expected = fend < dataEnd && b[fend] == RecordFramer.FT ? fend + 1 : fend;
            if (fields.size() == fieldStarts.length) {
                fieldStarts = Arrays.copyOf(fieldStarts, fieldStarts.length * 2);
            }
            fieldStarts[fields.size()] = s;                 // where the field's data begins, for later reports
            if (Tags.isControl(b, p)) {
                fields.add(new ControlField(tag, text.decode(b, s, fend - s, problems)));
            } else {
                fields.add(decodeDataField(tag, b, s, fend, text));
            }
        }
        problems.tagAt = -1;
    }

    private DataField decodeDataField(String tag, byte[] b, int s, int end, TextDecoder text) {
        char i1;
        char i2;
        int p;
        if (end - s >= 2 && b[s] != RecordFramer.SD && b[s + 1] != RecordFramer.SD) {
            i1 = indicator(b, s, 1);
            i2 = indicator(b, s + 1, 2);
            p = s + 2;
        } else {
            problems.report(Severity.WARNING, tag, s - problems.recordStart, "field has no indicators; blanks used");
            i1 = ' ';
            i2 = ' ';
            p = s;
            while (p < end && b[p] != RecordFramer.SD) {
                p++;
            }
        }
        if (p < end && b[p] != RecordFramer.SD) {
            int q = indexOf(b, p, end, RecordFramer.SD);
            int stop = q < 0 ? end : q;
            String stray = text.decode(b, p, stop - p, ProblemSink.IGNORE);
            problems.report(Severity.ERROR, tag, p - problems.recordStart,
                    "data before the first subfield delimiter dropped: '" + stray + "'");
            p = stop;
        }
        int count = scanSubfields(b, p, end);
        boolean ascii = !fieldHasHighBytes && text.keepsAscii();
        char[] fieldCodes = new char[count];
        String[] fieldValues = new String[count];
        int[] at = delimiters;
        int n = 0;
        for (int k = 0; k < count; k++) {
            int d = at[k];                                 // a subfield delimiter
            int codePos = d + 1;
            int next = k + 1 < count ? at[k + 1] : end;
            if (codePos >= next) {
                problems.report(Severity.WARNING, tag, d - problems.recordStart, "empty subfield (delimiter without code) dropped");
                continue;
            }
            fieldCodes[n] = subfieldCode(b[codePos], codePos);
            int from = codePos + 1;
            int length = next - from;
            if (ascii) {
                fieldValues[n++] = ascii(b, from, length);
            } else {
                fieldValues[n++] = text.decode(b, from, length, problems);
            }
        }
        if (n < count) {
            fieldCodes = Arrays.copyOf(fieldCodes, n);
            fieldValues = Arrays.copyOf(fieldValues, n);
        }
        return DataField.ofArrays(tag, i1, i2, fieldCodes, fieldValues);
    }

    /**
     * Finds the subfield delimiters in {@code b[from, to)}, eight bytes at a time, into {@link #delimiters};
     * notes in {@link #fieldHasHighBytes} whether any byte there is above 0x7F. Returns their number.
     */
    private int scanSubfields(byte[] b, int from, int to) {
        int[] at = delimiters;
        if (at.length < to - from) {
            at = delimiters = new int[Math.max(to - from, at.length * 2)];   // room for a delimiter per byte
        }
        int n = 0;
        long high = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = ByteScan.word(b, i);
            high |= word;
            n = ByteScan.delimiters(word, i, at, n);
        }
        if (i < to) {
            if (to - from >= 8) {
                // the last bytes: the eight that end the field, without the lanes already scanned
                int last = to - 8;
                long word = ByteScan.word(b, last) & (-1L << ((i - last) << 3));
                high |= word;
                n = ByteScan.delimiters(word, last, at, n);
            } else {
                for (; i < to; i++) {
                    byte v = b[i];
                    high |= v;
                    if (v == RecordFramer.SD) {
                        at[n++] = i;
                    }
                }
            }
        }
        fieldHasHighBytes = (high & HIGHS) != 0;
        return n;
    }

    /**
     * The string of {@code length} bytes known to be ASCII. The JDK's ASCII constructor copies them as they
     * are (a compact Latin-1 string), without the check for high bytes that decoding UTF-8 begins with.
     */
    @SuppressWarnings("deprecation")
    private static String ascii(byte[] b, int from, int length) {
        return length == 0 ? "" : new String(b, 0, from, length);
    }

    private char indicator(byte[] b, int p, int which) {
        int v = b[p] & 0xFF;
        if (v == ' ' || (v >= '0' && v <= '9') || (v >= 'a' && v <= 'z') || v == '|') {
            return (char) v;
        }
        return unusualIndicator(v, p, which);
    }

    /** The rare path of {@link #indicator}, kept out of it so that the common one stays small enough to inline. */
    private char unusualIndicator(int v, int p, int which) {
        if (v > 0x20 && v < 0x7F) {
            // real catalogues hold '-', '_', upper-case letters: kept as they are, noted
            problems.report(Severity.INFO, problems.tag(), p - problems.recordStart,
                    "non-standard indicator " + which + " '" + (char) v + "' kept");
            return (char) v;
        }
        problems.report(Severity.WARNING, problems.tag(), p - problems.recordStart, String.format(
                "invalid indicator %d: byte 0x%02X, replaced by blank", which, v));
        return ' ';
    }

    private char subfieldCode(byte code, int p) {
        int v = code & 0xFF;
        if ((v >= 'a' && v <= 'z') || (v >= '0' && v <= '9')) {
            return (char) v;
        }
        return unusualSubfieldCode(v, p);
    }

    /** The rare path of {@link #subfieldCode}. */
    private char unusualSubfieldCode(int v, int p) {
        if (v >= 'A' && v <= 'Z') {
            problems.report(Severity.WARNING, problems.tag(), p - problems.recordStart,
                    "upper-case subfield code '" + (char) v + "' made lower-case");
            return (char) (v + 32);
        }
        if (v > 0x20 && v < 0x7F) {
            problems.report(Severity.WARNING, problems.tag(), p - problems.recordStart,
                    "invalid subfield code '" + (char) v + "' kept");
            return (char) v;
        }
        problems.report(Severity.ERROR, problems.tag(), p - problems.recordStart,
                String.format("non-printable subfield code 0x%02X replaced by '?'", v));
        return '?';
    }

    private static String printable(int v) {
        return v > 0x20 && v < 0x7F ? " '" + (char) v + "'" : "";
    }

    private void checkLeader(byte[] b, int off) {
        for (int i = 0; i < LEADER; i++) {
            int v = b[off + i] & 0xFF;
            if (v < 0x20 || v >= 0x7F) {
                problems.report(Severity.INFO, null, i, String.format("leader position %02d holds byte 0x%02X", i, v));
            }
        }
        if (b[off + 10] != '2' || b[off + 11] != '2') {
            problems.report(Severity.INFO, null, 10, "leader indicator/subfield code counts are '"
                    + (char) (b[off + 10] & 0xFF) + (char) (b[off + 11] & 0xFF) + "', not '22'");
        }
        if (b[off + 20] != '4' || b[off + 21] != '5') {
            problems.report(Severity.INFO, null, 20, "leader entry map is not '45..'; read as 4500");
        }
    }

    /**
     * Whether the data bytes {@code b[from, to)} may decode to a character {@link DataCharacters} replaces (NUL
     * or a record terminator; field terminators and subfield delimiters end values). Only then are the decoded
     * values looked at.
     */
    private static boolean mayHoldForbiddenCharacters(byte[] b, int from, int to) {
        return ByteScan.hasNulOrRecordTerminator(b, from, to);
    }

    /** Whether, with data at {@code base}, the first directory entry's field ends on a field terminator. */
    private static boolean firstFieldEndsAtTerminator(byte[] b, int off, int base, int dataEnd) {
        if (base - 1 - LEADER < ENTRY) {
            return false;
        }
        int flen = ByteScan.digits4(b, off + LEADER + 3);
        int fstart = ByteScan.digits5(b, off + LEADER + 7);
        long last = (long) off + base + fstart + flen - 1;
        return flen > 0 && fstart >= 0 && last < dataEnd && b[(int) last] == RecordFramer.FT;
    }

    private static int terminatorOrEnd(byte[] b, int from, int end) {
        int i = indexOf(b, from, end, RecordFramer.FT);
        return i < 0 ? end : i;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        return ByteScan.indexOf(b, from, to, value);
    }

    /**
     * Collects the problems of one record: keeps them (permissive) or throws at the first one worse
     * than INFO (strict). Positions arrive as array indices and are kept relative to the record.
     */
    private static final class Collector implements ProblemSink {
        private final ArrayList<MarcError> errors = new ArrayList<>();
        private final ProblemSink recordLevel = (severity, index, message) -> report(severity, null, index, message);
        byte[] bytes;
        int recordStart;
        int recordLength;
        long ordinal;
        long byteOffset;
        boolean strict;
        int tagAt = -1;                                // where the current field's tag is in bytes, or -1

        /** The current field's tag, or {@code null} outside a field. */
        String tag() {
            return tagAt < 0 ? null : Tags.of(bytes, tagAt);
        }

        void start(byte[] b, int off, int len, long ord, long offset, boolean strictMode) {
            bytes = b;
            recordStart = off;
            recordLength = len;
            ordinal = ord;
            byteOffset = offset;
            strict = strictMode;
            tagAt = -1;
            errors.clear();
        }

        void release() {
            bytes = null;
        }

        ProblemSink atRecord() {
            return recordLevel;
        }

        @Override
        public void report(Severity severity, int index, String message) {
            report(severity, tag(), index - recordStart, message);
        }

        void report(Severity severity, String fieldTag, int position, String message) {
            if (strict && severity != Severity.INFO) {
                throw fault((fieldTag == null ? "" : "field " + fieldTag + ": ") + message
                        + (position >= 0 ? " (byte " + position + " of the record)" : ""));
            }
            errors.add(new MarcError(severity, fieldTag, position, message));
        }

        MarcFormatException reject(String message) {
            return fault(message);
        }

        private MarcFormatException fault(String message) {
            byte[] raw = bytes == null ? null : Arrays.copyOfRange(bytes, recordStart, recordStart + recordLength);
            return new MarcFormatException(ordinal, byteOffset, message, raw);
        }

        /** How many problems are kept so far. */
        int count() {
            return errors.size();
        }

        /** Whether a problem of severity ERROR or worse was kept after the first {@code mark}. */
        boolean hasErrorSince(int mark) {
            for (int i = mark, n = errors.size(); i < n; i++) {
                if (errors.get(i).severity().compareTo(Severity.ERROR) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /** Removes and returns the problems kept after the first {@code mark}. */
        List<MarcError> cut(int mark) {
            List<MarcError> tail = new ArrayList<>(errors.subList(mark, errors.size()));
            errors.subList(mark, errors.size()).clear();
            return tail;
        }

        /** Puts back problems taken by {@link #cut}. */
        void restore(List<MarcError> cut) {
            errors.addAll(cut);
        }

        List<MarcError> errors() {
            return errors.isEmpty() ? List.of() : List.copyOf(errors);
        }
    }
}
