package org.marcring.codec.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;

/** Hand-built records and their ISO 2709 bytes, for tests that need exact, known input. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A small bibliographic record, different for each {@code n}, with a 245 of about {@code titleLength} characters. */
    public static MarcRecord record(int n, int titleLength) {
        StringBuilder title = new StringBuilder("Title " + n + " ");
        while (title.length() < titleLength) {
            title.append((char) ('a' + (title.length() + n) % 26));
        }
        return MarcRecord.builder()
                .controlField("001", "rec" + n)
                .controlField("008", "200101s2020    xxu           000 0 eng d")
                .dataField("100", '1', ' ', "a", "Author " + n, "d", "1900-")
                .addField(DataField.of("245", '1', '0', "a", title.toString(), "c", "by Author " + n))
                .dataField("650", ' ', '0', "a", "Subject " + (n * 7 % 13))
                .build();
    }

    /** A small record, different for each {@code n}. */
    public static MarcRecord record(int n) {
        return record(n, 20 + n % 40);
    }

    /** The ISO 2709 bytes of {@code record}. */
    public static byte[] bytes(MarcRecord record) {
        return new Iso2709Encoder().encode(record);
    }

    /**
     * An ISO 2709 record of the given tag/value pairs, built byte by byte (a field terminator after each value,
     * leader {@code nam a22 ... a 4500} in UTF-8): no encoder repairs or checks anything on the way.
     */
    public static byte[] isoRecord(String... tagsAndValues) {
        java.io.ByteArrayOutputStream directory = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < tagsAndValues.length; i += 2) {
            byte[] value = (tagsAndValues[i + 1] + "\u001e").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            directory.writeBytes(String.format("%s%04d%05d", tagsAndValues[i], value.length, data.size())
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            data.writeBytes(value);
        }
        int base = 24 + directory.size() + 1;
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        record.writeBytes(String.format("%05dnam a22%05d a 4500", base + data.size() + 1, base)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        record.writeBytes(directory.toByteArray());
        record.write(0x1e);
        record.writeBytes(data.toByteArray());
        record.write(0x1d);
        return record.toByteArray();
    }

    /** ASCII bytes. */
    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The concatenation of byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A copy of {@code record} with its leader's record length (00-04) replaced by {@code length}. */
    public static byte[] withDeclaredLength(byte[] record, int length) {
        byte[] copy = record.clone();
        byte[] digits = ascii(String.format("%05d", length));
        System.arraycopy(digits, 0, copy, 0, 5);
        return copy;
    }

    /** A framed record, copied out of the framer's buffer. */
    public static final class Frame {
        public final long ordinal;
        public final long offset;
        public final byte[] bytes;
        public final int defects;
        public final int declared;
        /** Input bytes the frame covers ({@link RawRecord#spanLength()}). */
        public final long span;

        Frame(RawRecord raw) {
            span = raw.spanLength();
            ordinal = raw.ordinal();
            offset = raw.byteOffset();
            bytes = raw.copy();
            defects = raw.defects();
            declared = raw.declaredLength();
        }

        public boolean has(int flag) {
            return (defects & flag) != 0;
        }

        /** Everything about the frame, bytes included (as ISO 8859-1 text). */
        @Override
        public String toString() {
            return "#" + ordinal + " @" + offset + " defects=" + defects + " declared=" + declared + " ["
                    + new String(bytes, StandardCharsets.ISO_8859_1) + "]";
        }
    }

    /** Every frame of {@code framer}, then closes it. */
    public static List<Frame> frames(RecordFramer framer) {
        List<Frame> frames = new ArrayList<>();
        try (RecordFramer f = framer) {
            RawRecord raw = new RawRecord();
            while (f.next(raw)) {
                frames.add(new Frame(raw));
            }
        }
        return frames;
    }

    /** Every frame of {@code bytes}. */
    public static List<Frame> frames(byte[] bytes) {
        return frames(RecordFramer.of(bytes));
    }
}
