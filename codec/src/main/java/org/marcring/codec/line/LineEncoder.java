package org.marcring.codec.line;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.RecordEncoder;

/**
 * Encodes records as a human-readable line dump, UTF-8, for eyes and {@code grep}, not for reading
 * back: {@code LDR} and the leader, then one line per field, a control field as {@code 001 data},
 * a data field as its tag, its two indicators ({@code _} for a blank) and {@code $a value} per
 * subfield; a blank line between records. Line breaks inside values are shown as {@code \n}.
 *
 * <pre>
 * LDR 00714cam a2200205 a 4500
 * 001 12883376
 * 245 10 $a Summerland / $c Michael Chabon.
 * </pre>
 *
 * <p>Keeps a scratch buffer: one instance per thread.
 */
public final class LineEncoder implements RecordEncoder {
    private final StringBuilder sb = new StringBuilder(512);

    @Override
    public byte[] separator() {
        return new byte[] {'\n'};
    }

    @Override
    public void encode(MarcRecord record, ByteArrayBuilder out) {
        sb.setLength(0);
        sb.append("LDR ");
        value(record.leader().withCharacterCoding('a').toString()); // UTF-8 text
        sb.append('\n');
        for (Field field : record.fields()) {
            sb.append(field.tag()).append(' ');
            if (field instanceof ControlField) {
                value(((ControlField) field).data());
            } else {
                DataField df = (DataField) field;
                sb.append(df.indicator1() == ' ' ? '_' : df.indicator1())
                        .append(df.indicator2() == ' ' ? '_' : df.indicator2());
                for (int s = 0, m = df.subfieldCount(); s < m; s++) {
                    sb.append(" $").append(df.code(s)).append(' ');
                    value(df.value(s));
                }
            }
            sb.append('\n');
        }
        out.appendUtf8(sb.toString());
    }

    private void value(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else {
                sb.append(c);
            }
        }
    }
}
