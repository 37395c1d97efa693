package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.iso2709.Iso2709Encoder;

/**
 * {@link ErrorPolicy#rejectsFile(Path)} and the output are committed together: both only once both are
 * complete. A rejects file that fails after the output has been written in full leaves neither file behind.
 */
class RejectsFileCommitTest {

    @Test
    void aRejectsFileThatCannotBeCreatedAtTheEndLeavesNoOutput(@TempDir Path dir) throws IOException {
        // no record is rejected, so the (empty) rejects file is first made at the end, after the whole output
        byte[] input = Fixtures.concat(Fixtures.numberedRecords(200));
        Path out = dir.resolve("out.mrc");
        EngineException e = assertThrows(EngineException.class, () -> Pipeline.builder()
                .source(new ByteArrayInputStream(input)).parsers(2).sink(out, Iso2709Encoder::new)
                .errorPolicy(ErrorPolicy.rejectsFile(dir.resolve("no-such-folder").resolve("rejects.mrc")))
                .build().run());
        assertFalse(e.partialResult().complete());
        assertEquals(200, e.partialResult().recordsWritten(), "the output was complete when the rejects failed");
        assertEquals(List.of(), files(dir), "neither the output nor a temporary file is left");
    }

    @Test
    void aRejectsFileThatCannotReplaceItsTargetLeavesNoOutput(@TempDir Path dir) throws IOException {
        byte[] input = Fixtures.numberedWithUndecodable(200, 17, 99);
        Path out = dir.resolve("out.mrc");
        Path rejects = Files.createDirectory(dir.resolve("rejects.mrc"));
        Files.write(rejects.resolve("keep.txt"), new byte[] {1});
        EngineException e = assertThrows(EngineException.class, () -> Pipeline.builder()
                .source(new ByteArrayInputStream(input)).parsers(2).sink(out, Iso2709Encoder::new)
                .errorPolicy(ErrorPolicy.rejectsFile(rejects)).build().run());
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertEquals(198, e.partialResult().recordsWritten());
        assertEquals(2, e.partialResult().recordsRejected());
        assertEquals(List.of("rejects.mrc", "rejects.mrc/keep.txt"), files(dir), "no output, no temporary file");
    }

    @Test
    void aSuccessfulRunCommitsTheOutputAndTheRejects(@TempDir Path dir) throws IOException {
        byte[] input = Fixtures.numberedWithUndecodable(200, 17, 99);
        List<byte[]> records = Fixtures.numberedRecords(200);
        Path out = dir.resolve("out.mrc");
        Path rejects = dir.resolve("rejects.mrc");
        PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(2)
                .sink(out, Iso2709Encoder::new).errorPolicy(ErrorPolicy.rejectsFile(rejects)).build().run();
        assertEquals(198, r.recordsWritten());
        assertEquals(List.of("out.mrc", "rejects.mrc"), files(dir));
        byte[] expected = Fixtures.concat(List.of(Fixtures.undecodable(records.get(17)),
                Fixtures.undecodable(records.get(99))));
        assertArrayEquals(expected, Files.readAllBytes(rejects));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .collect(Collectors.toList());
        }
    }
}
