package org.marcring.codec.json;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataCharacters;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcError.Severity;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteWindow;
import org.marcring.codec.io.SequentialReader;
import org.marcring.codec.io.SubfieldBuffer;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;

/**
 * Reads MARC-in-JSON records with jackson-core's streaming parser: a single record object, a JSON
 * array of records, or a sequence of record objects (which includes newline-delimited JSON). Only
 * one record is held at a time.
 *
 * <p>In the default document mode, {@link MarcJsonFramer} finds each record object in the bytes and the parser
 * reads it on its own, so a record that is not well-formed JSON (a missing <code>}</code>, a stray quote), what is
 * not an object where a record belongs (a nested array, a number) and a record longer than
 * {@link ReadOptions#maxRecordBytes()} are each refused alone, with their ordinal, byte offset, bytes exactly as in
 * the input and the line and column in the input, and reading goes on with the next record.
 * In {@linkplain #openLines line mode}, for newline-delimited JSON, each line is parsed on its own,
 * so a damaged line is refused and reading goes on with the next line.
 *
 * <p>Structural faults in a record (a field that is neither a string nor an object, unknown keys,
 * a leader of the wrong length, a key given twice) are repaired and listed in {@link MarcRecord#errors()} in
 * permissive mode (an ERROR where data is lost, such as a second, different leader or indicator; a WARNING
 * where not); in strict mode the record is read to its end and refused. An object with no usable leader (a
 * {@code "leader"} that is not a string) or with nothing MARC in it (neither {@code "leader"} nor
 * {@code "fields"}: JSON of another kind) is refused in either mode, and reading goes on after it.
 */
public final class MarcJsonReader extends SequentialReader {
    private static final String MISSING_LEADER = "          22        4500";

    private final InputStream input;
    private final ReadOptions options;
    private final boolean lineMode;
    private final List<MarcError> problems = new ArrayList<>();
    private final SubfieldBuffer subfields = new SubfieldBuffer();
    private final JsonFactory factory;
    private final ByteWindow window;
    private final MarcJsonFramer framer;
    private final RawRecord raw = new RawRecord();
    private boolean inOversized;
    // where the record being read starts in the input (document mode), to give positions in the input
    private long pieceLine = -1;
    private long pieceColumn;
    private JsonParser json;
    /** Byte offset of the record being read (-1 where the parser does not count bytes). */
    private long recordStart = -1;
    private boolean done;
    private long ordinal;
    private long lineNumber;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
    private final byte[] buffer = new byte[1 << 16];
    private int bufferPos;
    private int bufferEnd;

    private MarcJsonReader(InputStream input, ReadOptions options, boolean lineMode) {
        super(options);
        this.input = input instanceof BufferedInputStream || !lineMode ? input : new BufferedInputStream(input, 1 << 16);
        this.options = Objects.requireNonNull(options, "options");
        this.lineMode = lineMode;
        // no string longer than a record may be, no nesting deeper than ReadOptions.maxNestingDepth (a record
        // needs 7: array, record, fields, field, subfields ...)
        this.factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Math.max(1024, options.maxRecordBytes())).maxNestingDepth(options.maxNestingDepth()).build())
                .build();
        if (lineMode) {
            window = null;
            framer = null;
        } else {
            window = ByteWindow.forReader(this.input);
            window.countLines();
            if (window.ensure(3) && window.at(0) == (byte) 0xEF && window.at(1) == (byte) 0xBB
                    && window.at(2) == (byte) 0xBF) {
                window.skip(3); // a UTF-8 byte-order mark, which the parser of a whole document would pass over
            }
            framer = MarcJsonFramer.of(window, options);
        }
    }

    /** A reader of a JSON document (one record, an array, or a sequence of records) over {@code in}. */
    public static MarcJsonReader open(InputStream in, ReadOptions options) {
        return new MarcJsonReader(in, options, false);
    }

    /** A reader of a JSON document in a file. */
    public static MarcJsonReader open(Path path, ReadOptions options) {
        try {
            return open(Files.newInputStream(path), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader of newline-delimited JSON, one record per line, that goes on after a damaged line. */
    public static MarcJsonReader openLines(InputStream in, ReadOptions options) {
        return new MarcJsonReader(in, options, true);
    }

    /** A reader of newline-delimited JSON in a file. */
    public static MarcJsonReader openLines(Path path, ReadOptions options) {
        try {
            return openLines(Files.newInputStream(path), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        done = true;
        end();
        try {
            if (json != null) {
                json.close();
            }
            if (framer != null) {
                framer.close();
            } else {
                input.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected MarcRecord readNext() {
        if (done) {
            return null;
        }
        return lineMode ? advanceLine() : advanceDocument();
    }

    private MarcRecord advanceDocument() {
        while (true) {
            if (!framer.next(raw)) {
                done = true;
                return null;
            }
            if (inOversized && framer.continuesPrevious()) {
                continue; // a later piece of the record already refused
            }
            inOversized = false;
            pieceLine = -1; // counted when first needed
            if ((raw.defects() & RawRecord.GARBAGE) != 0) {
                placePiece();
                // not a record: it takes no ordinal, and is counted apart as bytes skipped
                throw new org.marcring.codec.SkippedBytesException(ordinal, raw.byteOffset(), raw.length(),
                        "line " + pieceLine + ", column " + pieceColumn + ": "
                                + MarcJsonFramer.describeDefects(raw.defects(), raw.length()), raw.copy());
            }
            if ((raw.defects() & RawRecord.OVERSIZED) != 0) {
                inOversized = true;
                throw oversized();
            }
            return decodePiece();
        }
    }

    /** Finds the line and column in the input of the start of the record just framed. */
    private void placePiece() {
        if (pieceLine < 0) {
            pieceLine = window.lineOf(raw.byteOffset());
            pieceColumn = window.columnOf(raw.byteOffset(), false);
        }
    }

    /** Parses the record object just framed on its own; what is wrong with it refuses it alone, with its bytes. */
    private MarcRecord decodePiece() {
        long recordOrdinal = ordinal;
        try (JsonParser p = factory.createParser(raw.buffer(), raw.offset(), raw.length())) {
            json = p;
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new MarcFormatException(ordinal, -1, at(p.currentTokenLocation(), -1)
                        + "expected a record object, found " + t, null);
            }
            return record(-1);
        } catch (JsonProcessingException e) {
            throw withInputBytes(malformed(e, -1), recordOrdinal);
        } catch (CharConversionException e) {
            throw withInputBytes(badEncoding(e, -1), recordOrdinal);
        } catch (MarcFormatException e) {
            throw withInputBytes(e, recordOrdinal);
        } catch (IOException e) {
            done = true;
            throw new UncheckedIOException(e);
        } finally {
            json = null;
        }
    }

    /** The refusal of the record just framed, with its ordinal, byte offset and bytes exactly as in the input. */
    private MarcFormatException withInputBytes(MarcFormatException e, long recordOrdinal) {
        ordinal = recordOrdinal + 1;
        String fault = e.fault();
        if ((raw.defects() & RawRecord.TRUNCATED) != 0 && !fault.contains("not well-formed")) {
            fault = fault + " (" + MarcJsonFramer.describeDefects(raw.defects(), raw.length()) + ")";
        }
        MarcFormatException located = new MarcFormatException(recordOrdinal, raw.byteOffset(), fault, raw.copy());
        if (e.getCause() != null) {
            located.initCause(e.getCause());
        }
        return located;
    }

    /**
     * The refusal of a record longer than the size limit, from its first piece: what the parser finds wrong in
     * that piece before its end (nesting too deep, too many fields), or else its size.
     */
    private MarcFormatException oversized() {
        long recordOrdinal = ordinal;
        placePiece();
        String fault = "line " + pieceLine + ", column " + pieceColumn + ": record longer than the limit of "
                + options.maxRecordBytes() + " bytes";
        try {
            decodePiece();
        } catch (MarcFormatException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof JsonProcessingException)
                    || !String.valueOf(((JsonProcessingException) cause).getOriginalMessage()).contains("end-of-input")) {
                fault = e.fault();
            }
        }
        ordinal = recordOrdinal + 1;
        return new MarcFormatException(recordOrdinal, raw.byteOffset(), fault, null);
    }

    private MarcRecord advanceLine() {
        while (true) {
            int length;
            try {
                length = readLine();
            } catch (IOException e) {
                done = true;
                throw new UncheckedIOException(e);
            }
            if (length < 0) {
                done = true;
                return null;
            }
            byte[] bytes = line.toByteArray();
            if (isBlank(bytes)) {
                continue;
            }
            if (length > options.maxRecordBytes()) {
                throw new MarcFormatException(ordinal++, -1, "line " + lineNumber + ": longer than "
                        + options.maxRecordBytes() + " bytes", null);
            }
            try (JsonParser p = factory.createParser(bytes)) {
                json = p;
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    throw new MarcFormatException(ordinal++, -1, at(p.currentTokenLocation(), lineNumber)
                            + "expected a record object, found " + t, null);
                }
                MarcRecord r = record(lineNumber);
                if (p.nextToken() != null) {
                    problem(Severity.ERROR, null, "text after the record on line " + lineNumber + " ignored");
                }
                return r;
            } catch (JsonProcessingException e) {
                throw malformed(e, lineNumber);
            } catch (CharConversionException e) {
                throw badEncoding(e, lineNumber);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                json = null;
            }
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the next line into {@code line} (at most {@code maxRecordBytes + 1} bytes of it are kept);
     * its full length in bytes, or -1 at the end of input.
     */
    private int readLine() throws IOException {
        line.reset();
        int n = 0;
        boolean any = false;
        int limit = options.maxRecordBytes() + 1;
        while (true) {
            if (bufferPos == bufferEnd) {
                bufferEnd = input.read(buffer, 0, buffer.length);
                bufferPos = 0;
                if (bufferEnd <= 0) {
                    bufferEnd = 0;
                    if (!any) {
                        return -1;
                    }
                    lineNumber++;
                    return n;
                }
            }
            any = true;
            int start = bufferPos;
            while (bufferPos < bufferEnd && buffer[bufferPos] != '\n') {
                bufferPos++;
            }
            int chunk = bufferPos - start;
            if (n < limit) {
                line.write(buffer, start, Math.min(chunk, limit - n));
            }
            n += chunk;
            if (bufferPos < bufferEnd) {
                bufferPos++; // the newline
                lineNumber++;
                return n;
            }
        }
    }

    /**
     * After a field of a record refused for a limit: passes over the rest of the field object, the
     * fields array and the record object, so that reading goes on with the next record (without this the
     * reader lost its place and took the record after the refused one for garbage).
     */
    private void skipRestOfRecord() throws IOException {
        if (framer != null) {
            return; // the record was framed: it is parsed alone, nothing after it to find
        }
        int open = 3; // the field object, the "fields" array, the record object
        while (open > 0) {
            JsonToken t = json.nextToken();
            if (t == null) {
                return;
            }
            if (t.isStructStart()) {
                json.skipChildren();
            } else if (t.isStructEnd()) {
                open--;
            }
        }
    }

    /** Reads one record object; the parser is on its START_OBJECT. */
    private MarcRecord record(long lineNo) throws IOException {
        problems.clear();
        recordStart = json.currentTokenLocation().getByteOffset();
        long thisOrdinal = ordinal; // counted once the record is complete, so a parse error names it
        String leader = null;
        String unusableLeader = null; // what the last "leader" held where it was not a string
        boolean leaderSeen = false;
        boolean fieldsSeen = false;
        List<String> otherKeys = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        JsonToken t;
        while ((t = json.nextToken()) == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            JsonToken v = json.nextToken();
            if ("leader".equals(key)) {
                String value = v == JsonToken.VALUE_STRING ? json.getText() : null;
                if (leaderSeen) {
                    boolean same = value != null && value.equals(leader);
                    problem(same ? Severity.WARNING : Severity.ERROR, null, at(json.currentTokenLocation(), lineNo)
                            + "\"leader\" given twice" + (same ? " (the same value)" : ": the second replaces the first"));
                }
                leaderSeen = true;
                leader = value;
                unusableLeader = value != null ? null : v == JsonToken.START_OBJECT ? "an object"
                        : v == JsonToken.START_ARRAY ? "an array" : json.getText();
                json.skipChildren();
            } else if ("fields".equals(key)) {
                if (fieldsSeen) {
                    problem(Severity.WARNING, null, at(json.currentTokenLocation(), lineNo)
                            + "\"fields\" given twice: the fields of both lists are kept, in order");
                }
                fieldsSeen = true;
                if (v == JsonToken.START_ARRAY) {
                    readFields(fields, lineNo);
                } else {
                    problem(Severity.ERROR, null, at(json.currentTokenLocation(), lineNo)
                            + "\"fields\" is not an array: ignored");
                    json.skipChildren();
                }
            } else {
                problem(Severity.WARNING, null, at(json.currentTokenLocation(), lineNo)
                        + "unknown key \"" + key + "\" ignored");
                if (otherKeys.size() < 5) {
                    otherKeys.add('"' + key + '"');
                }
                json.skipChildren();
            }
        }
        ordinal++;
        if (t != JsonToken.END_OBJECT) {
            throw new MarcFormatException(thisOrdinal, -1, at(json.currentTokenLocation(), lineNo)
                    + "record object not closed", null);
        }
        if (unusableLeader != null) {
            throw new MarcFormatException(thisOrdinal, -1, "no usable leader: \"leader\" is " + unusableLeader
                    + ", not a string", null);
        }
        if (!leaderSeen && !fieldsSeen) {
            throw new MarcFormatException(thisOrdinal, -1, "nothing MARC in this object: no \"leader\" and no "
                    + "\"fields\"" + (otherKeys.isEmpty() ? " (an empty object)" : "; its keys: "
                    + String.join(", ", otherKeys)), null);
        }
        if (leader == null) {
            problem(Severity.WARNING, null, "no leader: a blank leader was supplied");
            leader = MISSING_LEADER;
        } else if (leader.length() != Leader.LENGTH) {
            problem(Severity.ERROR, null, leaderLengthProblem(leader));
            leader = fitLeader(leader);
        }
        DataCharacters.repair(fields, (index, tag, message) -> problem(Severity.ERROR, tag, message));
        if (options.isStrict() && hasSerious(problems)) {
            throw new MarcFormatException(thisOrdinal, -1, firstSerious(problems), null);
        }
        return new MarcRecord(Leader.of(leader), fields, problems);
    }

    /** Reads the elements of the "fields" array: {@code {"001":"…"}} or {@code {"245":{…}}}. */
    private void readFields(List<Field> fields, long lineNo) throws IOException {
        JsonToken t;
        while ((t = json.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                problem(Severity.ERROR, null, at(json.currentTokenLocation(), lineNo)
                        + "a field is not an object: ignored");
                json.skipChildren();
                continue;
            }
            while ((t = json.nextToken()) == JsonToken.FIELD_NAME) {
                String tag = tag(json.currentName(), lineNo);
                JsonToken v = json.nextToken();
                if (v == JsonToken.START_OBJECT) {
                    DataField df = dataField(tag, lineNo);
                    if (df != null) {
                        fields.add(df);
                    }
                } else {
                    String data = scalar(v, tag, "control field", lineNo);
                    if (data != null && tag != null) {
                        fields.add(new ControlField(tag, data));
                    }
                }
                if (fields.size() > options.maxFields()) {
                    skipRestOfRecord();
                    throw new MarcFormatException(ordinal++, -1, "more than " + options.maxFields() + " fields",
                            null);
                }
                long size = json.currentLocation().getByteOffset() - recordStart;
                if (recordStart >= 0 && size > options.maxRecordBytes()) {
                    skipRestOfRecord();
                    throw new MarcFormatException(ordinal++, -1, at(json.currentTokenLocation(), lineNo)
                            + "record longer than the limit of " + options.maxRecordBytes() + " bytes", null);
                }
            }
        }
    }

    private DataField dataField(String tag, long lineNo) throws IOException {
        char ind1 = ' ';
        char ind2 = ' ';
        boolean seen1 = false;
        boolean seen2 = false;
        boolean seenSubfields = false;
        SubfieldBuffer subfields = this.subfields;
        subfields.clear();
        JsonToken t;
        while ((t = json.nextToken()) == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            JsonToken v = json.nextToken();
            switch (key) {
                case "ind1": {
                    char c = indicator(scalar(v, tag, "ind1", lineNo), tag, "ind1", lineNo);
                    if (seen1) {
                        repeated(tag, "ind1", ind1, c, lineNo);
                    }
                    ind1 = c;
                    seen1 = true;
                    break;
                }
                case "ind2": {
                    char c = indicator(scalar(v, tag, "ind2", lineNo), tag, "ind2", lineNo);
                    if (seen2) {
                        repeated(tag, "ind2", ind2, c, lineNo);
                    }
                    ind2 = c;
                    seen2 = true;
                    break;
                }
                case "subfields":
                    if (seenSubfields) {
                        problem(Severity.WARNING, tag, at(json.currentTokenLocation(), lineNo)
                                + "\"subfields\" given twice: the subfields of both lists are kept, in order");
                    }
                    seenSubfields = true;
                    if (v == JsonToken.START_ARRAY) {
                        readSubfields(subfields, tag, lineNo);
                    } else {
                        problem(Severity.ERROR, tag, at(json.currentTokenLocation(), lineNo)
                                + "\"subfields\" is not an array: ignored");
                        json.skipChildren();
                    }
                    break;
                default:
                    problem(Severity.WARNING, tag, at(json.currentTokenLocation(), lineNo)
                            + "unknown key \"" + key + "\" ignored");
                    json.skipChildren();
            }
        }
        if (!seen1 || !seen2) {
            problem(Severity.WARNING, tag, "missing " + (seen1 ? "ind2" : seen2 ? "ind1" : "ind1 and ind2")
                    + ": taken as blank");
        }
        return tag == null ? null : subfields.toField(tag, ind1, ind2);
    }

    private void readSubfields(SubfieldBuffer subfields, String tag, long lineNo) throws IOException {
        JsonToken t;
        while ((t = json.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                problem(Severity.ERROR, tag, at(json.currentTokenLocation(), lineNo)
                        + "a subfield is not an object: ignored");
                json.skipChildren();
                continue;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String code = json.currentName();
                String value = scalar(json.nextToken(), tag, "subfield", lineNo);
                if (value == null) {
                    continue;
                }
                if (code.isEmpty()) {
                    problem(Severity.ERROR, tag, "subfield without a code dropped: '" + value + "'");
                    continue;
                }
                if (code.length() > 1) {
                    problem(Severity.ERROR, tag, "subfield code '" + code + "' cut to its first character");
                }
                subfields.add(code.charAt(0), value);
            }
        }
    }

    /** Reports an indicator given twice: an error where the second differs from the first (which is lost). */
    private void repeated(String tag, String name, char first, char second, long lineNo) {
        boolean same = first == second;
        problem(same ? Severity.WARNING : Severity.ERROR, tag, at(json.currentTokenLocation(), lineNo) + "\"" + name
                + "\" given twice" + (same ? " (the same value)" : ": '" + second + "' replaces '" + first + "'"));
    }

    /** The text of a string value (numbers and booleans are taken with a warning); null otherwise. */
    private String scalar(JsonToken v, String tag, String what, long lineNo) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return json.getText();
        }
        if (v != null && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
            problem(Severity.WARNING, tag, at(json.currentTokenLocation(), lineNo) + what
                    + " is not a string: " + json.getText() + " taken as text");
            return json.getText();
        }
        problem(Severity.ERROR, tag, at(json.currentTokenLocation(), lineNo) + what + " is not a string: ignored");
        json.skipChildren();
        return null;
    }

    private char indicator(String v, String tag, String name, long lineNo) {
        if (v == null || v.isEmpty()) {
            problem(Severity.WARNING, tag, "empty " + name + ": taken as blank");
            return ' ';
        }
        if (v.length() > 1) {
            problem(v.substring(1).isBlank() ? Severity.WARNING : Severity.ERROR, tag,
                    name + " '" + v + "' cut to its first character");
        }
        return v.charAt(0);
    }

    private String tag(String tag, long lineNo) {
        if (tag.length() == 3) {
            return tag;
        }
        if (tag.isEmpty() || tag.length() > 3) {
            problem(Severity.ERROR, null, at(json.currentTokenLocation(), lineNo) + "field with tag '" + tag
                    + "' dropped");
            return null;
        }
        String padded = "0".repeat(3 - tag.length()) + tag;
        problem(Severity.ERROR, padded, "tag '" + tag + "' padded to '" + padded + "'");
        return padded;
    }

    private void problem(Severity severity, String tag, String message) {
        problems.add(new MarcError(severity, tag, -1, message));
    }

    /**
     * "line L, column C: " in the input: {@code lineNo} >= 0 overrides the parser's line (line mode); in document
     * mode the parser's position in the record is moved to the record's place in the input.
     */
    private String at(JsonLocation l, long lineNo) {
        if (l == null) {
            return lineNo >= 0 ? "line " + lineNo + ": " : "";
        }
        if (lineNo >= 0) {
            return "line " + lineNo + ", column " + l.getColumnNr() + ": ";
        }
        int line = l.getLineNr();
        int column = l.getColumnNr();
        if (framer != null && line > 0) {
            placePiece();
        }
        if (pieceLine < 0 || line <= 0) {
            return "line " + line + ", column " + column + ": ";
        }
        return "line " + (pieceLine + line - 1) + ", column " + (line == 1 ? pieceColumn + column - 1 : column) + ": ";
    }

    private MarcFormatException malformed(JsonProcessingException e, long lineNo) {
        String why = String.valueOf(e.getOriginalMessage());
        int marker = why.indexOf(" (start marker at");
        if (marker > 0) {
            why = why.substring(0, marker); // where the object started, in the parser's terms: the record's start
        }
        MarcFormatException ex = new MarcFormatException(ordinal++, -1, at(e.getLocation(), lineNo)
                + "not well-formed JSON: " + why, null);
        ex.initCause(e);
        return ex;
    }

    /**
     * Bytes that are not text in the encoding Jackson took from the first bytes (it detects UTF-16 and
     * UTF-32 as well as UTF-8): bad data, not an I/O failure. Found by fuzzing: these came out as an
     * {@code UncheckedIOException}.
     */
    private MarcFormatException badEncoding(CharConversionException e, long lineNo) {
        MarcFormatException ex = new MarcFormatException(ordinal++, -1, (lineNo > 0 ? "line " + lineNo + ": " : "")
                + "not well-formed JSON: " + e.getMessage(), null);
        ex.initCause(e);
        return ex;
    }
}
