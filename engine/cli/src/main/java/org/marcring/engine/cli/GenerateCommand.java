package org.marcring.engine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.marc8.Marc8Encoder;
import org.marcring.engine.ErrorPolicy;
import org.marcring.engine.Iso2709Source;
import org.marcring.engine.Pipeline;
import org.marcring.engine.generate.Amount;
import org.marcring.engine.generate.CorpusGenerator;
import org.marcring.engine.generate.GeneratorOptions;
import org.marcring.engine.generate.Replicator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code marcring generate}: a synthetic corpus, or a large file built from the records of a real one. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write synthetic MARC 21 records of realistic shape (the same options always give the same "
                + "bytes), or with --replicate a large file repeating the records of a real one.",
                "Example: marcring generate --records 10000 --seed 7 -o sample.mrc"})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--records", paramLabel = "N", description = "how many records")
    Long records;

    @Option(names = "--size", paramLabel = "SIZE", description = "how many bytes instead, e.g. 100MB, 1.5GB")
    String size;

    @Option(names = "--seed", paramLabel = "S", description = "seed of every choice (default: 1)")
    long seed = 1;

    @Option(names = "--marc8", description = "write text in MARC-8 (leader/09 blank) instead of UTF-8")
    boolean marc8;

    @Option(names = "--damaged", paramLabel = "PCT", description = "percentage of records to damage at byte level")
    double damaged;

    @Option(names = "--replicate", paramLabel = "FILE",
            description = "repeat the records of this ISO 2709 file (each with a new control number)")
    String replicate;

    @Option(names = "--to", paramLabel = "FMT", description = "output format (default: iso2709)")
    String to = "iso2709";

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "output file ('-' for standard output; .gz is compressed)")
    String output;

    @Option(names = {"-q", "--quiet"}, description = "no summary")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        MarcFormat format = MarcFormat.of(to);
        Amount amount = amount(records, size, 1000);
        if (damaged < 0 || damaged > 100) {
            throw new IllegalArgumentException("--damaged takes a percentage from 0 to 100: " + damaged);
        }
        if (format != MarcFormat.ISO2709 && (marc8 || damaged > 0)) {
            throw new IllegalArgumentException((marc8 ? "--marc8" : "--damaged")
                    + " applies to ISO 2709 output only, not to " + format.displayName());
        }
        Path source = null;
        if (replicate != null) {
            source = Path.of(replicate);
            Inputs.checkReadable(source);
            if (marc8 || damaged > 0 || records == null && size == null) {
                throw new IllegalArgumentException("--replicate takes --records or --size, and no --marc8 or --damaged");
            }
        }
        String summary;
        try (OutputTarget out = OutputTarget.open(output)) {
            if (format == MarcFormat.ISO2709) {
                summary = write(source, amount, out.stream());
            } else {
                Path temp = Files.createTempFile("marcring-generate", ".mrc");
                try {
                    try (OutputStream o = Files.newOutputStream(temp)) {
                        summary = write(source, amount, o);
                    }
                    Runs.run(Pipeline.builder().source(Iso2709Source.open(temp, ReadOptions.defaults()))
                            .sink(out.stream(), format::newEncoder).errorPolicy(ErrorPolicy.skip()), output);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            out.commit();
        }
        if (!quiet) {
            System.err.println("marcring: " + summary);
        }
        return Marcring.OK;
    }

    private String write(Path source, Amount amount, OutputStream out) throws IOException {
        if (source != null) {
            return new Replicator(source, amount, true).writeTo(out).toString();
        }
        GeneratorOptions options = GeneratorOptions.defaults().withAmount(amount).withSeed(seed)
                .withDamagedShare(damaged / 100.0);
        if (marc8) {
            options = options.withTextEncoder(Marc8Encoder.INSTANCE);
        }
        return new CorpusGenerator(options).writeTo(out).toString();
    }

    /** The amount from --records or --size (one of them), else {@code defaultRecords}. */
    static Amount amount(Long records, String size, long defaultRecords) {
        if (records != null && size != null) {
            throw new IllegalArgumentException("give --records or --size, not both");
        }
        if (size != null) {
            return Amount.parse(size);
        }
        long n = records != null ? records : defaultRecords;
        if (n < 0) {
            throw new IllegalArgumentException("--records must not be negative: " + n);
        }
        return Amount.records(n);
    }
}
