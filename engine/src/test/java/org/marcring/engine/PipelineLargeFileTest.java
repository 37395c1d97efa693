package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;

/** 100,000 records (the corpus' realistic file, 50 times): the engine writes the sequential loop's bytes. */
class PipelineLargeFileTest {

    @Test
    void hundredThousandRecordsByteIdenticalToTheSequentialLoop(@TempDir Path dir) throws Exception {
        Path file = Fixtures.replicated(dir, 50);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            MessageDigest expected = MessageDigest.getInstance("SHA-256");
            long expectedBytes = 0;
            long records = 0;
            try (Iso2709Reader reader = Iso2709Reader.open(file)) {
                Iso2709Encoder encoder = new Iso2709Encoder();
                ByteArrayBuilder out = new ByteArrayBuilder(1 << 16);
                for (MarcRecord r : reader) {
                    out.reset();
                    encoder.encode(r, out);
                    expected.update(out.array(), 0, out.length());
                    expectedBytes += out.length();
                    records++;
                }
            }
            assertEquals(100_000, records);
            byte[] expectedDigest = expected.digest();
            for (int parsers : new int[] {2, 3}) {
                MessageDigest actual = MessageDigest.getInstance("SHA-256");
                PipelineResult r;
                try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), actual)) {
                    r = Pipeline.builder().source(file).parsers(parsers).ringSize(1024)
                            .sink(sink, Iso2709Encoder::new).build().run();
                }
                assertEquals(100_000, r.recordsRead());
                assertEquals(100_000, r.recordsWritten());
                assertEquals(expectedBytes, r.bytesOut());
                assertEquals(Files.size(file), r.bytesIn());
                assertTrue(r.latency().p50() > 0 && r.latency().p50() <= r.latency().max());
                assertArrayEquals(expectedDigest, actual.digest(), "parsers=" + parsers);
                System.out.println("100k records, " + parsers + " parsers: " + r);
            }
            Fixtures.assertNoEngineThreads();
        });
    }
}
