package org.marcring.codec.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Target of the processing instruction put after each piece in a batch, with the piece's number. */
    private static final String MARKER = "marcring-piece";
    private static final byte[] BATCH_START = "<marcring-pieces".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BATCH_END = "</marcring-pieces>".getBytes(StandardCharsets.US_ASCII);
    /** Leader given to a record that has none: blanks, with the fixed parts of a MARC 21 leader. */
    static final String MISSING_LEADER = "          22        4500";

    private final ByteWindow window;
    private final MarcXmlFramer framer;
    private final RawRecord raw = new RawRecord();
    private final PieceStream piece = new PieceStream();
    /** Framed pieces not yet read, in input order: the one being read first, then those framed ahead of it. */
    private final PieceQueue ahead = new PieceQueue();
    private final XMLInputFactory factory;
    private final String encoding;
    private final ReadOptions options;
    private final StringBuilder text = new StringBuilder(256);
    private final List<MarcError> problems = new ArrayList<>();
    private final SubfieldBuffer subfields = new SubfieldBuffer();
    /** The parser the record being read comes from: the batch's, or one for its piece alone. */
    private XMLStreamReader xml;
    /** The parser of the current batch of pieces; null between batches. */
    private XMLStreamReader batch;
    private BatchStream batchStream;
    /** How many pieces at the head of {@link #ahead} the current batch's parser has been fed. */
    private int fedAhead;
    /** Whether the record being read comes from the batch's parser (its positions are not the input's). */
    private boolean inBatch;
    /** The piece being read alone, or refused. */
    private Piece current;
    /** Pieces framed so far: the number of each, written in the marker after it in a batch. */
    private long pieces;
    private boolean framerEnded;
    /** Whether sound records are read with one parser for many (see {@link #readFromBatch()}). */
    private boolean batching = true;
    /** What the framer found wrong outside any record: thrown once the records framed before it are read. */
    private RuntimeException pending;
    private boolean done;
    private long ordinal;
    private int recordChars;
    private boolean inOversized;
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

    /**
     * A reader that parses each record alone, never with one parser for many: what a reader gives must not
     * differ from it in anything but speed (the tests compare the two).
     */
    static MarcXmlReader openRecordByRecord(InputStream in, ReadOptions options) {
        MarcXmlReader r = open(in, options);
        r.batching = false;
        return r;
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
            endBatch();
        } finally {
            framer.close();
        }
    }

    @Override
    protected MarcRecord readNext() {
        while (!done) {
            if (batch != null) {
                MarcRecord r = readFromBatch();
                if (r != null) {
                    return r;
                }
                continue;
            }
            Piece p = ahead.peekFirst();
            if (p == null) {
                p = frame();
            }
            if (p != null && batching && p.fitsBatch()) {
                inOversized = false;
                startBatch(p);
                continue;
            }
            takePiece();
            if (p == null) {
                done = true;
                if (pending != null) {
                    RuntimeException e = pending;
                    pending = null;
                    throw e;
                }
                return null;
            }
            if (inOversized && p.continuesPrevious) {
                continue; // a later piece of the record already refused
            }
            inOversized = false;
            if ((p.defects & RawRecord.OVERSIZED) != 0) {
                inOversized = true;
                current = p;
                throw oversized();
            }
            current = p;
            MarcRecord r = decodePiece();
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** The next piece not yet read, framed now or ahead by the batch's parser; null at the end or a fault. */
    private Piece takePiece() {
        Piece p = ahead.peekFirst();
        if (p == null) {
            p = frame();
        }
        if (p != null) {
            ahead.pollFirst();
            fedAhead = Math.max(0, fedAhead - 1);
        }
        return p;
    }

    /**
     * Frames the next record into {@link #ahead}, with its position in the input (counted now, in input order,
     * as the window forgets what it has read); null at the end of the input or where the framer found a fault
     * outside any record, kept in {@link #pending} to be thrown once the records before it are read.
     */
    private Piece frame() {
        if (framerEnded) {
            return null;
        }
        boolean framed;
        try {
            framed = framer.next(raw);
        } catch (MarcFormatException e) {
            framerEnded = true;
            pending = e;
            return null;
        } catch (MarcException e) {
            framerEnded = true;
            String found = framer.foundInstead();
            pending = found == null ? e : new MarcException("no MARCXML record in the input: " + found);
            return null;
        } catch (RuntimeException e) {
            framerEnded = true; // an input that cannot be read: after the records framed before
            pending = e;
            return null;
        }
        if (framer.doctypeAt() != null) {
            framerEnded = true;
            pending = refusedDtd(framer.doctypeAt());
            return null;
        }
        if (!framed) {
            framerEnded = true;
            return null;
        }
        boolean continues = framer.continuesPrevious();
        long line = -1;
        long column = -1;
        if (!continues) {
            line = window.lineOf(raw.byteOffset());
            column = window.columnOf(raw.byteOffset(), true);
        }
        Piece p = new Piece(raw.copy(), raw.byteOffset(), raw.defects(), framer.inheritedNamespaces(), continues,
                line, column, ++pieces);
        ahead.addLast(p);
        return p;
    }

    /**
     * The refusal of a record longer than the size limit, from its first piece: what the XML parser finds wrong
     * in that piece before its end (elements nested too deep, too many fields), or else its size.
     */
    private MarcFormatException oversized() {
        long recordOrdinal = ordinal;
        String fault = "line " + current.line + ", column " + current.column + ": record longer than "
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
        return new MarcFormatException(recordOrdinal, current.byteOffset, fault, null);
    }

    /**
     * Starts one parser on the records from {@code first} on, fed to it one after the other in a document of
     * their own (see {@link BatchStream}).
     */
    private void startBatch(Piece first) {
        fedAhead = 0;
        batchStream = new BatchStream(first.inherited);
        try {
            batch = encoding == null ? factory.createXMLStreamReader(batchStream)
                    : factory.createXMLStreamReader(batchStream, encoding);
            if (batch.next() != XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("no batch root"); // cannot happen: the stream starts with it
            }
        } catch (XMLStreamException e) {
            endBatch();
            first.alone = true; // read alone by the caller's loop, as a piece that does not fit a batch
        }
    }

    /**
     * Reads the next record of the batch: null where it holds no MARC content or the batch has ended. A record
     * is taken from the batch's parser only when it ends exactly where its piece does (the marker after it comes
     * next) and has nothing to report; otherwise its piece is read again alone, as the only parser that can say
     * where it is wrong in input positions, and, where the batch's parser lost its place, a new batch starts after
     * it. So what comes out is what reading each piece alone gives.
     */
    private MarcRecord readFromBatch() {
        xml = batch;
        inBatch = true;
        long before = ordinal;
        Piece p = null;
        boolean inStep = false;
        boolean clean = false;
        MarcRecord r = null;
        try {
            int event = batch.next();
            if (event == XMLStreamConstants.END_ELEMENT && fedAhead == 0) {
                endBatch(); // all pieces read; the one after (if any) does not fit a batch
                return null;
            }
            p = fedAhead > 0 ? ahead.peekFirst() : null;
            if (event == XMLStreamConstants.START_ELEMENT && p != null) {
                problems.clear();
                if (isRecord()) {
                    r = record();
                } else {
                    skipRecord(1);
                }
                clean = problems.isEmpty();
                event = batch.next();
                inStep = event == XMLStreamConstants.PROCESSING_INSTRUCTION && MARKER.equals(batch.getPITarget())
                        && Long.toString(p.number).equals(batch.getPIData());
            }
        } catch (XMLStreamException | RuntimeException e) {
            inStep = false;
            if (p == null && fedAhead > 0) {
                p = ahead.peekFirst(); // the parser failed on the record's first event: its piece is the one
            }
        } finally {
            inBatch = false;
            xml = null;
        }
        if (p == null) {
            // no piece fed to the parser: never seen, but the front piece must not go into a batch again, or
            // reading would start the same batch for ever
            endBatch();
            Piece front = ahead.peekFirst();
            if (front != null) {
                front.alone = true;
            }
            return null;
        }
        takePiece();
        if (inStep && clean) {
            return r;
        }
        ordinal = before;
        if (!inStep) {
            endBatch(); // the records after this one are read by a new parser
        }
        current = p;
        return decodePiece();
    }

    private void endBatch() {
        if (batch != null) {
            try {
                batch.close();
            } catch (XMLStreamException e) {
                // closing never loses data; nothing to report
            }
            batch = null;
            batchStream = null;
            fedAhead = 0;
        }
    }

    /**
     * Parses the current piece as a document of its own, with the namespace declarations in scope for it;
     * null where it holds no MARC content. What is wrong with it refuses it alone, with its input bytes.
     */
    private MarcRecord decodePiece() {
        Piece p = current;
        byte[] inherited = p.inherited;
        if (inherited.length == 0) {
            insertedAt = Integer.MAX_VALUE;
            insertedLength = 0;
            piece.point(p.bytes, 0, p.bytes.length);
        } else {
            byte[] whole = MarcXmlFramer.withInheritedNamespaces(p.bytes, 0, p.bytes.length, inherited);
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

    /** The refusal of the current piece, with its byte offset and its bytes exactly as in the input. */
    private MarcFormatException withInputBytes(MarcFormatException e) {
        String fault = e.fault();
        if ((current.defects & RawRecord.TRUNCATED) != 0 && !fault.contains("not well-formed")) {
            fault = fault + " (" + MarcXmlFramer.describeDefects(current.defects, current.bytes.length) + ")";
        }
        MarcFormatException located = new MarcFormatException(e.ordinal(), current.byteOffset, fault,
                current.bytes.clone());
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
        if (inBatch) {
            return ""; // a record with anything to report is read again alone, with its positions in the input
        }
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
        return line <= 0 ? line : current.line + line - 1;
    }

    /** The column in the input of a column of the record being parsed (less the declarations put into it). */
    private long inputColumn(int line, int column) {
        if (line != 1 || column <= 0) {
            return column;
        }
        return current.column + column - 1 - (column > insertedAt ? Math.min(insertedLength, column - insertedAt) : 0);
    }

    private MarcFormatException refuse(String message) {
        return new MarcFormatException(ordinal++, -1, message, null);
    }

    private MarcFormatException refusedDtd(String where) {
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

    /** A framed record: a copy of its bytes, and where it is in the input. */
    private static final class Piece {
        final byte[] bytes;
        final long byteOffset;
        final int defects;
        /** Namespace declarations in scope for it from enclosing elements. */
        final byte[] inherited;
        /** Whether it is a later piece of an oversized record. */
        final boolean continuesPrevious;
        /** The input line and column of its first byte (-1 for a later piece of an oversized record). */
        final long line;
        final long column;
        final long number;
        /** Whether it must be read alone even though it looks whole. */
        boolean alone;

        Piece(byte[] bytes, long byteOffset, int defects, byte[] inherited, boolean continuesPrevious, long line,
                long column, long number) {
            this.bytes = bytes;
            this.byteOffset = byteOffset;
            this.defects = defects;
            this.inherited = inherited;
            this.continuesPrevious = continuesPrevious;
            this.line = line;
            this.column = column;
            this.number = number;
        }

        /** Whether it may be fed to a batch's parser: whole, not cut short, and not too long. */
        boolean fitsBatch() {
            return !alone && defects == 0 && !continuesPrevious;
        }
    }

    /** Pieces in order, taken from the head, with the ones after it reachable by index. */
    private static final class PieceQueue {
        private final ArrayList<Piece> pieces = new ArrayList<>();
        private int head;

        void addLast(Piece p) {
            pieces.add(p);
        }

        int size() {
            return pieces.size() - head;
        }

        Piece get(int i) {
            return pieces.get(head + i);
        }

        Piece peekFirst() {
            return head < pieces.size() ? pieces.get(head) : null;
        }

        Piece pollFirst() {
            if (head == pieces.size()) {
                return null;
            }
            Piece p = pieces.get(head);
            pieces.set(head++, null);
            if (head == pieces.size()) {
                pieces.clear();
                head = 0;
            } else if (head >= 64) {
                pieces.subList(0, head).clear();
                head = 0;
            }
            return p;
        }
    }

    /**
     * The document a batch's parser reads: a root element carrying the namespace declarations the framer
     * reports as inherited, then the pieces in input order, each followed by a processing instruction with its
     * number (so that the reader can tell that the parser ends each record exactly where its piece ends), then
     * the root's end tag. Pieces are framed only as the parser asks for bytes, and none is kept once read; the
     * batch ends before the first piece that does not fit one or whose inherited declarations differ.
     */
    private final class BatchStream extends InputStream {
        private final byte[] inherited;
        private byte[] segment;
        private int pos;
        /** The piece whose bytes are being fed: its marker comes next. */
        private Piece feeding;
        private boolean ended;

        BatchStream(byte[] inherited) {
            this.inherited = inherited;
            byte[] start = Arrays.copyOf(BATCH_START, BATCH_START.length + inherited.length + 1);
            System.arraycopy(inherited, 0, start, BATCH_START.length, inherited.length);
            start[start.length - 1] = '>';
            this.segment = start;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (pos == segment.length) {
                if (!advance()) {
                    return -1;
                }
            }
            int n = Math.min(len, segment.length - pos);
            System.arraycopy(segment, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int read() {
            while (pos == segment.length) {
                if (!advance()) {
                    return -1;
                }
            }
            return segment[pos++] & 0xFF;
        }

        private boolean advance() {
            if (ended) {
                return false;
            }
            pos = 0;
            if (feeding != null) {
                segment = ("<?" + MARKER + " " + feeding.number + "?>").getBytes(StandardCharsets.US_ASCII);
                feeding = null;
                return true;
            }
            Piece next = fedAhead < ahead.size() ? ahead.get(fedAhead) : frame();
            if (next == null || !next.fitsBatch() || !Arrays.equals(next.inherited, inherited)) {
                segment = BATCH_END;
                ended = true;
                return true;
            }
            fedAhead++;
            feeding = next;
            segment = next.bytes;
            return true;
        }
    }
}
