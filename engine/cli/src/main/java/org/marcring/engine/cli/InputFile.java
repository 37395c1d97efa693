package org.marcring.engine.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.marcring.codec.io.FormatDetector;
import org.marcring.codec.io.GzipInput;
import org.marcring.codec.io.MarcFormat;

/**
 * One input named on the command line: a file, or {@code -} for standard input. Knows whether it is
 * gzip-compressed (by its magic bytes), which format it holds (from its first bytes) and its size where
 * that is known.
 */
final class InputFile {
    private static final int SAMPLE = 8192;

    private final String name;
    private final Path path;
    private BufferedInputStream stdin;

    private InputFile(String name, Path path) {
        this.name = name;
        this.path = path;
    }

    /** The input named {@code arg}, checked to be a readable regular file (or standard input for {@code -}). */
    static InputFile of(String arg) {
        if (arg.equals("-")) {
            return new InputFile("-", null);
        }
        Path p = Path.of(arg);
        Inputs.checkReadable(p);
        return new InputFile(arg, p);
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

    /** Size in bytes of the (uncompressed) data where known in advance, else -1. */
    long knownSize() throws IOException {
        return path == null || isGzip() ? -1 : Files.size(path);
    }

    /** Whether the bytes start with the gzip magic number. */
    boolean isGzip() throws IOException {
        if (path == null) {
            return GzipInput.isGzip(stdin());
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(2);
            return GzipInput.isGzip(head, head.length);
        }
    }

    /** Opens the data, decompressed if it is gzip; the caller closes it. Standard input is opened once. */
    BufferedInputStream open() throws IOException {
        if (path == null) {
            return GzipInput.decompressIfGzip(stdin());
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

    private BufferedInputStream stdin() {
        if (stdin == null) {
            stdin = new BufferedInputStream(System.in, 1 << 16);
        }
        return stdin;
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
