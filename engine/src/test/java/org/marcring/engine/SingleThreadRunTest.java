package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.iso2709.Iso2709Encoder;

/**
 * A pipeline with one parser runs its three stages on one thread ({@link SingleThreadRun}): the same output,
 * counts and rejects as the ring's, in the same order. (Its faults are injected with the ring's, in
 * {@link PipelineFaultTest} and {@link ThreadErrorTest}.)
 */
class SingleThreadRunTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** Filters every 5th record and throws for every 7th (by the ordinal in its 001). */
    private static final Function<MarcRecord, MarcRecord> FILTER_AND_THROW = r -> {
        int n = Integer.parseInt(r.controlNumber());
        if (n % 7 == 6) {
            throw new IllegalArgumentException("no 7th records please: " + n);
        }
        return n % 5 == 4 ? null : r;
    };

    @Test
    void oneParserWritesWhatTheRingWritesOnOneThread(@TempDir Path dir) {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.numberedWithUndecodable(3000, 17, 1500, 2999);
            Path in = dir.resolve("in.mrc");
            Files.write(in, input);
            for (Function<MarcRecord, MarcRecord> transform : java.util.Arrays.asList(null, FILTER_AND_THROW)) {
                for (MarcFormat to : List.of(MarcFormat.ISO2709, MarcFormat.MARCXML)) {
                    Run ring = run(in, 2, transform, to, dir.resolve("ring"));
                    Run alone = run(in, 1, transform, to, dir.resolve("alone"));
                    assertEquals(Set.of(EngineThreads.WORKER), alone.threads, "one thread did all the work");
                    assertArrayEquals(ring.output, alone.output, to + ", " + transform);
                    assertArrayEquals(ring.rejectsFile, alone.rejectsFile);
                    assertEquals(ring.rejects, alone.rejects, "the same rejects, in order");
                    assertEquals(3000, alone.result.recordsRead());
                    assertEquals(ring.result.recordsWritten(), alone.result.recordsWritten());
                    assertEquals(ring.result.recordsFiltered(), alone.result.recordsFiltered());
                    assertEquals(ring.result.recordsRejected(), alone.result.recordsRejected());
                    assertTrue(alone.result.isBalanced() && alone.result.complete());
                    assertEquals(input.length, alone.result.bytesIn());
                }
            }
            Fixtures.assertNoEngineThreads();
        });
    }

    private record Run(PipelineResult result, byte[] output, byte[] rejectsFile, List<String> rejects,
                       Set<String> threads) {
    }

    private static Run run(Path in, int parsers, Function<MarcRecord, MarcRecord> transform, MarcFormat to,
                           Path prefix) throws IOException {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Function<MarcRecord, MarcRecord> noting = r -> {
            threads.add(Thread.currentThread().getName());
            return transform == null ? r : transform.apply(r);
        };
        List<String> rejects = new ArrayList<>();
        Path out = Path.of(prefix + ".out");
        Path rejectsFile = Path.of(prefix + ".rej");
        PipelineResult r = Pipeline.builder().source(in).parsers(parsers).batchBytes(8192).transform(noting)
                .sink(out, to)
                .errorPolicy(ErrorPolicy.rejectsFile(rejectsFile, rej -> {
                    threads.add(Thread.currentThread().getName());
                    rejects.add(rej.ordinal() + " " + rej.stage() + " " + rej.byteOffset());
                }))
                .build().run();
        return new Run(r, Files.readAllBytes(out), Files.readAllBytes(rejectsFile), rejects, threads);
    }

    @Test
    void theOneThreadsCpuTimeCountsAsTheParsers() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] input = Fixtures.concat(Fixtures.numberedRecords(2000));
            PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(input)).parsers(1)
                    .sink(new ByteArrayOutputStream(), Iso2709Encoder::new).build().run();
            PipelineResult.CpuTime cpu = r.cpu();
            assertEquals(0, cpu.io(), cpu.toString());
            assertEquals(0, cpu.writer(), cpu.toString());
            assertTrue(cpu.parsers() > 0 && cpu.parsers() <= r.elapsedNanos() + 20_000_000L, cpu + " in "
                    + r.elapsedNanos() + " ns");
        });
    }
}
