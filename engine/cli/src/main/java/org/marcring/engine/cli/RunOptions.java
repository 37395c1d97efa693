package org.marcring.engine.cli;

import java.io.IOException;
import java.util.List;

import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;

import picocli.CommandLine.Option;

/** The options every command that runs the engine shares: input format, reading mode, threads, progress. */
final class RunOptions {
    @Option(names = "--from", paramLabel = "FMT",
            description = "input format: iso2709 (marc, mrc), marcxml (xml), json, ndjson, mrk, mrk8, or auto "
                    + "(default: detected from the first bytes)")
    String from = "auto";

    @Option(names = "--threads", paramLabel = "N",
            description = "parser threads (default: available processors)")
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

    /** Reading options from --strict / --permissive. */
    ReadOptions readOptions() {
        if (strict && permissive) {
            throw new IllegalArgumentException("--strict and --permissive exclude each other");
        }
        return strict ? ReadOptions.strict() : ReadOptions.defaults();
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
