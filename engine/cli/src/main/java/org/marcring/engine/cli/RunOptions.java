package org.marcring.engine.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;

import picocli.CommandLine.Option;

/** The options every command that runs the engine shares: input format, reading mode, threads, progress. */
final class RunOptions {
    @Option(names = "--from", paramLabel = "FMT",
            description = "input format: iso2709 (marc, mrc), marcxml (xml), json, ndjson, mrk, mrk8, or auto "
                    + "(default: detected from the first bytes)")
    String from = "auto";

    @Option(names = "--input-encoding", paramLabel = "auto|marc8|utf8|latin1",
            description = "character set of the input records: auto (default: by leader/09, and by the bytes when "
                    + "permissive), marc8, utf8 or latin1 whatever leader/09 says")
    String inputEncoding = "auto";

    @Option(names = "--threads", paramLabel = "N",
            description = "parser threads (default: available processors); with 1, reading, parsing and writing "
                    + "share one thread")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--strict", description = "reject every record with a structural or encoding fault")
    boolean strict;

    @Option(names = "--permissive", description = "repair what can be repaired, reject the rest (default)")
    boolean permissive;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar and no summary")
    boolean quiet;

    @Option(names = "--progress", description = "show a progress bar even when standard error is not a terminal")
    boolean progress;

    /** The input format given with --from; {@link MarcFormat#AUTO} to detect it. */
    MarcFormat fromFormat() {
        return MarcFormat.of(from);
    }

    /** Reading options from --strict / --permissive and --input-encoding. */
    ReadOptions readOptions() {
        if (strict && permissive) {
            throw new IllegalArgumentException("--strict and --permissive exclude each other");
        }
        return (strict ? ReadOptions.strict() : ReadOptions.defaults()).withCharacterCoding(inputCoding());
    }

    /** The character set named by --input-encoding. */
    CharacterCoding inputCoding() {
        switch (inputEncoding.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "auto":
                return CharacterCoding.AUTO;
            case "marc8":
                return CharacterCoding.MARC8;
            case "utf8":
                return CharacterCoding.UTF8;
            case "latin1":
            case "iso88591":
                return CharacterCoding.LATIN1;
            default:
                throw new IllegalArgumentException("unknown --input-encoding '" + inputEncoding
                        + "'; known: auto, marc8, utf8, latin1");
        }
    }

    /** The number of parser threads, checked. */
    int threads() {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("--threads must be 1 to 256: " + threads);
        }
        return threads;
    }

    /** Whether to draw a progress bar. */
    boolean showProgress() {
        return progress || (!quiet && System.console() != null);
    }

    /** A progress bar on standard error over the inputs' total size where one is to be drawn, else {@code null}. */
    ProgressBar progressBar(List<InputFile> files) throws IOException {
        return showProgress() ? new ProgressBar(System.err, Runs.totalSize(files)) : null;
    }
}
