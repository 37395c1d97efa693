package org.marcring.codec.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataCharacters;
import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcError.Severity;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteWindow;
import org.marcring.codec.io.SequentialReader;
import org.marcring.codec.io.SubfieldBuffer;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;

/**
 * Reads MARCXML records as they stream past: a {@code <collection>} of {@code <record>}s, a bare
 * {@code <record>}, with or without a namespace prefix, XML declaration or byte-order mark, or records embedded
 * anywhere in another document (an OAI-PMH or SRU response). A {@code record} element counts when it is in the
 * MARCXML namespace, or in no namespace and holds MARC content (a leader or fields). {@link MarcXmlFramer} finds
 * each record element in the bytes, and the JDK's StAX parser reads it as a document of its own, with the
 * namespace declarations in scope for it; only one record is held at a time.
 *
 * <p>Documents with a DOCTYPE are refused, so nothing is ever fetched from a file or the network on
 * a document's say-so and no entity is expanded.
 *
 * <p>Structural faults in a record (a field without a tag, an unknown element, a leader of the wrong
 * length) are repaired and listed in {@link MarcRecord#errors()} in permissive mode; in strict mode
 * the record is read to its end and then refused with a {@link MarcFormatException}, and the next
 * call goes on with the following record. A record that is not well-formed XML (a missing end tag, a broken
 * tag, a bad character reference) or longer than {@link ReadOptions#maxRecordBytes()} is refused alone, with its
 * ordinal, byte offset, bytes exactly as in the input and the line and column of the fault in the input; reading
 * goes on with the next record. Only a fault outside any record (markup longer than the size limit, elements
 * nested too deep) ends the reading.
 *
 * <p>A document with no MARC record that is not an empty MARCXML {@code collection} (an HTML page, another
 * XML format, a collection of fields without records) ends with a {@link MarcException} naming its root element,
 * as {@link MarcXmlFramer} does.
 */
public final class MarcXmlReader extends SequentialReader {
    /** Leader given to a record that has none: blanks, with the fixed parts of a MARC 21 leader. */
    static final String MISSING_LEADER = "          22        4500";

    private final ByteWindow window;
    private final MarcXmlFramer framer;
    private final RawRecord raw = new RawRecord();
    private final PieceStream piece = new PieceStream();
    private final XMLInputFactory factory;
    private final String encoding;
    private final ReadOptions options;
    private final StringBuilder text = new StringBuilder(256);
    private final List<MarcError> problems = new ArrayList<>();
    private final SubfieldBuffer subfields = new SubfieldBuffer();
    /** The parser of the record being read: each record is parsed as a document of its own. */
    private XMLStreamReader xml;
    private boolean done;
    private long ordinal;
    private int recordChars;
    private boolean inOversized;
    // where the record being read starts in the input, to give positions in the input, not in the record
    private long pieceLine;
    private long pieceColumn;
    /** Index of the first character after the record's element name, and length of the declarations put there. */
    private int insertedAt;
    private int insertedLength;

    private MarcXmlReader(InputStream input, ReadOptions options) {
        super(options);
        this.options = Objects.requireNonNull(options, "options");
        try {
            this.window = ByteWindow.forReader(Utf16Input.utf8(input));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        window.countLines();
        this.encoding = declaredEncoding(window);
        this.framer = MarcXmlFramer.of(window, options);
        // one factory, a parser per record: the JDK's "reuse-instance" would save a little per record, but its
        // parser keeps each document it was reset from (some 8 KB a record), so the heap would grow with the input
        this.factory = newFactory(options.maxNestingDepth());
    }

    /** A reader over {@code in} (closing the reader closes it). */
    public static MarcXmlReader open(InputStream in, ReadOptions options) {
        return new MarcXmlReader(Objects.requireNonNull(in, "in"), options);
    }

    /** A permissive reader over {@code in}. */
    public static MarcXmlReader open(InputStream in) {
        return open(in, ReadOptions.defaults());
    }

    /** A reader over a file. */
    public static MarcXmlReader open(Path path, ReadOptions options) {
        try {
            return open(Files.newInputStream(path), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A permissive reader over a file. */
    public static MarcXmlReader open(Path path) {
        return open(path, ReadOptions.defaults());
    }

    /**
     * A StAX factory that refuses DTDs and external entities and elements nested deeper than {@code maxDepth}
     * (the JDK parser keeps every open element, so an endless nesting would exhaust the heap).
     */
    static XMLInputFactory newFactory(int maxDepth) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty("jdk.xml.maxElementDepth", Integer.toString(maxDepth));
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        return f;
    }

    /**
     * The encoding the XML declaration at the start of the input names, where it is a single-byte one other than
     * UTF-8 or ASCII (each record, parsed alone, must be decoded as the document says); null otherwise.
     */
    private static String declaredEncoding(ByteWindow in) {
        if (!in.ensure(5) || in.at(0) != '<' || in.at(1) != '?' || in.at(2) != 'x') {
            return null; // no XML declaration (as with each record the engine parses alone)
        }
        in.ensure(256);
        int n = Math.min(256, in.available());
        StringBuilder head = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            head.append((char) (in.at(i) & 0xFF));
        }
        String h = head.toString();
        if (!h.startsWith("<?xml")) {
            return null;
        }
        int close = h.indexOf("?>");
        int at = h.indexOf("encoding");
        if (close < 0 || at < 0 || at > close) {
            return null;
        }
        int q = at + "encoding".length();
        while (q < close && h.charAt(q) != '"' && h.charAt(q) != '\'') {
            q++;
        }
        int e = q + 1 < close ? h.indexOf(h.charAt(q), q + 1) : -1;
        if (e < 0 || e > close) {
            return null;
        }
        String name = h.substring(q + 1, e).trim();
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.equals("UTF-8") || upper.equals("UTF8") || upper.equals("US-ASCII") || upper.equals("ASCII")
                || upper.startsWith("UTF-16") || upper.startsWith("UTF-32") || name.isEmpty() ? null : name;
    }

    @Override
    public void close() {
        done = true;
        end();
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // closing never loses data; nothing to report
        } finally {
            framer.close();
        }
    }

    @Override
    protected MarcRecord readNext() {
        while (!done) {
            boolean framed;
            try {
                framed = framer.next(raw);
            } catch (MarcFormatException e) {
                done = true;
                throw e;
            } catch (MarcException e) {
                done = true;
                String found = framer.foundInstead();
                throw found == null ? e : new MarcException("no MARCXML record in the input: " + found);
            }
            if (framer.doctypeAt() != null) {
                throw refusedDtd(framer.doctypeAt());
            }
            if (!framed) {
                done = true;
                return null;
            }
            if (inOversized && framer.continuesPrevious()) {
                continue; // a later piece of the record already refused
            }
            inOversized = false;
            locatePiece();
            if ((raw.defects() & RawRecord.OVERSIZED) != 0) {
                inOversized = true;
                throw oversized();
            }
            MarcRecord r = decodePiece();
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /**
     * The refusal of a record longer than the size limit, from its first piece: what the XML parser finds wrong
     * in that piece before its end (elements nested too deep, too many fields), or else its size.
     */
    private MarcFormatException oversized() {
        long recordOrdinal = ordinal;
        placePiece();
        String fault = "line " + pieceLine + ", column " + pieceColumn + ": record longer than "
                + options.maxRecordBytes() + " bytes";
        try {
            decodePiece();
        } catch (MarcFormatException e) {
            Throwable cause = e.getCause();
            String why = cause == null ? "" : String.valueOf(cause.getMessage());
            if (!why.contains("document ends") && !why.contains("must start and end within the same entity")) {
                fault = e.fault();
            }
        }
        ordinal = recordOrdinal + 1;
        return new MarcFormatException(recordOrdinal, raw.byteOffset(), fault, null);
    }

    /** Notes where the record just framed starts; its line and column are counted when first needed. */
    private void locatePiece() {
        pieceLine = -1;
    }

    /** Finds the line and column in the input of the start of the record just framed. */
    private void placePiece() {
        if (pieceLine < 0) {
            pieceLine = window.lineOf(raw.byteOffset());
            pieceColumn = window.columnOf(raw.byteOffset(), true);
        }
    }

    /**
     * Parses the record just framed as a document of its own, with the namespace declarations in scope for it;
     * null where it holds no MARC content. What is wrong with it refuses it alone, with its input bytes.
     */
    private MarcRecord decodePiece() {
        byte[] inherited = framer.inheritedNamespaces();
        if (inherited.length == 0) {
            insertedAt = Integer.MAX_VALUE;
            insertedLength = 0;
            piece.point(raw.buffer(), raw.offset(), raw.length());
        } else {
            byte[] whole = MarcXmlFramer.withInheritedNamespaces(raw.buffer(), raw.offset(), raw.length(), inherited);
            int at = 1; // where withInheritedNamespaces puts them: after the element name
            while (at < whole.length && whole[at] != ' ' && whole[at] != '\t' && whole[at] != '\n'
                    && whole[at] != '\r' && whole[at] != '>' && whole[at] != '/') {
                at++;
            }
            insertedAt = at + 1; // columns are 1-based
            insertedLength = inherited.length;
            piece.point(whole, 0, whole.length);
        }
        long recordOrdinal = ordinal;
        try {
            xml = encoding == null ? factory.createXMLStreamReader(piece) : factory.createXMLStreamReader(piece, encoding);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return isRecord() ? record() : null;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            MarcFormatException refused = withInputBytes(malformed(e));
            ordinal = recordOrdinal + 1;
            throw refused;
        } catch (MarcFormatException e) {
            ordinal = recordOrdinal + 1;
            throw withInputBytes(e);
        } finally {
            closePiece();
        }
    }

    private void closePiece() {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // closing never loses data; nothing to report
            }
            xml = null;
        }
    }

    /** The refusal of the record just framed, with its byte offset and its bytes exactly as in the input. */
    private MarcFormatException withInputBytes(MarcFormatException e) {
        String fault = e.fault();
        if ((raw.defects() & RawRecord.TRUNCATED) != 0 && !fault.contains("not well-formed")) {
            fault = fault + " (" + MarcXmlFramer.describeDefects(raw.defects(), raw.length()) + ")";
        }
        MarcFormatException located = new MarcFormatException(e.ordinal(), raw.byteOffset(), fault, raw.copy());
        if (e.getCause() != null) {
            located.initCause(e.getCause());
        }
        return located;
    }

    private boolean isRecord() {
        if (!"record".equals(xml.getLocalName())) {
            return false;
        }
        String ns = xml.getNamespaceURI();
        return ns == null || ns.isEmpty() || MarcXml.NAMESPACE.equals(ns);
    }

    private boolean inMarcNamespace() {
        return MarcXml.NAMESPACE.equals(xml.getNamespaceURI());
    }

    /**
     * Reads from the start tag of a record to its end tag; null where it was a no-namespace
     * {@code record} element with no MARC content (e.g. an OAI-PMH record of Dublin Core).
     */
    private MarcRecord record() throws XMLStreamException {
        boolean marcNamespace = inMarcNamespace();
        String ns = xml.getNamespaceURI();
        problems.clear();
        recordChars = 0;
        String leader = null;
        List<Field> fields = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!sameNamespace(ns)) {
                    depth++; // foreign markup inside a record: look through it
                    continue;
                }
                String name = xml.getLocalName();
                switch (name) {
                    case "leader":
                        if (leader != null) {
                            problem(Severity.ERROR, null, "a second <leader> replaces the first");
                        }
                        leader = readText();
                        break;
                    case "controlfield":
                        addControlField(fields);
                        break;
                    case "datafield":
                        addDataField(fields);
                        break;
                    case "record":
                        if (leader == null && fields.isEmpty()) {
                            return record(); // the outer element was a wrapper (OAI-PMH without namespaces)
                        }
                        problem(Severity.ERROR, null, "<record> inside a record: inner record read as part of it");
                        depth++;
                        break;
                    default:
                        if (marcNamespace) {
                            problem(Severity.WARNING, null, "unexpected element <" + name + "> in <record> ignored");
                        }
                        depth++;
                        break;
                }
                if (fields.size() > options.maxFields()) {
                    problem(Severity.FATAL, null, "more than " + options.maxFields() + " fields");
                    skipRecord(depth);
                    throw refuse(problems.get(problems.size() - 1).message());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ends inside a record", xml.getLocation());
            }
        }
        if (!marcNamespace && leader == null && fields.isEmpty()) {
            return null;
        }
        long thisOrdinal = ordinal++;
        if (leader == null) {
            problem(Severity.WARNING, null, "no <leader>: a blank leader was supplied");
            leader = MISSING_LEADER;
        } else if (leader.length() != Leader.LENGTH) {
            problem(Severity.ERROR, null, leaderLengthProblem(leader));
            leader = fitLeader(leader);
        }
        if (options.isStrict() && hasSerious(problems)) {
            throw new MarcFormatException(thisOrdinal, -1, firstSerious(problems), null);
        }
        return new MarcRecord(Leader.of(leader), fields, problems);
    }

    private boolean sameNamespace(String ns) {
        String here = xml.getNamespaceURI();
        return Objects.equals(emptyToNull(here), emptyToNull(ns));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private void skipRecord(int depth) throws XMLStreamException {
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
        }
    }

    private void addControlField(List<Field> fields) throws XMLStreamException {
        String tag = tag();
        String data = readText();
        if (tag == null) {
            problem(Severity.ERROR, null, "<controlfield> without a tag dropped: '" + data + "'");
            return;
        }
        fields.add(new ControlField(tag, data));
        checkCharacters(fields);
    }

    /** Applies {@link DataCharacters}' rule to the field just added, reporting at the reader's position. */
    private void checkCharacters(List<Field> fields) {
        DataCharacters.repair(fields.subList(fields.size() - 1, fields.size()),
                (index, tag, message) -> problem(Severity.ERROR, tag, message));
    }

    private void addDataField(List<Field> fields) throws XMLStreamException {
        String tag = tag();
        char ind1 = indicator("ind1", tag);
        char ind2 = indicator("ind2", tag);
        SubfieldBuffer subfields = this.subfields;
        subfields.clear();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("subfield".equals(name)) {
                    String code = xml.getAttributeValue(null, "code");
                    String value = readText();
                    if (code == null || code.isEmpty()) {
                        problem(Severity.ERROR, tag, "<subfield> without a code dropped: '" + value + "'");
                    } else {
                        if (code.length() > 1) {
                            problem(Severity.ERROR, tag, "subfield code '" + code + "' cut to its first character");
                        }
                        subfields.add(code.charAt(0), value);
                    }
                } else {
                    String value = readText();
                    problem(Severity.ERROR, tag, "unexpected element <" + name + "> in <datafield> dropped: '"
                            + value + "'");
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ends inside a datafield", xml.getLocation());
            }
        }
        if (tag == null) {
            problem(Severity.ERROR, null, "<datafield> without a tag dropped: " + subfields);
            return;
        }
        fields.add(subfields.toField(tag, ind1, ind2));
        checkCharacters(fields);
    }

    /** The tag attribute, repaired to three characters where that is possible; null where absent. */
    private String tag() {
        String tag = xml.getAttributeValue(null, "tag");
        if (tag == null || tag.isEmpty()) {
            return null;
        }
        if (tag.length() == 3) {
            return tag;
        }
        if (tag.length() < 3) {
            String padded = "0".repeat(3 - tag.length()) + tag;
            problem(Severity.ERROR, padded, "tag '" + tag + "' padded to '" + padded + "'");
            return padded;
        }
        String cut = tag.substring(0, 3);
        problem(Severity.ERROR, cut, "tag '" + tag + "' cut to '" + cut + "'");
        return cut;
    }

    private char indicator(String name, String tag) {
        String v = xml.getAttributeValue(null, name);
        if (v == null || v.isEmpty()) {
            problem(Severity.WARNING, tag, (v == null ? "no " : "empty ") + name + ": taken as blank");
            return ' ';
        }
        if (v.length() > 1) {
            problem(v.substring(1).isBlank() ? Severity.WARNING : Severity.ERROR, tag,
                    name + " '" + v + "' cut to its first character");
        }
        return v.charAt(0);
    }

    /** The text of the current element up to its end tag; child elements are reported and skipped. */
    private String readText() throws XMLStreamException {
        text.setLength(0);
        String single = null;
        int pieces = 0;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                case XMLStreamConstants.ENTITY_REFERENCE:
                    if (recordChars + text.length() + (single == null ? 0 : single.length()) + xml.getTextLength()
                            > options.maxRecordBytes()) {
                        skipRecord(1); // the rest of the record is passed over while looking for the next
                        throw new MarcFormatException(ordinal++, -1, at() + "record longer than "
                                + options.maxRecordBytes() + " characters", null);
                    }
                    if (pieces == 0) {
                        single = xml.getText();
                    } else {
                        if (pieces == 1) {
                            text.append(single);
                            single = null;
                        }
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                    pieces++;
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    problem(Severity.ERROR, null, "element <" + xml.getLocalName() + "> inside text skipped");
                    skipRecord(1);
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    String result = pieces == 0 ? "" : pieces == 1 ? single : text.toString();
                    recordChars += result.length();
                    return result;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new XMLStreamException("document ends inside an element", xml.getLocation());
                default:
                    break; // comments, processing instructions
            }
        }
    }

    private void problem(Severity severity, String tag, String message) {
        problems.add(new MarcError(severity, tag, -1, at() + message));
    }

    private String at() {
        return "line " + line() + ", column " + column() + ": ";
    }

    private long line() {
        Location l = xml.getLocation();
        return l == null ? -1 : inputLine(l.getLineNumber());
    }

    private long column() {
        Location l = xml.getLocation();
        return l == null ? -1 : inputColumn(l.getLineNumber(), l.getColumnNumber());
    }

    /** The line in the input of a line of the record being parsed. */
    private long inputLine(int line) {
        placePiece();
        return line <= 0 ? line : pieceLine + line - 1;
    }

    /** The column in the input of a column of the record being parsed (less the declarations put into it). */
    private long inputColumn(int line, int column) {
        if (line != 1 || column <= 0) {
            return column;
        }
        placePiece();
        return pieceColumn + column - 1 - (column > insertedAt ? Math.min(insertedLength, column - insertedAt) : 0);
    }

    private MarcFormatException refuse(String message) {
        return new MarcFormatException(ordinal++, -1, message, null);
    }

    private MarcFormatException refusedDtd(String where) {
        done = true;
        return new MarcFormatException(ordinal, -1, where + "a DOCTYPE is not accepted in MARCXML (DTDs and external entities are refused)", null);
    }

    private MarcFormatException malformed(XMLStreamException e) {
        Location l = e.getLocation();
        String where = l == null || l.getLineNumber() <= 0 ? "" : "line " + inputLine(l.getLineNumber()) + ", column "
                + inputColumn(l.getLineNumber(), l.getColumnNumber()) + ": ";
        String msg = e.getMessage();
        // StAX prefixes its own "ParseError at [row,col]:" line; keep the part that says what is wrong
        int nl = msg == null ? -1 : msg.indexOf("Message: ");
        if (nl >= 0) {
            msg = msg.substring(nl + "Message: ".length());
        }
        MarcFormatException ex = new MarcFormatException(ordinal, -1, where + "not well-formed XML: " + msg, null);
        ex.initCause(e);
        return ex;
    }

    /** A stream over the bytes of one record, pointed at each record in turn without copying. */
    private static final class PieceStream extends ByteArrayInputStream {
        PieceStream() {
            super(new byte[0]);
        }

        void point(byte[] bytes, int offset, int length) {
            this.buf = bytes;
            this.pos = offset;
            this.count = offset + length;
            this.mark = offset;
        }
    }
}
