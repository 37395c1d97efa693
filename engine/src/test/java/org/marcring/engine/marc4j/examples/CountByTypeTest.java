package org.marcring.engine.marc4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marcring.codec.testing.Corpus;
import org.marcring.engine.marc4j.ParallelMarcReader;

/** The marc4j-style example prints the same with marc4j's reader and with marcring's. */
class CountByTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"mrrc/tests/data/fixtures/realistic.mrc", "solrmarc/test/data/records/uva_001_2000.mrc",
            "marc4j/test/resources/summerland.mrc", "pymarc/test/test.dat"})
    void sameOutputWithMarc4jsReaderAndWithMarcrings(String file) throws IOException {
        Corpus.Entry entry = Corpus.manifest().stream().filter(e -> e.relative.equals(file)).findFirst().orElseThrow();
        String marc4j;
        try (InputStream in = Files.newInputStream(entry.path)) {
            marc4j = output(new MarcPermissiveStreamReader(in, true, true));
        }
        String marcring;
        try (InputStream in = Files.newInputStream(entry.path)) {
            marcring = output(new ParallelMarcReader(in, true, true));
        }
        assertEquals(marc4j, marcring);
        assertTrue(marcring.contains(String.format("%8d  records", entry.terminators)), marcring);
    }

    private static String output(MarcReader reader) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CountByType.run(reader, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
