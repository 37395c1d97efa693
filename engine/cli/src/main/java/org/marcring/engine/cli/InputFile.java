package org.marcring.engine.cli;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.marcring.codec.io.FormatDetector;
import org.marcring.codec.io.GzipInput;
import org.marcring.codec.io.MarcFormat;

/**
 * One input named on the command line: a regular file, {@code -} for standard input, or any other readable
 * stream (a named FIFO, {@code <(cat f)}, {@code /dev/stdin}). Knows whether it is gzip-compressed (by its
 * magic bytes), which format it holds (from its first bytes) and its size where that is known. A regular
 * file may be opened again (the engine reads it through a channel); every other input is opened once, and its
 * first bytes are looked at through the buffer the records are then read from.
 */
final class InputFile {
    private static final int SAMPLE = 8192;

    private final String name;
    private final Path path;
    private final boolean regular;
    private BufferedInputStream stream;

    private InputFile(String name, Path path, boolean regular) {
        this.name = name;
        this.path = path;
        this.regular = regular;
    }

    /** The input named {@code arg}, checked to be readable and not a folder (standard input for {@code -}). */
    static InputFile of(String arg) {
        if (arg.equals("-")) {
            return new InputFile("-", null, false);
        }
        Path p = Path.of(arg);
        Inputs.checkReadable(p);
        return new InputFile(arg, p, Files.isRegularFile(p));
    }

    /** The name as given ({@code -} for standard input). */
    String name() {
        return name;
    }

    /** The file, or {@code null} for standard input. */
    Path path() {
        return path;
    }

    /** Whether this is standard input. */
    boolean isStdin() {
        return path == null;
    }

    /** Whether this is a stream that can be opened only once (standard input, a FIFO, a device), not a file. */
    boolean isStream() {
        return !regular;
    }

    /** Size in bytes of the (uncompressed) data where known in advance, else -1. */
    long knownSize() throws IOException {
        return isStream() || isGzip() ? -1 : Files.size(path);
    }

    /** Whether the bytes start with the gzip magic number. */
    boolean isGzip() throws IOException {
        if (isStream()) {
            return GzipInput.isGzip(stream());
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(2);
            return GzipInput.isGzip(head, head.length);
        }
    }

    /** Opens the data, decompressed if it is gzip; the caller closes it. A stream is opened once. */
    BufferedInputStream open() throws IOException {
        if (isStream()) {
            return GzipInput.decompressIfGzip(stream());
        }
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            return GzipInput.decompressIfGzip(in);
        } catch (IOException | RuntimeException e) {
            try {
                in.close();                                // a damaged gzip header: the caller gets no stream
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private BufferedInputStream stream() throws IOException {
        if (stream == null) {
            // a FileInputStream, not Files.newInputStream: the channel stream's available() and skip() seek,
            // which fails on a pipe ("Illegal seek")
            stream = new BufferedInputStream(path == null ? System.in : new FileInputStream(path.toFile()), 1 << 16);
        }
        return stream;
    }

    /**
     * The format of the data: {@code given} unless it is {@link MarcFormat#AUTO}, else detected from the first bytes of
     * {@code in} (left where it was).
     *
     * @throws IllegalArgumentException where the bytes match no format
     */
    MarcFormat format(BufferedInputStream in, MarcFormat given) throws IOException {
        if (given != MarcFormat.AUTO) {
            return given;
        }
        byte[] sample = FormatDetector.peek(in, SAMPLE);
        MarcFormat f = FormatDetector.detect(sample, sample.length);
        if (f != null) {
            return f;
        }
        for (byte b : sample) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0) {
                throw new IllegalArgumentException(name + ": cannot tell the format from the first bytes "
                        + FormatDetector.describe(sample) + "; name it with --from");
            }
        }
        return MarcFormat.ISO2709; // empty or blank: no records in any format
    }

    @Override
    public String toString() {
        return name;
    }
}
