package org.marcring.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary file a command writes an output file to before renaming it to its name: hidden, beside the
 * target (so that the rename stays on one file system), and named after the run that writes it,
 * {@code .<target>.marcring-<boot>-<pid>-<start>.part}: the host's boot (the first 8 hex digits of its boot
 * id), the process id and the process's start time in clock ticks after boot (field 22 of
 * {@code /proc/PID/stat}, which, unlike a wall-clock start time, never shifts when the clock is set). A name
 * says what the file is, and lets a later run prove that the run which wrote it is dead: same boot of the
 * same host, and no process with that id, or one that started at another tick. {@link #removeStale(Path)}
 * deletes those.
 *
 * <p>It is created with the permissions any new file gets (the process's umask), unlike
 * {@link Files#createTempFile}, so that the finished output is readable as any other file the user writes.
 */
final class PartFile {
    /** How the help text names the temporary file of an output {@code OUT}. */
    static final String PATTERN = ".OUT.marcring-…part";

    private static final String BOOT = bootId();
    private static final long PID = ProcessHandle.current().pid();
    private static final long START = startTicks(PID);

    private PartFile() {
    }

    /**
     * Creates a new, empty temporary file for {@code target} in its folder.
     *
     * @throws IOException if the folder cannot be written
     */
    static Path create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        String stem = prefix(absolute) + BOOT + "-" + PID + "-" + START;
        for (int n = 0; ; n++) {
            Path part = absolute.resolveSibling(stem + (n == 0 ? "" : "-" + n) + ".part");
            try {
                return Files.createFile(part);
            } catch (FileAlreadyExistsException taken) {
                // another output of this process to the same name (not at the same time: that is refused)
            }
        }
    }

    /**
     * Deletes the temporary files of {@code target} left by runs that provably ended without cleaning up
     * (killed with {@code kill -9}, a crash, a power cut on this boot): written on this boot of this host by a
     * process that no longer runs. Files of live runs, of other hosts or boots, and any other file are left.
     *
     * @return the files deleted
     */
    static List<Path> removeStale(Path target) {
        Path absolute = target.toAbsolutePath();
        Pattern name = Pattern.compile(Pattern.quote(prefix(absolute))
                + "([0-9a-f]{8})-([0-9]{1,19})-([0-9]{1,19})(?:-[0-9]{1,9})?\\.part");
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(absolute.getParent(),
                p -> name.matcher(p.getFileName().toString()).matches())) {
            for (Path p : dir) {
                Matcher m = name.matcher(p.getFileName().toString());
                if (m.matches() && isDead(m.group(1), m.group(2), m.group(3))
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                    removed.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder we cannot list or a file we cannot delete: left as it is; the run goes on
        }
        return removed;
    }

    private static boolean isDead(String boot, String pid, String start) {
        if (BOOT.equals("00000000") || !BOOT.equals(boot)) {
            return false; // another host or boot: its process ids mean nothing here
        }
        long id;
        long started;
        try {
            id = Long.parseLong(pid);
            started = Long.parseLong(start);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(id);
        if (process.isEmpty()) {
            return true;
        }
        long actual = startTicks(id);
        return started > 0 && actual > 0 && actual != started; // the id was reused by a later process
    }

    private static String prefix(Path absolute) {
        return "." + absolute.getFileName() + ".marcring-";
    }

    /** The start time of process {@code pid} in clock ticks after boot, or 0 where it cannot be read. */
    static long startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // pid (comm) state ppid ...: the name may hold spaces and parentheses, so count after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[19]); // field 22, starttime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String bootId() {
        try {
            String id = Files.readString(Path.of("/proc/sys/kernel/random/boot_id"), StandardCharsets.US_ASCII)
                    .strip().replace("-", "");
            if (id.length() >= 8 && id.substring(0, 8).matches("[0-9a-f]{8}")) {
                return id.substring(0, 8);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no stale file can be proved dead
        }
        return "00000000";
    }
}
