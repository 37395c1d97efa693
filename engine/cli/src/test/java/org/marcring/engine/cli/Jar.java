package org.marcring.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code marcring.jar} as a user would: {@code java -jar marcring.jar ARGS}, in a folder. */
final class Jar {
    private static final long TIMEOUT_SECONDS = 120;

    private Jar() {
    }

    /** What a run printed and returned. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", stderr: " + stderr;
        }
    }

    /** The jar under test, from the system property {@code marcring.jar} that failsafe sets. */
    static Path path() {
        String p = System.getProperty("marcring.jar");
        Path jar = Path.of(p != null ? p : "target/marcring.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no marcring.jar at " + jar.toAbsolutePath() + "; run `mvn verify`");
        }
        return jar;
    }

    /** The command that runs the jar with {@code args}: {@code java … -jar marcring.jar ARGS}. */
    static List<String> command(String... args) {
        return command(List.of(), args);
    }

    /** The command that runs the jar with {@code args} in a JVM with the options {@code jvm} too (e.g. a heap size). */
    static List<String> command(List<String> jvm, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-XX:TieredStopAtLevel=1"); // short runs: start fast
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-jar");
        cmd.add(path().toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs the jar in {@code dir} with {@code args}, feeding {@code stdin} (or nothing). */
    static Result run(Path dir, byte[] stdin, String... args) {
        return run(new ProcessBuilder(command(args)).directory(dir.toFile()), stdin);
    }

    /** Starts {@code builder} (made with {@link #command}), feeding {@code stdin} (or nothing), and waits. */
    static Result run(ProcessBuilder builder, byte[] stdin) {
        List<String> args = builder.command();
        try {
            Process p = builder.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // the command may not read its input; that is its business
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", args) + " did not end in "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs the jar in {@code dir} with no input. */
    static Result run(Path dir, String... args) {
        return run(dir, null, args);
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
