package org.marcring.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.testing.Corpus;
import org.marcring.engine.generate.CorpusGenerator;
import org.marcring.engine.generate.Replicator;

class BenchFilesTest {

    @Test
    void syntheticFilesAreGeneratedOnceWhereBenchDataSays(@TempDir Path dir) throws IOException {
        String before = System.getProperty("marcring.benchdata");
        System.setProperty("marcring.benchdata", dir.toString());
        try {
            Path file = BenchFiles.resolve("synthetic-256k.mrc");
            assertEquals(dir.resolve("v" + CorpusGenerator.VERSION).resolve("synthetic-256k.mrc"), file);
            assertTrue(Files.size(file) >= 256 * 1024 && Files.size(file) < 256 * 1024 + 20_000);
            long modified = Files.getLastModifiedTime(file).toMillis();
            BenchInput in = BenchFiles.load("synthetic-256k.mrc");
            assertEquals(Files.size(file), in.size());
            assertTrue(in.records() > 100, in.describe());
            assertEquals(modified, Files.getLastModifiedTime(file).toMillis(), "not generated again");
            try (var listing = Files.list(file.getParent())) {
                assertEquals(1, listing.count(), "no partial file left behind");
            }
        } finally {
            if (before == null) {
                System.clearProperty("marcring.benchdata");
            } else {
                System.setProperty("marcring.benchdata", before);
            }
        }
    }

    @Test
    void anInputCanBeReplicatedToASize(@TempDir Path dir) throws IOException {
        String before = System.getProperty("marcring.benchdata");
        System.setProperty("marcring.benchdata", dir.toString());
        try {
            Path small = BenchFiles.resolve("synthetic-64k.mrc");
            BenchInput source = BenchFiles.load(small.toString());
            BenchInput big = BenchFiles.load(small + "@1m");
            assertEquals(BenchFiles.benchData().resolve("synthetic-64k-1048576b.mrc"), big.path());
            assertTrue(big.size() >= 1 << 20 && big.size() < (1 << 20) + 20_000, big.describe());
            // a copy of the source differs from it by the lengths of the new control numbers (r0000000001)
            long copy = source.size();
            try (Iso2709Reader reader = Iso2709Reader.of(source.bytes(), ReadOptions.strict())) {
                for (MarcRecord r : reader) {
                    copy += Replicator.controlNumber(0).length() - r.controlNumber().length();
                }
            }
            // so 1 MiB takes more than 15 copies of the 64 KiB source and fewer than 16
            assertTrue(15 * copy < 1 << 20 && 16 * copy > 1 << 20, source.describe());
            assertTrue(big.records() > 15 * source.records() && big.records() <= 16 * source.records(),
                    source.describe() + " -> " + big.describe());
        } finally {
            if (before == null) {
                System.clearProperty("marcring.benchdata");
            } else {
                System.setProperty("marcring.benchdata", before);
            }
        }
    }

    @Test
    void corpusInputsAreFoundByName() {
        Path root = Corpus.root();                      // skips without the shared corpus
        BenchInput pride = BenchFiles.load(BenchFiles.PRIDE);
        assertEquals(root.resolve("marc4j/test/resources/pride-and-prejudice-fixed.mrc").toAbsolutePath().normalize(),
                pride.path().toAbsolutePath().normalize());
        assertEquals(383, pride.records());             // MANIFEST.tsv: 383 record terminators
        assertEquals(2000, BenchFiles.load(BenchFiles.REALISTIC).records());
    }

    @Test
    void anUnknownNameIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchFiles.resolve("no-such-input.mrc"));
        assertTrue(e.getMessage().contains("synthetic-<size>.mrc"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchFiles.resolve(BenchFiles.PRIDE + "@lots"));
    }
}
