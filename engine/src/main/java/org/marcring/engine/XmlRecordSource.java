package org.marcring.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.marcring.codec.MarcFormatException;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;

/**
 * A {@link RecordSource} for MARCXML: finds each {@code record} element by scanning the bytes (no XML
 * parser on the I/O thread), so that the records are parsed on the parser threads. A {@code record} element
 * counts when it is in the MARCXML namespace ({@value #MARCXML_NAMESPACE}), or in no namespace with a
 * leader, control field or data field as its first child (as {@code MarcXmlReader} decides); others (the
 * {@code record} of an OAI-PMH response) are looked into, so MARC records embedded in another document are
 * found. Comments, CDATA sections, processing instructions and the DOCTYPE are skipped; quoted attribute
 * values may hold any character.
 *
 * <p>Each record's raw bytes are its element exactly as in the input, except that namespace declarations
 * in scope from enclosing elements (e.g. {@code xmlns:marc} on a {@code <marc:collection>}) are copied into
 * its start tag, so that every record is a well-formed document on its own (also in a rejects file). Its
 * offset is that of its {@code <}. The input must be UTF-8 (or ASCII), as MARCXML is in practice.
 *
 * <p>A record cut short by the end of the input comes out flagged {@link RawRecord#TRUNCATED}; one longer
 * than the record size limit comes out in pieces flagged {@link RawRecord#OVERSIZED}; the parser rejects
 * both. Unlike a streaming XML reader, which must stop at the first place where the document is not
 * well-formed, the engine goes on after a damaged record: the framing isolates it, its parser rejects it.
 */
public final class XmlRecordSource extends ScannedSource {
    /** The MARC 21 slim namespace. */
    public static final String MARCXML_NAMESPACE = "http://www.loc.gov/MARC21/slim";

    private final int maxNestingDepth;
    /** Namespace declarations of the open elements outside records, outermost first: {prefix, uri} pairs. */
    private final List<List<String[]>> scopes = new ArrayList<>();
    // a record being scanned (kept across calls only while an oversized record comes out in pieces)
    private boolean inRecord;
    private int recordDepth;
    private int recordScan;

    XmlRecordSource(ByteInput input, ReadOptions options, Supplier<? extends RecordParser> parsers) {
        super(input, options, parsers);
        this.maxNestingDepth = options.maxNestingDepth();
    }

    /** A source over a stream; closing the source closes the stream. */
    public static XmlRecordSource of(InputStream in, ReadOptions options, Supplier<? extends RecordParser> parsers) {
        return new XmlRecordSource(new ByteInput(Objects.requireNonNull(in, "in")), options, parsers);
    }

    /** A source over a channel; closing the source closes the channel. */
    public static XmlRecordSource of(ReadableByteChannel channel, ReadOptions options,
                                     Supplier<? extends RecordParser> parsers) {
        return new XmlRecordSource(new ByteInput(Objects.requireNonNull(channel, "channel")), options, parsers);
    }

    /** A source over a file, read through a {@code FileChannel}. */
    public static XmlRecordSource open(Path file, ReadOptions options, Supplier<? extends RecordParser> parsers)
            throws IOException {
        return of(FileChannel.open(file, StandardOpenOption.READ), options, parsers);
    }

    @Override
    public boolean next(RecordSlot slot) {
        if (inRecord) {
            return scanRecord(slot, RawRecord.OVERSIZED, null);
        }
        while (true) {
            // text outside records
            while (true) {
                if (input.available() == 0 && !input.readMore()) {
                    return false;
                }
                if (input.at(0) == '<') {
                    break;
                }
                input.skip(1);
            }
            int end = tokenEnd(0);
            if (end < 0) {
                return false; // the input ends inside markup outside a record: nothing more to frame
            }
            byte b1 = input.available() > 1 ? input.at(1) : 0;
            if (b1 == '/') {
                if (!scopes.isEmpty()) {
                    scopes.remove(scopes.size() - 1);
                }
            } else if (b1 != '?' && b1 != '!') {
                StartTag tag = StartTag.parse(input, 0, end);
                String uri = tag.resolve(scopes);
                if (tag.localName.equals("record") && (uri.equals(MARCXML_NAMESPACE)
                        || uri.isEmpty() && !tag.selfClosing && firstChildIsMarc(end))) {
                    inRecord = true;
                    recordDepth = tag.selfClosing ? 0 : 1;
                    recordScan = end;
                    return scanRecord(slot, 0, tag);
                }
                if (!tag.selfClosing) {
                    if (scopes.size() >= maxNestingDepth) {
                        // every open element is remembered for its namespaces: an endless nesting must end
                        throw new MarcFormatException(ordinal, input.position(), "elements nested deeper than "
                                + "the limit of " + maxNestingDepth + " (maxNestingDepth) outside any record", null);
                    }
                    scopes.add(tag.declarations);
                }
            }
            input.skip(end);
        }
    }

    /**
     * Whether the first child element after {@code i} (from the mark) is a leader, control field or data
     * field: what makes a {@code record} in no namespace a MARC record (an OAI-PMH {@code record} holds a
     * header instead).
     */
    private boolean firstChildIsMarc(int i) {
        while (i < maxRecordBytes) {
            if (i >= input.available() && !input.ensure(i + 1)) {
                return false;
            }
            if (input.at(i) != '<') {
                i++;
                continue;
            }
            int end = tokenEnd(i);
            if (end < 0) {
                return false;
            }
            byte b1 = input.at(i + 1);
            if (b1 == '/') {
                return false; // no child element at all
            }
            if (b1 != '?' && b1 != '!') {
                String name = StartTag.parse(input, i, end).localName;
                return name.equals("leader") || name.equals("controlfield") || name.equals("datafield");
            }
            i = end;
        }
        return false;
    }

    /**
     * Scans a record from the mark to the end of its element and emits it; or emits a piece of it when it
     * grows past the size limit, or what there is when the input ends inside it.
     */
    private boolean scanRecord(RecordSlot slot, int defects, StartTag start) {
        int i = recordScan;
        while (recordDepth > 0) {
            if (i >= maxRecordBytes) {
                recordScan = 0;
                emit(slot, i, RawRecord.OVERSIZED);
                return true;
            }
            if (i >= input.available() && !input.readMore()) {
                inRecord = false;
                emit(slot, input.available(), defects | RawRecord.TRUNCATED);
                return true;
            }
            if (input.at(i) != '<') {
                i++;
                continue;
            }
            int end = tokenEnd(i);
            if (end < 0) {
                inRecord = false;
                emit(slot, input.available(), defects | RawRecord.TRUNCATED);
                return true;
            }
            byte b1 = input.at(i + 1);
            if (b1 == '/') {
                recordDepth--;
            } else if (b1 != '?' && b1 != '!' && input.at(end - 2) != '/') {
                recordDepth++;
            }
            i = end;
        }
        inRecord = false;
        if (defects == 0 && start != null) {
            emitWithScope(slot, i, start);
        } else {
            emit(slot, i, defects);
        }
        return true;
    }

    /** Emits a whole record, copying the namespace declarations in scope into its start tag. */
    private void emitWithScope(RecordSlot slot, int length, StartTag start) {
        StringBuilder extra = new StringBuilder();
        List<String> seen = new ArrayList<>();
        for (String[] d : start.declarations) {
            seen.add(d[0]);
        }
        for (int s = scopes.size() - 1; s >= 0; s--) {
            for (String[] d : scopes.get(s)) {
                if (!seen.contains(d[0])) {
                    seen.add(d[0]);
                    extra.append(' ').append(d[0].isEmpty() ? "xmlns" : "xmlns:" + d[0]).append("=\"")
                            .append(d[1].replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
                            .append('"');
                }
            }
        }
        if (extra.length() == 0) {
            emit(slot, length, 0);
            return;
        }
        byte[] add = extra.toString().getBytes(StandardCharsets.UTF_8);
        int at = start.nameEnd;
        byte[] raw = slot.rawBuffer(length + add.length);
        byte[] buf = input.buffer();
        int from = input.start();
        System.arraycopy(buf, from, raw, 0, at);
        System.arraycopy(add, 0, raw, at, add.length);
        System.arraycopy(buf, from + at, raw, at + add.length, length - at);
        slot.setRaw(length + add.length, ordinal++, input.position(), 0, -1);
        input.skip(length);
    }

    /**
     * The index (from the mark) just after the markup token starting with the {@code <} at {@code i}; -1 if
     * the input ends first.
     */
    private int tokenEnd(int i) {
        if (!input.ensure(i + 2)) {
            return -1;
        }
        byte b1 = input.at(i + 1);
        if (b1 == '?') {
            return find(i + 2, "?>");
        }
        if (b1 == '!') {
            if (input.ensure(i + 4) && input.at(i + 2) == '-' && input.at(i + 3) == '-') {
                return find(i + 4, "-->");
            }
            if (input.ensure(i + 9) && matches(i + 2, "[CDATA[")) {
                return find(i + 9, "]]>");
            }
            return declarationEnd(i + 2);
        }
        return tagEnd(i + 1);
    }

    /** After the end of a tag: the first {@code >} outside quotes. */
    private int tagEnd(int i) {
        byte quote = 0;
        while (true) {
            if (i >= input.available() && !input.ensure(i + 1)) {
                return -1;
            }
            byte b = input.at(i++);
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return i;
            }
        }
    }

    /** After a declaration such as DOCTYPE: the {@code >} outside quotes and outside an internal subset. */
    private int declarationEnd(int i) {
        int brackets = 0;
        byte quote = 0;
        while (true) {
            if (i >= input.available() && !input.ensure(i + 1)) {
                return -1;
            }
            byte b = input.at(i++);
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '[') {
                brackets++;
            } else if (b == ']') {
                brackets--;
            } else if (b == '>' && brackets <= 0) {
                return i;
            }
        }
    }

    /** After the first occurrence of {@code terminator} at or after {@code i}; -1 if the input ends first. */
    private int find(int i, String terminator) {
        int n = terminator.length();
        while (true) {
            if (!input.ensure(i + n)) {
                return -1;
            }
            if (matches(i, terminator)) {
                return i + n;
            }
            i++;
        }
    }

    private boolean matches(int i, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            if (input.at(i + k) != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A parser that rejects cut and oversized records and hands whole ones to the format's parser. */
    @Override
    public RecordParser newParser() {
        RecordParser format = formatParser();
        return slot -> {
            if ((slot.defects() & (RawRecord.OVERSIZED | RawRecord.TRUNCATED)) != 0) {
                String why = (slot.defects() & RawRecord.TRUNCATED) != 0
                        ? "the input ends inside this record element"
                        : "record element longer than the " + slot.rawLength() + "-byte record size limit";
                throw new MarcFormatException(slot.ordinal(), slot.byteOffset(), why, slot.copyOfRaw());
            }
            return format.parse(slot);
        };
    }

    /** A start tag's name and namespace declarations, read from the bytes of the token at the mark. */
    static final class StartTag {
        final String prefix;
        final String localName;
        /** Index (from the mark) just after the element name. */
        final int nameEnd;
        final boolean selfClosing;
        final List<String[]> declarations = new ArrayList<>(2);

        private StartTag(String qname, int nameEnd, boolean selfClosing) {
            int colon = qname.indexOf(':');
            this.prefix = colon < 0 ? "" : qname.substring(0, colon);
            this.localName = colon < 0 ? qname : qname.substring(colon + 1);
            this.nameEnd = nameEnd;
            this.selfClosing = selfClosing;
        }

        /** Reads the tag occupying {@code [mark + from, mark + end)}. */
        static StartTag parse(ByteInput in, int from, int end) {
            int i = from + 1;
            while (i < end && !isSpace(in.at(i)) && in.at(i) != '>' && in.at(i) != '/') {
                i++;
            }
            StartTag tag = new StartTag(ascii(in, from + 1, i), i, in.at(end - 2) == '/');
            // attributes: name = "value"
            while (i < end) {
                while (i < end && (isSpace(in.at(i)) || in.at(i) == '/' || in.at(i) == '>')) {
                    i++;
                }
                int nameStart = i;
                while (i < end && in.at(i) != '=' && !isSpace(in.at(i)) && in.at(i) != '>') {
                    i++;
                }
                String name = ascii(in, nameStart, i);
                while (i < end && in.at(i) != '"' && in.at(i) != '\'') {
                    if (in.at(i) == '>') {
                        return tag;
                    }
                    i++;
                }
                if (i >= end) {
                    break;
                }
                byte quote = in.at(i++);
                int valueStart = i;
                while (i < end && in.at(i) != quote) {
                    i++;
                }
                if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                    String p = name.length() > 5 ? name.substring(6) : "";
                    byte[] v = new byte[i - valueStart];
                    for (int k = 0; k < v.length; k++) {
                        v[k] = in.at(valueStart + k);
                    }
                    String uri = new String(v, StandardCharsets.UTF_8).replace("&quot;", "\"").replace("&apos;", "'")
                            .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
                    tag.declarations.add(new String[] {p, uri});
                }
                i++;
            }
            return tag;
        }

        /** The namespace of the element: its own declarations first, then the scopes, innermost first. */
        String resolve(List<List<String[]>> scopes) {
            for (String[] d : declarations) {
                if (d[0].equals(prefix)) {
                    return d[1];
                }
            }
            for (int s = scopes.size() - 1; s >= 0; s--) {
                for (String[] d : scopes.get(s)) {
                    if (d[0].equals(prefix)) {
                        return d[1];
                    }
                }
            }
            return "";
        }

        private static boolean isSpace(byte b) {
            return b == ' ' || b == '\t' || b == '\n' || b == '\r';
        }

        private static String ascii(ByteInput in, int from, int to) {
            StringBuilder sb = new StringBuilder(to - from);
            for (int k = from; k < to; k++) {
                sb.append((char) (in.at(k) & 0xFF));
            }
            return sb.toString();
        }
    }
}
