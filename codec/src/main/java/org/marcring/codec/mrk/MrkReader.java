package org.marcring.codec.mrk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataCharacters;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcError.Severity;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.Subfield;
import org.marcring.codec.io.SequentialReader;
import org.marcring.codec.io.ReadOptions;

/**
 * Reads MARCMaker (MarcEdit) mnemonic text, {@code .mrk} or {@code .mrk8}: records of lines
 * {@code =LDR  …}, {@code =001  …}, {@code =245  10$aTitle}, separated by blank lines (an {@code =LDR} line
 * starts a record also without a blank line before it); {@code \} is a
 * blank in the leader, control fields and indicators; mnemonics in braces stand for characters
 * ({@link MrkFlavor} says whether diacritic mnemonics come before their letter). An unknown
 * mnemonic is kept as written. The text is read as UTF-8 (ASCII for {@code .mrk}).
 *
 * <p>A line that does not start with {@code =} continues the line before it. A malformed line (no
 * tag, no indicators, data before the first {@code $}) is repaired and reported in permissive mode;
 * in strict mode the record is refused, naming the line, and reading goes on with the next record.
 */
public final class MrkReader extends SequentialReader {
    private static final String MISSING_LEADER = "          22        4500";

    private final BufferedReader lines;
    private final ReadOptions options;
    private final MrkFlavor flavor;
    private final List<MarcError> problems = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(256);
    private final StringBuilder lineBuffer = new StringBuilder(256);
    private boolean done;
    /** A leader line that ended the record before it, to start the next. */
    private String pendingLine;
    private long ordinal;
    private long lineNumber;

    private MrkReader(InputStream in, ReadOptions options, MrkFlavor flavor) {
        super(options);
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 16);
        this.options = Objects.requireNonNull(options, "options");
        this.flavor = Objects.requireNonNull(flavor, "flavor");
    }

    /** A reader over {@code in}; closing the reader closes it. */
    public static MrkReader open(InputStream in, ReadOptions options, MrkFlavor flavor) {
        return new MrkReader(in, options, flavor);
    }

    /** A reader over a file. */
    public static MrkReader open(Path path, ReadOptions options, MrkFlavor flavor) {
        try {
            return open(Files.newInputStream(path), options, flavor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        done = true;
        end();
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected MarcRecord readNext() {
        if (done) {
            return null;
        }
        List<String> recordLines = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        long size = 0;
        long firstLine = -1;
        try {
            String l;
            while ((l = nextLine()) != null) {
                if (lineNumber == 1 && !l.isEmpty() && l.charAt(0) == '\uFEFF') {
                    l = l.substring(1);
                }
                if (firstLine >= 0 && startsRecord(l)) {
                    pendingLine = l; // records not separated by a blank line: this one starts the next
                    break;
                }
                if (l.isBlank()) {
                    if (recordLines.isEmpty() && firstLine < 0) {
                        continue;
                    }
                    break;
                }
                if (firstLine < 0) {
                    firstLine = lineNumber;
                }
                size += l.length() + 1;
                if (size <= options.maxRecordBytes()) {
                    recordLines.add(l);
                    numbers.add(lineNumber);
                } else {
                    recordLines.clear(); // too big: read on to the blank line, keeping nothing
                }
            }
        } catch (IOException e) {
            done = true;
            throw new UncheckedIOException(e);
        }
        if (size > options.maxRecordBytes()) {
            throw new MarcFormatException(ordinal++, -1, "line " + firstLine + ": record longer than "
                    + options.maxRecordBytes() + " characters", null);
        }
        if (recordLines.isEmpty()) {
            done = true;
            return null;
        }
        return record(recordLines, numbers);
    }

    /** Whether {@code line} is a leader line, which starts a record even without a blank line before it. */
    static boolean startsRecord(String line) {
        return line.startsWith("=LDR");
    }

    /** The line put back by the record before, else the next line read. */
    private String nextLine() throws IOException {
        String l = pendingLine;
        if (l != null) {
            pendingLine = null;
            return l;
        }
        return readLine();
    }

    /**
     * The next line without its line end, or null at the end of input; of a line longer than a record
     * may be, only the first {@code maxRecordBytes + 1} characters are kept (memory stays bounded).
     */
    private String readLine() throws IOException {
        StringBuilder sb = lineBuffer;
        sb.setLength(0);
        int limit = options.maxRecordBytes() + 1;
        int c = lines.read();
        if (c < 0) {
            return null;
        }
        lineNumber++;
        while (c >= 0 && c != '\n') {
            if (sb.length() < limit) {
                sb.append((char) c);
            }
            c = lines.read();
        }
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
        }
        return sb.toString();
    }

    private MarcRecord record(List<String> recordLines, List<Long> numbers) {
        problems.clear();
        long thisOrdinal = ordinal++;
        // join continuation lines
        List<String> joined = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        for (int i = 0; i < recordLines.size(); i++) {
            String l = recordLines.get(i);
            if (l.startsWith("=") || joined.isEmpty()) {
                joined.add(l);
                at.add(numbers.get(i));
            } else {
                problem(Severity.WARNING, null, numbers.get(i), "line without '=' joined to the line before");
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + l);
            }
        }
        String leader = null;
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < joined.size(); i++) {
            String l = joined.get(i);
            long n = at.get(i);
            if (!l.startsWith("=") || l.length() < 4) {
                problem(Severity.ERROR, null, n, "not a field line, dropped: '" + l + "'");
                continue;
            }
            String tag = l.substring(1, 4);
            int start = 4;
            int spaces = 0;
            while (start < l.length() && l.charAt(start) == ' ' && spaces < 2) {
                start++;
                spaces++;
            }
            if (spaces < 2) {
                problem(Severity.WARNING, tag, n, "tag not followed by two spaces");
            }
            String rest = l.substring(start);
            if ("LDR".equals(tag) || "000".equals(tag)) {
                if (leader != null) {
                    problem(Severity.ERROR, null, n, "a second leader replaces the first");
                }
                leader = decode(rest, true, null, n);
            } else if (Field.isControlTag(tag)) {
                fields.add(new ControlField(tag, decode(rest, true, tag, n)));
                checkCharacters(fields, n);
            } else {
                fields.add(dataField(tag, rest, n));
                checkCharacters(fields, n);
            }
            if (fields.size() > options.maxFields()) {
                throw new MarcFormatException(thisOrdinal, -1, "line " + n + ": more than " + options.maxFields()
                        + " fields", null);
            }
        }
        if (leader == null) {
            problem(Severity.WARNING, null, numbers.get(0), "no =LDR line: a blank leader was supplied");
            leader = MISSING_LEADER;
        } else if (leader.length() != Leader.LENGTH) {
            problem(Severity.ERROR, null, numbers.get(0), leaderLengthProblem(leader));
            leader = fitLeader(leader);
        }
        if (options.isStrict() && hasSerious(problems)) {
            throw new MarcFormatException(thisOrdinal, -1, firstSerious(problems), null);
        }
        return new MarcRecord(Leader.of(leader), fields, problems);
    }

    /** Applies {@link DataCharacters}' rule to the field just added from line {@code n}. */
    private void checkCharacters(List<Field> fields, long n) {
        DataCharacters.repair(fields.subList(fields.size() - 1, fields.size()),
                (index, tag, message) -> problem(Severity.ERROR, tag, n, message));
    }

    private DataField dataField(String tag, String rest, long n) {
        char ind1 = ' ';
        char ind2 = ' ';
        int i = 0;
        if (rest.length() >= 2 && rest.charAt(0) != '$' && rest.charAt(1) != '$') {
            ind1 = indicator(rest.charAt(0));
            ind2 = indicator(rest.charAt(1));
            i = 2;
        } else {
            problem(Severity.ERROR, tag, n, "no indicators: taken as blank");
            while (i < rest.length() && rest.charAt(i) != '$') {
                i++;
            }
        }
        List<Subfield> subfields = new ArrayList<>();
        if (i < rest.length() && rest.charAt(i) != '$') {
            int dollar = rest.indexOf('$', i);
            int end = dollar < 0 ? rest.length() : dollar;
            problem(Severity.ERROR, tag, n, "text before the first $ dropped: '" + rest.substring(i, end) + "'");
            i = end;
        }
        while (i < rest.length()) {
            int nextDollar = rest.indexOf('$', i + 1);
            int end = nextDollar < 0 ? rest.length() : nextDollar;
            if (end == i + 1) {
                problem(Severity.ERROR, tag, n, "'$' without a subfield code dropped");
            } else {
                char code = rest.charAt(i + 1);
                subfields.add(new Subfield(code, decode(rest.substring(i + 2, end), false, tag, n)));
            }
            i = end;
        }
        return new DataField(tag, ind1, ind2, subfields);
    }

    private static char indicator(char c) {
        return c == '\\' || c == '#' ? ' ' : c;
    }

    /** Resolves mnemonics; in fixed fields (leader, control fields) {@code \} is a blank. */
    private String decode(String s, boolean fixed, String tag, long n) {
        if (s.indexOf('{') < 0 && !(fixed && s.indexOf('\\') >= 0)) {
            return s;
        }
        StringBuilder sb = text;
        sb.setLength(0);
        StringBuilder marks = null; // MARC-8 order: combining marks waiting for their base letter
        boolean ligatureOpen = false;
        boolean doubleTildeOpen = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String piece;
            boolean fromMnemonic = false;
            if (c == '{') {
                int close = s.indexOf('}', i + 1);
                String decoded = close > i && close - i <= 12 ? Mnemonics.decode(s.substring(i + 1, close)) : null;
                if (decoded != null) {
                    piece = decoded;
                    fromMnemonic = true;
                    i = close;
                } else {
                    piece = "{";
                }
            } else if (c == '\\' && fixed) {
                piece = " ";
            } else {
                piece = null;
            }
            if (flavor == MrkFlavor.MRK && fromMnemonic && piece.length() == 1
                    && Mnemonics.isCombining(piece.charAt(0)) && !isCodePoint(s, i)) {
                char mark = piece.charAt(0);
                if (mark == Mnemonics.LIGATURE_SECOND_HALF && ligatureOpen) {
                    ligatureOpen = false; // closes the U+0361 already placed
                    continue;
                }
                if (mark == Mnemonics.DOUBLE_TILDE_SECOND_HALF && doubleTildeOpen) {
                    doubleTildeOpen = false;
                    continue;
                }
                ligatureOpen |= mark == '\u0361';
                doubleTildeOpen |= mark == '\u0360';
                if (marks == null) {
                    marks = new StringBuilder();
                }
                marks.append(piece);
                continue;
            }
            if (piece == null) {
                sb.append(c);
            } else {
                sb.append(piece);
            }
            if (marks != null && marks.length() > 0) {
                sb.append(marks);
                marks.setLength(0);
            }
        }
        if (marks != null && marks.length() > 0) {
            problem(Severity.WARNING, tag, n, "diacritic at the end of a value, with no letter to go on");
            sb.append(marks);
        }
        return sb.toString();
    }

    /**
     * Whether the mnemonic that ends at {@code close} is a code point ({@code {U+0301}}), which stands
     * where it is written; named and MARC-8 byte mnemonics follow MARC-8 order.
     */
    private static boolean isCodePoint(String s, int close) {
        int open = s.lastIndexOf('{', close);
        return s.regionMatches(true, open + 1, "U+", 0, 2);
    }

    private void problem(Severity severity, String tag, long line, String message) {
        problems.add(new MarcError(severity, tag, -1, "line " + line + ": " + message));
    }
}
