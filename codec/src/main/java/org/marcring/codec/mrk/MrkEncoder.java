package org.marcring.codec.mrk;

import java.util.List;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.RecordEncoder;

/**
 * Encodes records as MARCMaker (MarcEdit) mnemonic text: one line per field ({@code =LDR  …},
 * {@code =001  …}, {@code =245  10$aTitle :$bsubtitle}), blanks in the leader, control fields and
 * indicators written as {@code \}, a blank line between records. {@code $ { }} in data, and a
 * backslash in the leader or a control field, are written as mnemonics, as are control characters.
 * Keeps a scratch buffer: one instance per thread.
 */
public final class MrkEncoder implements RecordEncoder {
    private final MrkFlavor flavor;
    private final StringBuilder line = new StringBuilder(256);
    private String pendingHalf;

    /** An encoder of the given flavour. */
    public MrkEncoder(MrkFlavor flavor) {
        this.flavor = java.util.Objects.requireNonNull(flavor, "flavor");
    }

    @Override
    public byte[] separator() {
        return new byte[] {'\n'};
    }

    @Override
    public void encode(MarcRecord record, ByteArrayBuilder out) {
        StringBuilder sb = line;
        sb.setLength(0);
        sb.append("=LDR  ");
        fixed(sb, record.leader().toString()); // as the record holds it, as MarcEdit's MarcBreaker writes it
        sb.append('\n');
        List<Field> fields = record.fields();
        for (Field field : fields) {
            sb.append('=').append(field.tag()).append("  ");
            if (field instanceof ControlField) {
                fixed(sb, ((ControlField) field).data());
            } else {
                DataField df = (DataField) field;
                indicator(sb, df.indicator1());
                indicator(sb, df.indicator2());
                for (int s = 0, m = df.subfieldCount(); s < m; s++) {
                    sb.append('$');
                    text(sb, String.valueOf(df.code(s)), false);
                    text(sb, df.value(s), false);
                }
            }
            sb.append('\n');
        }
        out.appendUtf8(sb.toString());
    }

    private void fixed(StringBuilder sb, String s) {
        text(sb, s, true);
    }

    private static void indicator(StringBuilder sb, char c) {
        if (c == ' ') {
            sb.append('\\');
        } else if (c == '\\' || c == '$' || c == '{' || c == '}' || c < 0x20) {
            mnemonic(sb, c);
        } else {
            sb.append(c);
        }
    }

    /** Appends {@code s}; in fixed fields a blank becomes {@code \}. */
    private void text(StringBuilder sb, String s, boolean fixed) {
        int n = s.length();
        pendingHalf = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (pendingHalf != null) {
                sb.append(pendingHalf); // the second half of a ligature or double tilde, before the next letter
                pendingHalf = null;
            }
            if (c == ' ' && fixed) {
                sb.append('\\');
            } else if (flavor == MrkFlavor.MRK && (c >= 0x80
                    || (i + 1 < n && s.charAt(i + 1) >= 0x300 && Mnemonics.isCombining(s.charAt(i + 1))))) {
                i = cluster(sb, s, i, fixed);
            } else if (c >= 0x20 && c < 0x7F) {
                if (c == '$' || c == '{' || c == '}' || (c == '\\' && fixed)) {
                    mnemonic(sb, c);
                } else {
                    sb.append(c);
                }
            } else if (c < 0x20 || c == 0x7F) {
                mnemonic(sb, c);
            } else {
                sb.append(c);
            }
        }
        if (pendingHalf != null) {
            sb.append(pendingHalf);
            pendingHalf = null;
        }
    }

    /**
     * Writes the character at {@code i} (not ASCII) and the combining marks after it in MARC-8 order:
     * marks with a mnemonic first, then the base. Returns the index of the last character consumed.
     */
    private int cluster(StringBuilder sb, String s, int i, boolean fixed) {
        int cp = s.codePointAt(i);
        int baseEnd = i + Character.charCount(cp);
        int end = baseEnd;
        boolean allNamed = true;
        while (end < s.length() && Mnemonics.isCombining(s.charAt(end))) {
            allNamed &= Mnemonics.nameOf(s.charAt(end)) != null;
            end++;
        }
        if (Mnemonics.isCombining(cp) || end == baseEnd) {
            codePoint(sb, cp, fixed);
            return baseEnd - 1;
        }
        if (allNamed) {
            String half = null;
            for (int k = baseEnd; k < end; k++) {
                char mark = s.charAt(k);
                sb.append('{').append(Mnemonics.nameOf(mark)).append('}');
                if (mark == '\u0361') {
                    half = "{rlig}";
                } else if (mark == '\u0360') {
                    half = "{rdbltil}";
                }
            }
            codePoint(sb, cp, fixed);
            pendingHalf = half;
        } else {
            codePoint(sb, cp, fixed);
            for (int k = baseEnd; k < end; k++) {
                unicode(sb, s.charAt(k));
            }
        }
        return end - 1;
    }

    /** A base character: itself if ASCII, else its name, else {@code {U+XXXX}}. */
    private static void codePoint(StringBuilder sb, int cp, boolean fixed) {
        if (fixed && cp == ' ') {
            sb.append('\\');
            return;
        }
        if (cp >= 0x20 && cp < 0x7F && cp != '$' && cp != '{' && cp != '}' && !(fixed && cp == '\\')) {
            sb.append((char) cp);
            return;
        }
        String name = cp <= 0xFFFF && !Mnemonics.isCombining(cp) ? Mnemonics.nameOf((char) cp) : null;
        if (name != null) {
            sb.append('{').append(name).append('}');
        } else {
            unicode(sb, cp);
        }
    }

    private static void unicode(StringBuilder sb, int cp) {
        sb.append("{U+").append(String.format("%04X", cp)).append('}');
    }

    private static void mnemonic(StringBuilder sb, char c) {
        String name = Mnemonics.nameOf(c);
        if (name != null) {
            sb.append('{').append(name).append('}');
        } else {
            sb.append('{').append(String.format("%02X", (int) c)).append('}');
        }
    }
}
