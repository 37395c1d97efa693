package org.marcring.codec.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The shared corpus of real MARC files that tests read (never copied into the project). Its folder
 * comes from the system property {@code marcring.corpus} (default {@code ../shared/corpus} beside the
 * checkout). Where it is absent, corpus tests are skipped with a message, except under
 * {@code CI=true}, where its absence fails them.
 */
public final class Corpus {
    private static volatile List<Entry> manifest;

    private Corpus() {
    }

    /** The corpus folder; skips the calling test (or fails it on CI) where there is none. */
    public static Path root() {
        String configured = System.getProperty("marcring.corpus");
        Path dir = configured != null ? Path.of(configured) : Path.of("../shared/corpus");
        if (!Files.isDirectory(dir)) {
            // also try relative to the module folder when run from an IDE
            Path alt = Path.of("../../shared/corpus");
            if (configured == null && Files.isDirectory(alt)) {
                dir = alt;
            }
        }
        boolean present = Files.isRegularFile(dir.resolve("MANIFEST.tsv"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("the MARC corpus is missing under CI: " + dir.toAbsolutePath()
                    + " (set -Dmarcring.corpus=DIR)");
        }
        assumeTrue(present, "MARC corpus not found at " + dir.toAbsolutePath()
                + "; corpus tests skipped (set -Dmarcring.corpus=DIR)");
        return dir;
    }

    /** A file of the corpus by its relative path. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("corpus file missing: " + p);
        }
        return p;
    }

    /** Every row of {@code MANIFEST.tsv}. */
    public static List<Entry> manifest() {
        List<Entry> m = manifest;
        if (m == null) {
            Path root = root();
            try {
                List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"));
                List<Entry> entries = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    if (!line.isBlank()) {
                        entries.add(Entry.parse(root, line));
                    }
                }
                m = List.copyOf(entries);
                manifest = m;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return m;
    }

    /** Manifest rows matching {@code filter}. */
    public static List<Entry> entries(Predicate<Entry> filter) {
        return manifest().stream().filter(filter).collect(Collectors.toList());
    }

    /**
     * One manifest row. Columns: path, bytes, format, records(0x1D), leader_walk_recs, len_mismatch,
     * ldr09_first, ldr09_all, content_bytes, ldr06_types, notes, yaz_recs, yaz_msgs.
     */
    public static final class Entry {
        public final Path path;
        public final String relative;
        public final long bytes;
        public final String format;
        public final int terminators;
        public final int leaderWalkRecords;
        public final int lengthMismatches;
        public final String ldr09First;
        public final String ldr09All;
        public final String contentBytes;
        public final String notes;

        private Entry(Path path, String relative, String[] c) {
            this.path = path;
            this.relative = relative;
            this.bytes = parseLong(c, 1);
            this.format = col(c, 2);
            this.terminators = (int) parseLong(c, 3);
            this.leaderWalkRecords = (int) parseLong(c, 4);
            this.lengthMismatches = (int) parseLong(c, 5);
            this.ldr09First = col(c, 6);
            this.ldr09All = col(c, 7);
            this.contentBytes = col(c, 8);
            this.notes = col(c, 10);
        }

        static Entry parse(Path root, String line) {
            String[] c = line.split("\t", -1);
            return new Entry(root.resolve(c[0]), c[0], c);
        }

        private static String col(String[] c, int i) {
            return i < c.length ? c[i] : "";
        }

        private static long parseLong(String[] c, int i) {
            try {
                return Long.parseLong(col(c, i).trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** An ISO 2709 file. */
        public boolean isIso2709() {
            return "ISO2709".equals(format);
        }

        /** Whether the file name says it is broken on purpose. */
        public boolean isBrokenByName() {
            String name = relative.toLowerCase();
            return name.contains("bad") || name.contains("error") || name.contains("missing")
                    || name.contains("mangled") || name.contains("illegal") || name.contains("incomplete")
                    || name.contains("fuzz") || name.contains("messed") || name.contains("invalid")
                    || name.contains("truncat") || name.contains("eof") || name.contains("filler");
        }

        /**
         * A well-formed ISO 2709 file: every record's leader length is right, the terminators and the
         * leader walk agree, and the name does not say it is broken.
         */
        public boolean isValidIso2709() {
            return isIso2709() && lengthMismatches == 0 && terminators > 0 && terminators == leaderWalkRecords
                    && !isBrokenByName() && !notes.contains("nondigit");
        }

        /** Whether every leader says UTF-8 and the bytes are valid UTF-8 (or ASCII). */
        public boolean isUtf8() {
            return ldr09All.matches("a:\\d+") && (contentBytes.startsWith("utf8-valid")
                    || contentBytes.startsWith("ascii-only"));
        }

        /** Whether every leader says MARC-8 (leader/09 blank). */
        public boolean isMarc8() {
            return ldr09All.matches("' ':\\d+");
        }

        @Override
        public String toString() {
            return relative;
        }
    }
}
