package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code marcring} launcher script beside the jar, run as a user runs it: through a symbolic link on the
 * {@code PATH}, with a class-data sharing archive made by its first run.
 */
class LauncherIT {
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    static Path dir;

    static Path command;

    @BeforeAll
    static void linkTheLauncher() throws IOException {
        Path launcher = Jar.path().toAbsolutePath().getParent().resolve("marcring");
        assertTrue(Files.isExecutable(launcher), "no executable launcher at " + launcher);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        command = Files.createSymbolicLink(bin.resolve("marcring"), launcher);
        Jar.Result generated = Jar.run(dir, "generate", "--records", "25", "--seed", "3", "-o", "gen.mrc");
        assertEquals(0, generated.exitCode(), generated.toString());
    }

    @Test
    void runsTheJarBesideItThroughALinkAndKeepsItsOutputAndExitCode() throws Exception {
        Path cache = dir.resolve("cache-output");

        Run counted = run(Map.of("MARCRING_CDS_DIR", cache.toString()), "count", "gen.mrc");
        Run missing = run(Map.of("MARCRING_CDS_DIR", cache.toString()), "count", "missing.mrc");

        assertEquals(0, counted.exitCode, counted.stderr);
        assertEquals("25\tgen.mrc\n", counted.stdout);
        assertEquals(2, missing.exitCode, missing.stderr);
        assertTrue(missing.stderr.contains("missing.mrc"), missing.stderr);
        assertEquals("", counted.stderr, "no class-data sharing messages on standard error");
    }

    @Test
    void theFirstRunMakesAClassDataArchiveThatTheNextRunLoadsTheCommandsClassesFrom() throws Exception {
        Path cache = dir.resolve("cache-archive");
        Path classes = dir.resolve("classes.txt");

        Run first = run(Map.of("MARCRING_CDS_DIR", cache.toString()), "convert", "--to", "marcxml", "-o",
                "first.xml", "gen.mrc");
        List<Path> archives = archives(cache);
        Run second = run(Map.of("MARCRING_CDS_DIR", cache.toString(),
                        "MARCRING_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "convert", "--to", "marcxml", "-o", "second.xml", "gen.mrc");

        assertEquals(0, first.exitCode, first.stderr);
        assertEquals(0, second.exitCode, second.stderr);
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(Files.size(archives.get(0)) > 0);
        assertEquals(archives, archives(cache), "the second run made no other archive");
        String loaded = Files.readString(classes);
        assertTrue(loaded.lines().anyMatch(l -> l.contains("org.marcring.engine.Pipeline ")
                && l.contains("shared objects file (top)")), "Pipeline came from the archive");
        assertEquals(-1L, Files.mismatch(dir.resolve("first.xml"), dir.resolve("second.xml")));
    }

    @Test
    void aRunOnInputsOverEightMegabytesNeitherMakesNorMapsAnArchive() throws Exception {
        Path cache = dir.resolve("cache-large");
        Path big = dir.resolve("big.mrc");
        byte[] one = Files.readAllBytes(dir.resolve("gen.mrc"));
        try (var out = Files.newOutputStream(big)) {
            for (long written = 0; written <= 8L << 20; written += one.length) {
                out.write(one);
            }
        }

        Run r = run(Map.of("MARCRING_CDS_DIR", cache.toString()), "count", "big.mrc");

        assertEquals(0, r.exitCode, r.stderr);
        assertTrue(r.stdout.endsWith("\tbig.mrc\n") && !r.stdout.startsWith("0\t"), r.stdout);
        assertTrue(!Files.exists(cache), "no archive made or mapped for a long run");
    }

    @Test
    void makesNoArchiveWhenClassDataSharingIsOff() throws Exception {
        Path cache = dir.resolve("cache-off");

        Run r = run(Map.of("MARCRING_CDS_DIR", cache.toString(), "MARCRING_CDS", "off"), "count", "gen.mrc");

        assertEquals(0, r.exitCode, r.stderr);
        assertEquals("25\tgen.mrc\n", r.stdout);
        assertTrue(!Files.exists(cache), "no cache folder");
    }

    @Test
    void aCommandOnSmallNamedFilesCompilesWithC1OnlyAndStandardInputOrGenerateKeepC2() throws Exception {
        Map<String, String> flags = Map.of("MARCRING_CDS", "off", "MARCRING_JAVA_OPTS", "-XX:+PrintFlagsFinal");

        Run small = run(flags, "count", "gen.mrc");
        Run stdin = run(flags, dir.resolve("gen.mrc"), "count", "-");
        Run generate = run(flags, "generate", "--records", "1", "-q", "-o", "one.mrc");
        Run chosen = run(Map.of("MARCRING_CDS", "off", "MARCRING_JAVA_OPTS",
                "-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4 -XX:+UseParallelGC"), "count", "gen.mrc");

        for (Run r : List.of(small, stdin, generate, chosen)) {
            assertEquals(0, r.exitCode, r.stderr);
        }
        assertTrue(small.stdout.endsWith("25\tgen.mrc\n"), small.stdout);
        assertEquals(1, flag(small, "TieredStopAtLevel"), "C1 only");
        assertEquals(4, flag(stdin, "TieredStopAtLevel"), "standard input: size unknown");
        assertEquals(4, flag(generate, "TieredStopAtLevel"));
        assertEquals(4, flag(chosen, "TieredStopAtLevel"), "MARCRING_JAVA_OPTS wins");
        assertTrue(small.stdout.matches("(?s).*\\bUseSerialGC\\s+= true\\b.*"), "the serial collector");
        assertTrue(chosen.stdout.matches("(?s).*\\bUseParallelGC\\s+= true\\b.*"), "MARCRING_JAVA_OPTS wins");
    }

    /** The value of an integer JVM flag in the output of -XX:+PrintFlagsFinal. */
    private static long flag(Run r, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + name + "\\s+= (\\d+)").matcher(r.stdout);
        assertTrue(m.find(), name + " not printed");
        return Long.parseLong(m.group(1));
    }

    private static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(Map<String, String> env, String... args) throws InterruptedException {
        return run(env, null, args);
    }

    private static Run run(Map<String, String> env, Path stdin, String... args) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(command.toString()), Stream.of(args))
                .collect(Collectors.toList())).directory(dir.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MARCRING_JAVA_OPTS");
        pb.environment().remove("MARCRING_CDS");
        pb.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        try {
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("marcring " + String.join(" ", args) + " did not end in "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
