package org.marcring.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.engine.generate.Amount;
import org.marcring.engine.generate.CorpusGenerator;
import org.marcring.engine.generate.GenerationReport;
import org.marcring.engine.generate.GeneratorOptions;
import org.marcring.engine.generate.ReplicationReport;
import org.marcring.engine.generate.Replicator;

/**
 * Finds the input files of the benchmarks by name: files of the shared corpus (folder from the system
 * property {@code marcring.corpus}, default {@code ../shared/corpus}), and synthetic files, generated on
 * first use under {@code perf/target/bench-data/v<generator version>/} (or the folder in
 * {@code marcring.benchdata}).
 *
 * <p>Names: {@value #REALISTIC}, {@value #PRIDE}, {@code synthetic-<size>.mrc} (e.g.
 * {@value #SYNTHETIC_20MB}, {@code synthetic-1g.mrc}; seed {@value #SEED}), the path of any file, or
 * {@code <name>@<size>} for the records of another input repeated up to that size with unique control
 * numbers (e.g. {@code pride-and-prejudice-fixed.mrc@200mb}: real records at any size, see
 * {@link Replicator}).
 */
public final class BenchFiles {
    /** 2,000 synthetic records of about 1 KB from the Rust library mrrc, which publishes its speed on them. */
    public static final String REALISTIC = "realistic.mrc";
    /** 383 real UTF-8 records from marc4j's tests. */
    public static final String PRIDE = "pride-and-prejudice-fixed.mrc";
    /** 2,000 real MARC-8 records (with escape sequences) from SolrMarc's tests. */
    public static final String UVA = "uva_001_2000.mrc";
    /** 20 MiB of records from marcring's generator. */
    public static final String SYNTHETIC_20MB = "synthetic-20mb.mrc";
    /** The seed of every generated benchmark file. */
    public static final long SEED = 20_240_501L;

    private static final String SYNTHETIC_PREFIX = "synthetic-";

    private BenchFiles() {
    }

    /** The file a benchmark input name stands for, generating it first where it is a missing synthetic file. */
    public static Path resolve(String name) {
        switch (name) {
            case REALISTIC:
                return corpusFile("mrrc/tests/data/fixtures/realistic.mrc");
            case PRIDE:
                return corpusFile("marc4j/test/resources/pride-and-prejudice-fixed.mrc");
            case UVA:
                return corpusFile("solrmarc/test/data/records/uva_001_2000.mrc");
            default:
                int at = name.lastIndexOf('@');
                if (at > 0) {
                    return replicated(name.substring(0, at), Amount.parse(name.substring(at + 1)));
                }
                if (name.startsWith(SYNTHETIC_PREFIX) && name.endsWith(".mrc")) {
                    String size = name.substring(SYNTHETIC_PREFIX.length(), name.length() - 4);
                    return generated(name, Amount.parse(size));
                }
                Path p = Path.of(name);
                if (Files.isRegularFile(p)) {
                    return p;
                }
                throw new IllegalArgumentException("unknown benchmark input '" + name + "': use " + REALISTIC + ", "
                        + PRIDE + ", " + UVA + ", synthetic-<size>.mrc (e.g. " + SYNTHETIC_20MB + "), the path of a file, or "
                        + "<input>@<size> for its records repeated");
        }
    }

    /** Reads a benchmark input into memory and counts its records. */
    public static BenchInput load(String name) {
        Path file = resolve(name);
        try {
            byte[] bytes = Files.readAllBytes(file);
            long records = 0;
            RawRecord raw = new RawRecord();
            try (RecordFramer framer = RecordFramer.of(bytes)) {
                while (framer.next(raw)) {
                    records++;
                }
            }
            return new BenchInput(name, file, bytes, records);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark input " + file, e);
        }
    }

    /** A file of the shared corpus by its path inside the corpus. */
    public static Path corpusFile(String relative) {
        Path file = corpusRoot().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("corpus file missing: " + file);
        }
        return file;
    }

    /** The shared corpus folder. */
    public static Path corpusRoot() {
        String configured = System.getProperty("marcring.corpus");
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(Path.of(configured));
        } else {
            candidates.add(Path.of("../shared/corpus"));
            candidates.add(perfDir().resolve("../../shared/corpus").normalize());
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("MANIFEST.tsv"))) {
                return c;
            }
        }
        throw new IllegalStateException("the shared corpus is not at " + candidates.get(0).toAbsolutePath()
                + (candidates.size() > 1 ? " nor at " + candidates.get(1) : "") + "; set -Dmarcring.corpus=DIR");
    }

    /**
     * The synthetic file {@code name} of at least {@code amount}, in the benchmark data folder: generated
     * (seed {@link #SEED}, default kind shares, undamaged, UTF-8) where it is not there yet.
     */
    public static Path generated(String name, Amount amount) {
        Path dir = benchData();
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path partial = partial(file);
            GenerationReport report = new CorpusGenerator(GeneratorOptions.defaults().withAmount(amount)
                    .withSeed(SEED)).writeTo(partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("# generated " + file + ": " + report);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate " + file, e);
        }
    }

    /**
     * The records of input {@code source} repeated, with unique control numbers, up to {@code amount}, in the
     * benchmark data folder as {@code <source file name>-<amount>.mrc}: made where it is not there yet.
     */
    public static Path replicated(String source, Amount amount) {
        Path from = resolve(source);
        String base = from.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String name = base + "-" + (amount.isBytes() ? amount.value() + "b" : amount.value() + "r") + ".mrc";
        Path file = benchData().resolve(name);
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = partial(file);
            ReplicationReport report = new Replicator(from, amount, true).writeTo(partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("# replicated " + from + " to " + file + ": " + report);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replicate " + from + " to " + file, e);
        }
    }

    /** Where {@code file} is written before it is moved in place, so that no half-written file is ever used. */
    private static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
    }

    /**
     * Where generated benchmark files go: {@code marcring.benchdata}, or {@code perf/target/bench-data}; in
     * a subfolder per {@link CorpusGenerator#VERSION}, so that files of an older generator are not reused.
     */
    public static Path benchData() {
        String configured = System.getProperty("marcring.benchdata");
        Path root = configured != null ? Path.of(configured) : perfDir().resolve("target").resolve("bench-data");
        return root.resolve("v" + CorpusGenerator.VERSION);
    }

    /**
     * The perf module's folder, found from where this class was loaded: {@code perf/target/classes} or
     * {@code perf/target/benchmarks.jar}; the working directory's {@code perf} (or itself) otherwise.
     */
    public static Path perfDir() {
        try {
            Path location = Path.of(BenchFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = location.getParent();
            if (target != null && target.getFileName() != null
                    && target.getFileName().toString().toLowerCase(Locale.ROOT).equals("target")
                    && target.getParent() != null) {
                return target.getParent();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("perf")) ? here.resolve("perf") : here;
    }
}
