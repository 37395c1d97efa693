package org.marcring.codec.json;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.RecordEncoder;

/**
 * Encodes records as MARC-in-JSON (Ross Singer's format), UTF-8, byte by byte:
 * {@code {"leader":"…","fields":[{"001":"…"},{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"…"}]}}]}}.
 * Two layouts: {@link #array()}, one JSON array of records ({@code [} … {@code ,} … {@code ]}), and
 * {@link #lines()}, newline-delimited JSON, one record per line. Stateless; safe to share.
 */
public final class MarcJsonEncoder implements RecordEncoder {
    private static final byte[] LEADER = ascii("{\"leader\":\"");
    private static final byte[] FIELDS = ascii("\",\"fields\":[");
    private static final byte[] IND1 = ascii("\":{\"ind1\":\"");
    private static final byte[] IND2 = ascii("\",\"ind2\":\"");
    private static final byte[] SUBFIELDS = ascii("\",\"subfields\":[");
    private static final byte[] QUOTE_COLON_QUOTE = ascii("\":\"");

    private final boolean lines;

    private MarcJsonEncoder(boolean lines) {
        this.lines = lines;
    }

    /** Records as the elements of one JSON array. */
    public static MarcJsonEncoder array() {
        return new MarcJsonEncoder(false);
    }

    /** Newline-delimited JSON: each record one object on its own line. */
    public static MarcJsonEncoder lines() {
        return new MarcJsonEncoder(true);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] header() {
        return lines ? new byte[0] : ascii("[");
    }

    @Override
    public byte[] separator() {
        return lines ? new byte[0] : ascii(",");
    }

    @Override
    public byte[] footer() {
        return lines ? new byte[0] : ascii("]");
    }

    @Override
    public void encode(MarcRecord record, ByteArrayBuilder out) {
        out.append(LEADER);
        JsonEscaping.append(out, record.leader().withCharacterCoding('a').toString()); // UTF-8
        out.append(FIELDS);
        List<Field> fields = record.fields();
        for (int f = 0, n = fields.size(); f < n; f++) {
            if (f > 0) {
                out.append((byte) ',');
            }
            Field field = fields.get(f);
            out.append((byte) '{').append((byte) '"');
            JsonEscaping.append(out, field.tag());
            if (field instanceof ControlField) {
                out.append(QUOTE_COLON_QUOTE);
                JsonEscaping.append(out, ((ControlField) field).data());
                out.append((byte) '"').append((byte) '}');
            } else {
                DataField df = (DataField) field;
                out.append(IND1);
                character(out, df.indicator1());
                out.append(IND2);
                character(out, df.indicator2());
                out.append(SUBFIELDS);
                for (int s = 0, m = df.subfieldCount(); s < m; s++) {
                    if (s > 0) {
                        out.append((byte) ',');
                    }
                    out.append((byte) '{').append((byte) '"');
                    character(out, df.code(s));
                    out.append(QUOTE_COLON_QUOTE);
                    JsonEscaping.append(out, df.value(s));
                    out.append((byte) '"').append((byte) '}');
                }
                out.append((byte) ']').append((byte) '}').append((byte) '}');
            }
        }
        out.append((byte) ']').append((byte) '}');
        if (lines) {
            out.append((byte) '\n');
        }
    }

    private static void character(ByteArrayBuilder out, char c) {
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            out.append((byte) c);
        } else {
            JsonEscaping.append(out, String.valueOf(c));
        }
    }
}
