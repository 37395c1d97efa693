package org.marcring.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.Supplier;

import org.marcring.codec.MarcException;
import org.marcring.codec.io.ByteWindow;
import org.marcring.codec.io.FormatDetector;
import org.marcring.codec.io.GzipInput;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.json.MarcJsonReader;
import org.marcring.codec.mrk.MrkFlavor;
import org.marcring.codec.mrk.MrkReader;
import org.marcring.codec.xml.MarcXmlReader;

/**
 * The engine's input for each readable {@link MarcFormat}: the framer that splits it into records on the I/O
 * thread and the format's reader that decodes each record on the parser threads.
 *
 * <table>
 * <caption>framing per format</caption>
 * <tr><td>ISO2709</td><td>{@link Iso2709Source}</td></tr>
 * <tr><td>MARCXML</td><td>{@link XmlRecordSource}, each record element read by {@link MarcXmlReader}</td></tr>
 * <tr><td>JSON</td><td>{@link JsonRecordSource}, each object read by {@link MarcJsonReader}</td></tr>
 * <tr><td>NDJSON</td><td>{@link TextRecordSource} by lines, each read by {@link MarcJsonReader} in line mode</td></tr>
 * <tr><td>MRK, MRK8</td><td>{@link TextRecordSource} by blank lines, each read by {@link MrkReader}</td></tr>
 * </table>
 *
 * <p>As {@code MarcFormats.openReader} does, {@link MarcFormat#AUTO} is detected from the first bytes, gzip is
 * read through (by {@link GzipInput}: corrupt or truncated compressed data is a {@link MarcException}), and a
 * UTF-8 byte-order mark is skipped (byte offsets then count from after it); where the bytes of a detected
 * MARCXML, JSON or MARCMaker input cannot be framed (e.g. no MARCXML record in bytes that start with
 * {@code <}), the failure says that the format was detected. An ASCII MARCMaker file given as
 * {@code MRK8} is read as given, an {@code MRK} file that is not ASCII as {@code MRK8}.
 *
 * <p>The records are those the sequential readers give, with two differences: in the text formats, the line
 * and column of a repair listed in a record's errors count from the record's own first line (each parser sees
 * one record); and after a damaged record of a MARCXML or JSON document, which ends a streaming reader, the
 * engine goes on with the next record.
 */
public final class RecordSources {
    private static final int SAMPLE = 1 << 15;

    private RecordSources() {
    }

    /**
     * The source for a file.
     *
     * @param format the format, or {@link MarcFormat#AUTO} to detect it from the first bytes
     * @throws MarcException        if the format is to be detected and the bytes match none, or is not readable
     * @throws UncheckedIOException if the file cannot be read
     */
    public static RecordSource open(Path file, MarcFormat format, ReadOptions options) {
        try {
            return openFile(file, format, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RecordSource openFile(Path file, MarcFormat format, ReadOptions options) throws IOException {
        Objects.requireNonNull(format, "format (MarcFormat.AUTO to detect it)");
        Objects.requireNonNull(options, "options");
        byte[] head = new byte[SAMPLE];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (GzipInput.isGzip(head, n) || FormatDetector.hasUtf8Bom(head, n)) {
            InputStream in = Files.newInputStream(file);
            try {
                return ofStream(in, format, options);
            } catch (IOException | RuntimeException e) {
                closeQuietly(in, e);                       // a damaged gzip header: no source, so no owner
                throw e;
            }
        }
        MarcFormat f = format != MarcFormat.AUTO ? format : detect(head, n);
        f = flavorOf(f, head, n);
        if (f == MarcFormat.ISO2709) {
            return Iso2709Source.open(file, options);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return forFormat(ByteWindow.of(channel), f, options, format == MarcFormat.AUTO);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The source for a stream; closing the source closes the stream.
     *
     * @param format the format, or {@link MarcFormat#AUTO} to detect it from the first bytes
     * @throws UncheckedIOException if the first bytes cannot be read
     */
    public static RecordSource of(InputStream in, MarcFormat format, ReadOptions options) {
        try {
            return ofStream(in, format, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RecordSource ofStream(InputStream in, MarcFormat format, ReadOptions options) throws IOException {
        Objects.requireNonNull(format, "format (MarcFormat.AUTO to detect it)");
        Objects.requireNonNull(options, "options");
        BufferedInputStream input = GzipInput.decompressIfGzip(new BufferedInputStream(in, 1 << 16));
        byte[] head = FormatDetector.peek(input, 3);
        if (FormatDetector.hasUtf8Bom(head, head.length)) {
            input.skipNBytes(3);
        }
        head = FormatDetector.peek(input, SAMPLE);
        MarcFormat f = format != MarcFormat.AUTO ? format : detect(head, head.length);
        f = flavorOf(f, head, head.length);
        if (f == MarcFormat.ISO2709) {
            return Iso2709Source.of(input, options);
        }
        return forFormat(ByteWindow.of(input), f, options, format == MarcFormat.AUTO);
    }

    private static RecordSource forFormat(ByteWindow input, MarcFormat format, ReadOptions options,
                                          boolean detected) {
        ScannedSource source = forFormat(input, format, options);
        return detected ? source.detected(format.name()) : source;
    }

    private static ScannedSource forFormat(ByteWindow input, MarcFormat format, ReadOptions given) {
        // each record's reader must throw its reject, which the parser hands to the ring as that record's fault
        ReadOptions options = given.withRejectsThrown();
        switch (format) {
            case MARCXML:
                return new XmlRecordSource(input, options, parsers(in -> MarcXmlReader.open(in, options)));
            case JSON:
                return new JsonRecordSource(input, options, parsers(in -> MarcJsonReader.open(in, options)));
            case NDJSON:
                return new TextRecordSource(input, TextRecordSource.Framing.LINES, options,
                        parsers(in -> MarcJsonReader.openLines(in, options)));
            case MRK:
                return new TextRecordSource(input, TextRecordSource.Framing.BLANK_LINES, options,
                        parsers(in -> MrkReader.open(in, options, MrkFlavor.MRK)));
            case MRK8:
                return new TextRecordSource(input, TextRecordSource.Framing.BLANK_LINES, options,
                        parsers(in -> MrkReader.open(in, options, MrkFlavor.MRK8)));
            default:
                throw new MarcException("records cannot be read in the " + format.displayName() + " format");
        }
    }

    private static Supplier<RecordParser> parsers(
            java.util.function.Function<? super InputStream, ? extends org.marcring.codec.io.MarcReader> readers) {
        return () -> new ReaderParser(readers);
    }

    private static MarcFormat detect(byte[] head, int n) {
        MarcFormat f = FormatDetector.detect(head, n);
        if (f != null) {
            return f;
        }
        for (int i = 0; i < n; i++) {
            byte b = head[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0) {
                throw new MarcException("cannot tell the format from the first bytes");
            }
        }
        return MarcFormat.ISO2709; // empty input: no records, in any format
    }

    /** MARCMaker as ASCII mnemonics only where the bytes are ASCII, as {@code MarcFormats} decides. */
    private static MarcFormat flavorOf(MarcFormat f, byte[] head, int n) {
        if (f != MarcFormat.MRK) {
            return f;
        }
        for (int i = 0; i < n; i++) {
            if (head[i] < 0) {
                return MarcFormat.MRK8;
            }
        }
        return f;
    }

    private static void closeQuietly(InputStream in, Exception failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
