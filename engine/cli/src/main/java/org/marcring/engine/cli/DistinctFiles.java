package org.marcring.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a run in which an input, the output, the rejects and the report are not distinct files, before
 * anything is opened or written: {@code -o} and {@code --rejects} naming the same file, either of them naming
 * an input, or both going to standard output. Files are compared by identity (device and inode, through
 * symbolic and hard links; standard input and output by what they are connected to), not by their names.
 * Character devices ({@code /dev/null}, a terminal) may be named any number of times: they are written
 * straight, nothing of them can be destroyed.
 */
final class DistinctFiles {
    private static final Path STDIN = Path.of("/proc/self/fd/0");
    private static final Path STDOUT = Path.of("/proc/self/fd/1");

    private DistinctFiles() {
    }

    /** One file of the run: what it is for, its name as given, and its identity ({@code null} if unknown). */
    private record Role(String role, String name, Object key) {
    }

    /**
     * Checks the run's files.
     *
     * @param inputs  the inputs
     * @param output  the output ({@code null} or {@code -} for standard output)
     * @param rejects the rejects output ({@code -} for standard output), or {@code null} for none
     * @param report  the report output ({@code -} for standard output), or {@code null} for none
     * @throws IllegalArgumentException naming the two that are one file
     */
    static void check(List<InputFile> inputs, String output, String rejects, String report) {
        if (rejects != null && OutputTarget.isStandardOutput(output) && rejects.equals("-")) {
            throw new IllegalArgumentException("--rejects -: the output already goes to standard output; "
                    + "rejected records would be mixed into it. Name a file for the one or the other");
        }
        if (report != null && report.equals("-") && (OutputTarget.isStandardOutput(output) || "-".equals(rejects))) {
            throw new IllegalArgumentException("--report -: standard output is taken already; name a file");
        }
        List<Role> roles = new ArrayList<>();
        for (InputFile in : inputs) {
            roles.add(new Role("input", in.name(), in.isStdin() ? key(STDIN) : key(in.path())));
        }
        roles.add(new Role("output", OutputTarget.isStandardOutput(output) ? "standard output" : output,
                outputKey(output)));
        if (rejects != null) {
            roles.add(new Role("rejects", rejects.equals("-") ? "standard output" : rejects, outputKey(rejects)));
        }
        if (report != null) {
            roles.add(new Role("report", report.equals("-") ? "standard output" : report, outputKey(report)));
        }
        for (int i = 0; i < roles.size(); i++) {
            for (int j = i + 1; j < roles.size(); j++) {
                Role a = roles.get(i);
                Role b = roles.get(j);
                boolean bothInputs = a.role.equals("input") && b.role.equals("input");
                if (!bothInputs && a.key != null && a.key.equals(b.key)) {
                    String same = a.name.equals(b.name) ? a.name : a.name + " and " + b.name;
                    throw new IllegalArgumentException(same + ": the " + a.role + " and the " + b.role
                            + " are the same file; nothing was written");
                }
            }
        }
    }

    private static Object outputKey(String arg) {
        if (OutputTarget.isStandardOutput(arg)) {
            return key(STDOUT);
        }
        Path given = Path.of(arg).toAbsolutePath();
        if (Files.exists(given)) {
            return key(given);
        }
        try {
            // a file still to be made: the same name in the same (real) folder, after any dangling link
            Path target = OutputTarget.followLinks(arg, given);
            Path dir = target.getParent();
            return dir == null || !Files.isDirectory(dir) ? null : dir.toRealPath().resolve(target.getFileName());
        } catch (IOException | RuntimeException e) {
            return null; // opening it will say what is wrong
        }
    }

    /**
     * The identity of an existing file, following links: its file key (device and inode), else its real path;
     * {@code null} for a character device.
     */
    private static Object key(Path p) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class);
            if (attributes.isOther() && isCharacterDevice(p)) {
                return null;
            }
            Object key = attributes.fileKey();
            return key != null ? key : p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isCharacterDevice(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return (mode & 0170000) == 0020000; // S_IFMT, S_IFCHR
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
