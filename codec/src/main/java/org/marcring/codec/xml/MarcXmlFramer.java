package org.marcring.codec.xml;

import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.marcring.codec.MarcException;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.io.ByteWindow;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.TextFramer;
import org.marcring.codec.iso2709.RawRecord;

/**
 * The framer of MARCXML: finds each {@code record} element by scanning the bytes (no XML parser), so that
 * records can be parsed one by one, on other threads or machines. A {@code record} element counts when it is
 * in the MARCXML namespace ({@value MarcXml#NAMESPACE}), or in no namespace with a leader, control field or
 * data field as its first child (as {@link MarcXmlReader} decides); others (the {@code record} of an OAI-PMH
 * response) are looked into, so MARC records embedded in another document are found. Comments, CDATA
 * sections, processing instructions and the DOCTYPE are skipped; quoted attribute values may hold any
 * character.
 *
 * <p>Each record's raw bytes are its element exactly as in the input; its offset is that of its {@code <}.
 * Namespace declarations in scope from enclosing elements (e.g. {@code xmlns:marc} on a
 * {@code <marc:collection>}) are not in those bytes: {@link #inheritedNamespaces()} gives them, and
 * {@link #withInheritedNamespaces(byte[], int, int, byte[])} makes the record a well-formed document on its own.
 * The input must be UTF-8 (or ASCII), as MARCXML is in practice.
 *
 * <p>A record cut short by the end of the input, or by the start tag of another {@code record} element
 * inside it (its end tag, or an end tag in it, is missing), comes out flagged {@link RawRecord#TRUNCATED};
 * the next record starts at that start tag. One longer than the record size limit comes out in pieces flagged
 * {@link RawRecord#OVERSIZED}. A tag ends at its {@code >} or, when broken, at the next {@code <}. Unlike a
 * streaming XML reader, which must stop at the first place where the document is not well-formed, the framer
 * goes on after a damaged record, which costs that record only.
 *
 * <p>An input that holds more than blanks but no record, and is not an empty MARCXML {@code collection}, is
 * refused at its end with a {@link MarcException} that names what it holds instead: its root element and first
 * element inside it (an HTML page, another XML format, a collection of fields without records), or its first
 * bytes where it is not XML.
 */
public final class MarcXmlFramer extends TextFramer {
    private static final byte[] NONE = new byte[0];
    /** How many of the first bytes are kept, to show them where the input is not XML. */
    private static final int HEAD = 24;
    /** What the scan of a token answers when it goes on past the record size limit. */
    private static final int TOO_LONG = -2;

    private final int maxNestingDepth;
    /** Namespace declarations of the open elements outside records, outermost first: {prefix, uri} pairs. */
    private final List<List<String[]>> scopes = new ArrayList<>();
    // a record being scanned (kept across calls only while an oversized record comes out in pieces)
    private boolean inRecord;
    private int recordDepth;
    private int recordScan;
    private byte[] inherited = NONE;
    // what the input holds, to say so where it holds no record
    private byte[] head;
    private String rootElement;
    private String rootNamespace;
    private String firstChild;
    private boolean refusedEmpty;
    private String found;
    private String doctypeAt;
    private boolean continuing;

    private MarcXmlFramer(ByteWindow input, ReadOptions options) {
        super(input, options);
        this.maxNestingDepth = options.maxNestingDepth();
    }

    /** A framer over a window; closing the framer closes it. */
    public static MarcXmlFramer of(ByteWindow input, ReadOptions options) {
        return new MarcXmlFramer(input, options);
    }

    /** A framer over a stream; closing the framer closes the stream. */
    public static MarcXmlFramer of(InputStream in, ReadOptions options) {
        return new MarcXmlFramer(ByteWindow.of(in), options);
    }

    /** A framer over a channel; closing the framer closes the channel. */
    public static MarcXmlFramer of(ReadableByteChannel channel, ReadOptions options) {
        return new MarcXmlFramer(ByteWindow.of(channel), options);
    }

    /**
     * The namespace declarations in scope for the record last framed that its own start tag does not make,
     * as UTF-8 attribute text (each with a leading blank, e.g. <code> xmlns:marc="…"</code>); empty when there
     * are none or the piece is a later piece of an oversized record. A record cut short has them too, so that a
     * parser can say what is wrong with it. Valid until the next call of {@link #next(RawRecord)}.
     */
    public byte[] inheritedNamespaces() {
        return inherited;
    }

    /**
     * The {@code length} bytes of a record at {@code offset} in {@code buffer}, with {@code declarations}
     * inserted after the element name of its start tag: a record that is a well-formed document on its own.
     */
    public static byte[] withInheritedNamespaces(byte[] buffer, int offset, int length, byte[] declarations) {
        int at = 1;
        while (at < length && !isSpace(buffer[offset + at]) && buffer[offset + at] != '>'
                && buffer[offset + at] != '/') {
            at++;
        }
        byte[] out = new byte[length + declarations.length];
        System.arraycopy(buffer, offset, out, 0, at);
        System.arraycopy(declarations, 0, out, at, declarations.length);
        System.arraycopy(buffer, offset + at, out, at + declarations.length, length - at);
        return out;
    }

    /** Why a piece of {@code length} bytes with these framing defects is not a record; {@code null} if it may be. */
    public static String describeDefects(int defects, int length) {
        if ((defects & RawRecord.TRUNCATED) != 0) {
            return "the record element is not closed: the input ends, or the next record starts, inside it";
        }
        if ((defects & RawRecord.OVERSIZED) != 0) {
            return "record element longer than the " + length + "-byte record size limit";
        }
        return null;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /**
     * Whether the piece last framed continues the one before it: a later piece of a record longer than the size
     * limit, so that a reader can count the record once.
     */
    @Override
    public boolean continuesPrevious() {
        return continuing;
    }

    /**
     * Where the first DOCTYPE declaration passed over outside the records is ({@code "line L, column C: "} where
     * the window counts lines, else empty); null where there was none so far.
     */
    String doctypeAt() {
        return doctypeAt;
    }

    /**
     * What an input that holds no record holds instead (after {@link #next(RawRecord)} refused it): its root
     * element and first element inside it, or its first bytes where it is not XML.
     */
    String foundInstead() {
        return found;
    }

    @Override
    public boolean next(RawRecord into) {
        inherited = NONE;
        continuing = inRecord;
        if (head == null) {
            input.ensure(HEAD);
            head = new byte[Math.min(HEAD, input.available())];
            for (int k = 0; k < head.length; k++) {
                head[k] = input.at(k);
            }
        }
        if (inRecord) {
            return scanRecord(into, RawRecord.OVERSIZED, null);
        }
        while (true) {
            // text outside records
            while (true) {
                if (input.available() == 0 && !input.readMore()) {
                    return endOfInput();
                }
                if (input.at(0) == '<') {
                    break;
                }
                input.skip(1);
            }
            int end = tokenEnd(0);
            if (end == TOO_LONG && !input.ensure(maxRecordBytes)) {
                return endOfInput(); // the input ends inside markup outside a record, before the limit
            }
            if (end == TOO_LONG) {
                throw new MarcFormatException(recordsFramed(), input.position(), "markup longer than the "
                        + maxRecordBytes + "-byte record size limit outside any record", null);
            }
            if (end < 0) {
                return endOfInput(); // the input ends inside markup outside a record: nothing more to frame
            }
            byte b1 = input.available() > 1 ? input.at(1) : 0;
            if (b1 == '!' && doctypeAt == null && end > 9 && matches(2, "DOCTYPE")) {
                doctypeAt = !input.countsLines() ? "" : "line " + input.lineOf(input.position()) + ", column "
                        + input.columnOf(input.position(), true) + ": ";
            }
            if (b1 == '/') {
                if (!scopes.isEmpty()) {
                    scopes.remove(scopes.size() - 1);
                }
            } else if (b1 != '?' && b1 != '!') {
                StartTag tag = StartTag.parse(input, 0, end);
                String uri = tag.resolve(scopes);
                if (rootElement == null) {
                    rootElement = tag.qname;
                    rootNamespace = uri;
                } else if (firstChild == null) {
                    firstChild = tag.qname;
                }
                if (tag.localName.equals("record") && (uri.equals(MarcXml.NAMESPACE)
                        || uri.isEmpty() && !tag.selfClosing && firstChildIsMarc(end))) {
                    inRecord = true;
                    recordDepth = tag.selfClosing ? 0 : 1;
                    recordScan = end;
                    return scanRecord(into, 0, tag);
                }
                if (!tag.selfClosing) {
                    if (scopes.size() >= maxNestingDepth) {
                        // every open element is remembered for its namespaces: an endless nesting must end
                        throw new MarcFormatException(recordsFramed(), input.position(), "elements nested deeper than "
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
    private boolean scanRecord(RawRecord into, int defects, StartTag start) {
        int i = recordScan;
        while (recordDepth > 0) {
            if (i >= maxRecordBytes) {
                recordScan = 0;
                emitWithScope(into, i, RawRecord.OVERSIZED, start);
                return true;
            }
            if (i >= input.available() && !input.readMore()) {
                inRecord = false;
                if (input.available() == 0) {
                    return false; // the last piece of an oversized record ended with the input
                }
                emitWithScope(into, input.available(), defects | RawRecord.TRUNCATED, start);
                return true;
            }
            if (input.at(i) != '<') {
                i = nextMarkup(i + 1);
                continue;
            }
            int end = tokenEnd(i);
            if (end == TOO_LONG) {
                if (!input.ensure(maxRecordBytes)) { // the token scan stopped at the limit, the input before it
                    inRecord = false;
                    emitWithScope(into, input.available(), defects | RawRecord.TRUNCATED, start);
                    return true;
                }
                recordScan = 0;
                emitWithScope(into, maxRecordBytes, RawRecord.OVERSIZED, start);
                return true;
            }
            if (end < 0) {
                inRecord = false;
                emitWithScope(into, input.available(), defects | RawRecord.TRUNCATED, start);
                return true;
            }
            byte b1 = input.at(i + 1);
            if (b1 == '/') {
                recordDepth--;
            } else if (b1 != '?' && b1 != '!') {
                if (isRecordStartTag(i, end)) {
                    // a record element never holds another: this one lacks an end tag, and the next starts here
                    inRecord = false;
                    if (i == 0) {
                        return next(into); // the pieces of an oversized record ended right before it
                    }
                    emitWithScope(into, i, defects | RawRecord.TRUNCATED, start);
                    return true;
                }
                if (input.at(end - 2) != '/') {
                    recordDepth++;
                }
            }
            i = end;
        }
        inRecord = false;
        emitWithScope(into, i, defects, start);
        return true;
    }

    /**
     * Emits a record, or the first piece of one, remembering the namespace declarations in scope that its start
     * tag lacks ({@code start} is null for a later piece of an oversized record).
     */
    private void emitWithScope(RawRecord into, int length, int defects, StartTag start) {
        if (start == null) {
            emit(into, length, defects);
            return;
        }
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
        inherited = extra.length() == 0 ? NONE : extra.toString().getBytes(StandardCharsets.UTF_8);
        emit(into, length, defects);
    }

    /**
     * The index (from the mark) just after the markup token starting with the {@code <} at {@code i}; -1 if
     * the input ends first, {@link #TOO_LONG} if the token goes on past the record size limit.
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

    /**
     * At the end of the input: {@code false}, or a {@link MarcException} where no record was found in an input
     * that holds more than blanks and is not an empty MARCXML collection, naming what it holds instead.
     */
    private boolean endOfInput() {
        if (recordsFramed() > 0 || refusedEmpty) {
            return false;
        }
        refusedEmpty = true;
        boolean blank = true;
        for (byte b : head) {
            blank &= isSpace(b);
        }
        if (blank || firstChild == null && "collection".equals(localName(rootElement))
                && (rootNamespace.equals(MarcXml.NAMESPACE) || rootNamespace.isEmpty())) {
            return false; // an empty collection
        }
        if (rootElement == null) {
            found = isXmlNameStart(head.length > 1 ? head[1] : 0) || head.length > 1 && (head[1] == '?' || head[1] == '!')
                    ? "no element" : "not XML: it starts with " + shown(head);
        } else if (rootElement.isEmpty() || !isXmlNameStart((byte) rootElement.charAt(0))) {
            found = "not XML: it starts with " + shown(head);
        } else {
            found = "the root element is <" + rootElement + ">"
                    + (rootNamespace.isEmpty() ? "" : " in the namespace " + rootNamespace)
                    + (firstChild == null ? "" : ", holding <" + firstChild + ">");
        }
        throw new MarcException("no MARCXML record in the input (" + input.position() + " bytes): " + found);
    }

    private static String localName(String qname) {
        return qname == null ? null : qname.substring(qname.indexOf(':') + 1);
    }

    private static boolean isXmlNameStart(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b == ':' || b < 0;
    }

    /** Bytes as text: printable ASCII as it is, others as {@code \xNN}. */
    private static String shown(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b & 0xFF));
            }
        }
        return sb.toString();
    }

    /** Whether the start tag in {@code [i, end)} (from the mark) is of an element named {@code record}, any prefix. */
    private boolean isRecordStartTag(int i, int end) {
        byte[] b = input.buffer();
        int s = input.start();
        int nameEnd = i + 1;
        while (nameEnd < end) {
            byte c = b[s + nameEnd];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/' || c == '<') {
                break;
            }
            nameEnd++;
        }
        int local = nameEnd - 6;
        return local > i && b[s + local] == 'r' && b[s + local + 1] == 'e' && b[s + local + 2] == 'c'
                && b[s + local + 3] == 'o' && b[s + local + 4] == 'r' && b[s + local + 5] == 'd'
                && (local == i + 1 || b[s + local - 1] == ':');
    }

    /**
     * The index (from the mark) of the first {@code <} at or after {@code i} among the bytes in the window and
     * within the size limit; or the index just past what was looked at.
     */
    private int nextMarkup(int i) {
        byte[] b = input.buffer();
        int s = input.start();
        int end = Math.min(input.available(), maxRecordBytes);
        while (i < end && b[s + i] != '<') {
            i++;
        }
        return i;
    }

    /**
     * After the end of a tag: the first {@code >} outside quotes; or the next {@code <}, which no well-formed
     * tag holds (not even in a quoted value), so that a broken tag or a stray quote costs no more than itself.
     */
    private int tagEnd(int from) {
        int i = from;
        byte quote = 0;
        while (true) {
            // the bytes in the window, looked at directly; more read once they run out
            byte[] window = input.buffer();
            int mark = input.start();
            int end = Math.min(input.available(), maxRecordBytes);
            while (i < end) {
                byte c = window[mark + i];
                if (c == '<' && i > from) {
                    return i;
                }
                i++;
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i;
                }
            }
            if (i >= maxRecordBytes) {
                return TOO_LONG;
            }
            if (!input.ensure(i + 1)) {
                return -1;
            }
        }
    }

    /** After a declaration such as DOCTYPE: the {@code >} outside quotes and outside an internal subset. */
    private int declarationEnd(int i) {
        int brackets = 0;
        byte quote = 0;
        while (true) {
            if (i >= maxRecordBytes) {
                return TOO_LONG;
            }
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
            if (i + n > maxRecordBytes) {
                return TOO_LONG;
            }
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

    /** A start tag's name and namespace declarations, read from the bytes of the token at the mark. */
    static final class StartTag {
        final String qname;
        final String prefix;
        final String localName;
        /** Index (from the mark) just after the element name. */
        final int nameEnd;
        final boolean selfClosing;
        final List<String[]> declarations = new ArrayList<>(2);

        private StartTag(String qname, int nameEnd, boolean selfClosing) {
            this.qname = qname;
            int colon = qname.indexOf(':');
            this.prefix = colon < 0 ? "" : qname.substring(0, colon);
            this.localName = colon < 0 ? qname : qname.substring(colon + 1);
            this.nameEnd = nameEnd;
            this.selfClosing = selfClosing;
        }

        /** Reads the tag occupying {@code [mark + from, mark + end)}. */
        static StartTag parse(ByteWindow in, int from, int end) {
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

        private static String ascii(ByteWindow in, int from, int to) {
            StringBuilder sb = new StringBuilder(to - from);
            for (int k = from; k < to; k++) {
                sb.append((char) (in.at(k) & 0xFF));
            }
            return sb.toString();
        }
    }
}
