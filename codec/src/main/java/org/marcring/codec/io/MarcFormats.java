package org.marcring.codec.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.marcring.codec.MarcException;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.json.MarcJsonReader;
import org.marcring.codec.mrk.MrkFlavor;
import org.marcring.codec.mrk.MrkReader;
import org.marcring.codec.xml.MarcXmlReader;

/**
 * The one way in to every format: opens a {@link MarcReader} for a file or stream in a given format
 * or the format its first bytes show, and a {@link MarcWriter} in a given format. Gzip-compressed
 * input is recognised by its magic bytes and decompressed; a UTF-8 byte-order mark is skipped.
 *
 * <pre>{@code
 * try (MarcReader in = MarcFormats.openReader(Path.of("records.xml.gz"), MarcFormat.AUTO, ReadOptions.defaults());
 *      MarcWriter out = MarcFormats.openWriter(Path.of("records.mrc"), MarcFormat.ISO2709)) {
 *     in.forEach(out::write);
 * }
 * }</pre>
 */
public final class MarcFormats {
    private static final int BUFFER = 1 << 16;

    private MarcFormats() {
    }

    /**
     * A reader of a file.
     *
     * @param format the format, or {@link MarcFormat#AUTO} to detect it from the first bytes
     */
    public static MarcReader openReader(Path path, MarcFormat format, ReadOptions options) {
        requireFormat(format);
        try {
            return openReader(Files.newInputStream(path), format, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A permissive reader of a file in the format its first bytes show. */
    public static MarcReader openReader(Path path) {
        return openReader(path, MarcFormat.AUTO, ReadOptions.defaults());
    }

    /**
     * A reader of a stream; closing the reader closes the stream.
     *
     * @param format the format, or {@link MarcFormat#AUTO} to detect it from the first bytes
     * @throws MarcException where the format is to be detected and the bytes match none (empty or
     *                       blank input gives a reader without records)
     */
    public static MarcReader openReader(InputStream in, MarcFormat format, ReadOptions options) {
        requireFormat(format);
        Objects.requireNonNull(options, "options");
        try {
            BufferedInputStream input = new BufferedInputStream(in, BUFFER);
            input = GzipInput.decompressIfGzip(input);
            byte[] head = FormatDetector.peek(input, 3);
            if (FormatDetector.hasUtf8Bom(head, head.length)) {
                input.skip(3);
            }
            MarcFormat f = format;
            if (f == MarcFormat.AUTO) {
                byte[] sample = FormatDetector.peek(input, 8192);
                f = FormatDetector.detect(sample, sample.length);
                if (f == null && isBlank(sample)) {
                    f = MarcFormat.ISO2709; // empty input: no records, in any format
                }
                if (f == null) {
                    input.close();
                    throw new MarcException("cannot tell the format from the first bytes: "
                            + FormatDetector.describe(sample));
                }
            }
            return open(input, f, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MarcReader open(BufferedInputStream input, MarcFormat format, ReadOptions options)
            throws IOException {
        switch (format) {
            case ISO2709:
                return Iso2709Reader.of(input, options);
            case MARCXML:
                return MarcXmlReader.open(input, options);
            case JSON:
                return MarcJsonReader.open(input, options);
            case NDJSON:
                return MarcJsonReader.openLines(input, options);
            case MRK:
                byte[] sample = FormatDetector.peek(input, 1 << 15);
                return MrkReader.open(input, options, isAscii(sample) ? MrkFlavor.MRK : MrkFlavor.MRK8);
            case MRK8:
                return MrkReader.open(input, options, MrkFlavor.MRK8);
            case LINE:
            default:
                input.close();
                throw new IllegalArgumentException("the " + format.displayName() + " format is written only");
        }
    }

    /** Refuses {@code null}: detection is asked for with {@link MarcFormat#AUTO}. */
    static MarcFormat requireFormat(MarcFormat format) {
        return Objects.requireNonNull(format, "format (MarcFormat.AUTO to detect it)");
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A writer of {@code format} with its default encoder to {@code out}; closing it closes {@code out}.
     *
     * @throws IllegalStateException for {@link MarcFormat#AUTO}
     */
    public static MarcWriter openWriter(OutputStream out, MarcFormat format) {
        return new EncodingWriter(out, format.newEncoder());
    }

    /** A writer to {@code out} with a given encoder (e.g. indented MARCXML); closing it closes {@code out}. */
    public static MarcWriter openWriter(OutputStream out, RecordEncoder encoder) {
        return new EncodingWriter(out, encoder);
    }

    /** A writer of {@code format} to a new (or truncated) file. */
    public static MarcWriter openWriter(Path path, MarcFormat format) {
        return openWriter(path, format.newEncoder());
    }

    /** A writer to a new (or truncated) file with a given encoder. */
    public static MarcWriter openWriter(Path path, RecordEncoder encoder) {
        try {
            return new EncodingWriter(Files.newOutputStream(path), encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
