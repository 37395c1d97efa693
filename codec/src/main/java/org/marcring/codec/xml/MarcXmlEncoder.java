package org.marcring.codec.xml;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Fields;
import org.marcring.codec.iso2709.Iso2709Transcoder;

/**
 * Encodes records as MARCXML, UTF-8, byte by byte into a {@link ByteArrayBuilder}: the
 * {@link #header()} is the XML declaration and an opening {@code <collection>} in the MARCXML
 * namespace, each record a {@code <record>} element, the {@link #footer()} the closing
 * {@code </collection>}. Output is either compact (no whitespace between elements) or indented
 * (one element per line, two spaces per level).
 *
 * <p>Text is escaped with {@link XmlEscaping}; characters XML 1.0 forbids are handled as the
 * {@link InvalidXmlCharacters} policy says. One instance per thread (it counts replacements).
 *
 * <p>As an {@link Iso2709Transcoder} it writes a record straight from plain ISO 2709 bytes, escaping the values
 * where they lie (they are UTF-8 already), and leaves to the decoding path every record holding a character
 * it would have to replace or refuse.
 *
 * <pre>{@code
 * try (MarcWriter out = MarcXmlWriter.open(Path.of("out.xml"))) { out.write(record); }
 * }</pre>
 */
public final class MarcXmlEncoder implements RecordEncoder, Iso2709Transcoder {
    private static final byte[] PROLOG = ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\""
            + MarcXml.NAMESPACE + "\">");
    private static final byte[] LEADER_OPEN = ascii("<leader>");
    private static final byte[] LEADER_CLOSE = ascii("</leader>");
    private static final byte[] CONTROL_OPEN = ascii("<controlfield tag=\"");
    private static final byte[] CONTROL_CLOSE = ascii("</controlfield>");
    private static final byte[] DATA_OPEN = ascii("<datafield tag=\"");
    private static final byte[] IND1 = ascii("\" ind1=\"");
    private static final byte[] IND2 = ascii("\" ind2=\"");
    private static final byte[] DATA_CLOSE = ascii("</datafield>");
    private static final byte[] SUBFIELD_OPEN = ascii("<subfield code=\"");
    private static final byte[] SUBFIELD_CLOSE = ascii("</subfield>");
    private static final byte[] END_TAG = ascii("\">");
    /** {@code <subfield code="x">} for each code that needs no escaping, so one copy writes it. */
    private static final byte[][] SUBFIELD_OPEN_BY_CODE = new byte[128][];

    static {
        for (char c = 0x20; c < 0x7F; c++) {
            if (c != '"' && c != '&' && c != '<') {
                SUBFIELD_OPEN_BY_CODE[c] = ascii("<subfield code=\"" + c + "\">");
            }
        }
    }

    /** Per ASCII character, 0 where element content takes it as it is. */
    private static final byte[] PLAIN = XmlEscaping.TEXT;
    private final boolean indent;
    private final InvalidXmlCharacters policy;
    private final byte[] recordOpen;
    private final byte[] recordClose;
    private final byte[] level2;
    private final byte[] level3;
    private long replaced;

    /**
     * @param indent whether to put each element on its own line, indented
     * @param policy what to do with characters XML 1.0 forbids
     */
    public MarcXmlEncoder(boolean indent, InvalidXmlCharacters policy) {
        this.indent = indent;
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
        this.recordOpen = ascii(indent ? "\n  <record>" : "<record>");
        this.recordClose = ascii(indent ? "\n  </record>" : "</record>");
        this.level2 = ascii(indent ? "\n    " : "");
        this.level3 = ascii(indent ? "\n      " : "");
    }

    /** An encoder without whitespace between elements, replacing forbidden characters: the fastest. */
    public static MarcXmlEncoder compact() {
        return new MarcXmlEncoder(false, InvalidXmlCharacters.REPLACE);
    }

    /** An indenting encoder, replacing forbidden characters: for people. */
    public static MarcXmlEncoder indented() {
        return new MarcXmlEncoder(true, InvalidXmlCharacters.REPLACE);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Number of characters replaced by U+FFFD so far under {@link InvalidXmlCharacters#REPLACE}. */
    public long replacedCharacters() {
        return replaced;
    }

    @Override
    public byte[] header() {
        return PROLOG.clone();
    }

    @Override
    public byte[] footer() {
        return ascii(indent ? "\n</collection>\n" : "</collection>\n");
    }

    @Override
    public void encode(MarcRecord record, ByteArrayBuilder out) {
        out.append(recordOpen);
        out.append(level2).append(LEADER_OPEN);
        text(out, record.leader().withCharacterCoding('a').toString(), "leader"); // UTF-8
        out.append(LEADER_CLOSE);
        List<Field> fields = record.fields();
        for (int f = 0, n = fields.size(); f < n; f++) {
            Field field = fields.get(f);
            out.append(level2);
            if (field instanceof ControlField) {
                ControlField cf = (ControlField) field;
                out.append(CONTROL_OPEN);
                tag(out, cf.tag());
                out.append(END_TAG);
                text(out, cf.data(), cf.tag());
                out.append(CONTROL_CLOSE);
            } else {
                DataField df = (DataField) field;
                out.append(DATA_OPEN);
                tag(out, df.tag());
                out.append(IND1);
                character(out, df.indicator1(), df.tag());
                out.append(IND2);
                character(out, df.indicator2(), df.tag());
                out.append(END_TAG);
                for (int s = 0, m = df.subfieldCount(); s < m; s++) {
                    if (indent) {
                        out.append(level3);
                    }
                    char code = df.code(s);
                    byte[] open = code < 0x80 ? SUBFIELD_OPEN_BY_CODE[code] : null;
                    if (open != null) {
                        out.append(open);
                    } else {
                        unusualCode(out, code, df.tag());
                    }
                    // The value's plain run, copied here rather than in a method of the escaper: whether the JIT
                    // inlined that method here depended on which it happened to compile first, and the engine's
                    // parser threads ran a quarter slower in the launches where it did not.
                    String v = df.value(s);
                    int length = v.length();
                    out.ensureRoom(length);
                    byte[] a = out.array();
                    int p = out.length();
                    int i = 0;
                    for (; i < length; i++) {
                        char c = v.charAt(i);
                        if (c >= 0x80 || PLAIN[c] != 0) {
                            break;
                        }
                        a[p + i] = (byte) c;
                    }
                    out.setLength(p + i);
                    if (i < length) {
                        count(XmlEscaping.appendTextFrom(out, v, i, policy), v, df.tag());
                    }
                    out.append(SUBFIELD_CLOSE);
                }
                out.append(level2).append(DATA_CLOSE);
            }
        }
        out.append(recordClose);
    }

    /**
     * Compact MARCXML checks and writes a record in one pass over its data where it can (its fields one after
     * the other, as nearly all are), and in two otherwise; the bytes are the same either way.
     */
    @Override
    public boolean transcode(byte[] bytes, int offset, int length, Iso2709Fields fields, ByteArrayBuilder out) {
        if (!indent && fields.scanDirectory(bytes, offset, length)) {
            long room = CompactTranscoding.walkRoom(fields);
            if (room <= Integer.MAX_VALUE / 2) {
                out.ensureRoom((int) room);
                int end = CompactTranscoding.walk(fields, out.array(), out.length());
                if (end >= 0) {
                    out.setLength(end);
                    return true;
                }
            }
        }
        return Iso2709Transcoder.super.transcode(bytes, offset, length, fields, out);
    }

    @Override
    public boolean transcode(Iso2709Fields fields, ByteArrayBuilder out) {
        if (!indent) {
            long room = CompactTranscoding.room(fields);
            if (room > Integer.MAX_VALUE / 2) {
                return false;
            }
            out.ensureRoom((int) room);
            int end = CompactTranscoding.record(fields, out.array(), out.length());
            if (end < 0) {
                return false;
            }
            out.setLength(end);
            return true;
        }
        int mark = out.length();
        byte[] b = fields.bytes();
        out.append(recordOpen);
        out.append(level2).append(LEADER_OPEN);
        XmlEscaping.appendText(out, b, fields.leaderOffset(), 24, policy); // printable ASCII, leader/09 'a'
        out.append(LEADER_CLOSE);
        for (int f = 0, n = fields.fieldCount(); f < n; f++) {
            out.append(level2);
            int t = fields.tagAt(f);
            if (fields.isControl(f)) {
                out.append(CONTROL_OPEN);
                tag(out, b, t);
                out.append(END_TAG);
                if (!plainText(out, b, fields.start(f), fields.end(f))) {
                    out.truncate(mark);
                    return false;
                }
                out.append(CONTROL_CLOSE);
            } else {
                int s = fields.start(f);
                out.append(DATA_OPEN);
                tag(out, b, t);
                out.append(IND1).append(b[s]).append(IND2).append(b[s + 1]).append(END_TAG);
                for (int k = 0, m = fields.subfieldCount(f); k < m; k++) {
                    if (indent) {
                        out.append(level3);
                    }
                    int at = fields.subfieldAt(f, k);
                    out.append(SUBFIELD_OPEN_BY_CODE[b[at + 1]]);      // a letter or digit
                    if (!plainText(out, b, at + 2, fields.subfieldEnd(f, k))) {
                        out.truncate(mark);
                        return false;
                    }
                    out.append(SUBFIELD_CLOSE);
                }
                out.append(level2).append(DATA_CLOSE);
            }
        }
        out.append(recordClose);
        return true;
    }

    /** Escapes UTF-8 {@code b[from, to)} as element content; {@code false} where a character had to be replaced. */
    private boolean plainText(ByteArrayBuilder out, byte[] b, int from, int to) {
        return XmlEscaping.appendPlainText(out, b, from, to - from);
    }

    /** {@link #tag(ByteArrayBuilder, String)} from the three printable ASCII bytes at {@code p}. */
    private void tag(ByteArrayBuilder out, byte[] b, int p) {
        if (plain((char) b[p]) && plain((char) b[p + 1]) && plain((char) b[p + 2])) {
            out.append(b[p]).append(b[p + 1]).append(b[p + 2]);
        } else {
            XmlEscaping.appendAttribute(out, b, p, 3, policy);
        }
    }

    /** A tag as an attribute value: three letters or digits as they are, anything else escaped. */
    private void tag(ByteArrayBuilder out, String tag) {
        if (tag.length() == 3 && plain(tag.charAt(0)) && plain(tag.charAt(1)) && plain(tag.charAt(2))) {
            out.append((byte) tag.charAt(0)).append((byte) tag.charAt(1)).append((byte) tag.charAt(2));
        } else {
            attribute(out, tag, tag);
        }
    }

    /** The opening tag of a subfield whose code is not a letter or digit (kept out of the encoding loop). */
    private void unusualCode(ByteArrayBuilder out, char code, String where) {
        out.append(SUBFIELD_OPEN);
        character(out, code, where);
        out.append(END_TAG);
    }

    private static boolean plain(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private void text(ByteArrayBuilder out, String s, String where) {
        int r = XmlEscaping.appendText(out, s, policy);
        count(r, s, where);
    }

    private void attribute(ByteArrayBuilder out, String s, String where) {
        int r = XmlEscaping.appendAttribute(out, s, policy);
        count(r, s, where);
    }

    private void character(ByteArrayBuilder out, char c, String where) {
        if (plain(c) || c == ' ') {
            out.append((byte) c);
        } else {
            attribute(out, String.valueOf(c), where);
        }
    }

    private void count(int r, String s, String where) {
        if (r >= 0) {
            replaced += r;
            return;
        }
        int index = -r - 1;
        throw new MarcException(String.format("%s: character U+%04X at position %d is not allowed in XML 1.0",
                where, (int) s.charAt(index), index));
    }
}
