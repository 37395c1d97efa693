package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.xml.MarcXmlReader;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the engine with arbitrary input: a run always ends, accounts for every record read as written,
 * filtered or rejected, writes in input order (byte for byte what the sequential codec loop writes, for
 * ISO 2709), hands out rejects in order with their raw bytes as they were in the input, and leaves no engine
 * thread behind. Regression mode by default; {@code JAZZER_FUZZ=1} fuzzes (docs/robustness.md).
 */
class PipelineFuzzTest {
    private static final ReadOptions OPTIONS = ReadOptions.defaults().withMaxRecordBytes(8192).withMaxFields(200);

    /** Drops a record whose control number hashes to 0 mod 5, so that filtering is part of every run. */
    private static final Function<MarcRecord, MarcRecord> FILTER = r ->
            Math.floorMod(String.valueOf(r.controlNumber()).hashCode(), 5) == 0 ? null : r;

    @FuzzTest(maxDuration = "10m")
    void iso2709(byte[] data) {
        if (data == null) {
            return;
        }
        List<RejectedRecord> rejects = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PipelineResult r = Pipeline.builder().source(new ByteArrayInputStream(data)).readOptions(OPTIONS)
                .parsers(2).ringSize(8).transform(FILTER).sink(out, Iso2709Encoder::new)
                .errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
        Sequential.Outcome expected = Sequential.convert(data, OPTIONS, FILTER);
        assertBalanced(r, rejects, data, true);
        assertEquals(expected.written(), r.recordsWritten(), r.toString());
        assertEquals(expected.filtered(), r.recordsFiltered(), r.toString());
        assertEquals(expected.rejected(), r.recordsRejected(), r.toString());
        assertArrayEquals(expected.bytes(), out.toByteArray(), "the engine writes what the sequential loop writes");
        Fixtures.assertNoEngineThreads();
    }

    @FuzzTest(maxDuration = "10m")
    void marcXml(byte[] data) {
        if (data == null) {
            return;
        }
        List<RejectedRecord> rejects = new ArrayList<>();
        List<String> written = new ArrayList<>();
        PipelineResult r;
        try {
            r = Pipeline.builder()
                    .source(XmlRecordSource.of(new ByteArrayInputStream(data), OPTIONS,
                            () -> new ReaderParser(in -> MarcXmlReader.open(in, OPTIONS))))
                    .parsers(2).ringSize(8).transform(FILTER).sink(rec -> written.add(rec.controlNumber()))
                    .errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
        } catch (EngineException e) {
            // the source may refuse the input as a whole (nesting beyond the limit); nothing is left running
            assertTrue(e.partialResult() == null || !e.partialResult().complete(), e.toString());
            Fixtures.assertNoEngineThreads();
            return;
        }
        assertBalanced(r, rejects, data, false);
        assertEquals(written.size(), r.recordsWritten());
        Fixtures.assertNoEngineThreads();
    }

    @FuzzTest(maxDuration = "10m")
    void anyFormat(byte[] data) {
        if (data == null) {
            return;
        }
        List<RejectedRecord> rejects = new ArrayList<>();
        List<String> written = new ArrayList<>();
        PipelineResult r;
        try {
            r = Pipeline.builder().source(new ByteArrayInputStream(data), MarcFormat.AUTO).readOptions(OPTIONS)
                    .parsers(2).ringSize(8).transform(FILTER).sink(rec -> written.add(rec.controlNumber()))
                    .errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
        } catch (EngineException e) {
            // the input refused as a whole: no format detected, corrupt gzip, nesting beyond the limit
            Throwable cause = e.getCause();
            while (cause instanceof EngineException) { // a failure of the input, passed on by the writer
                cause = cause.getCause();
            }
            assertTrue(cause instanceof org.marcring.codec.MarcException || cause instanceof java.io.IOException
                    || cause instanceof java.io.UncheckedIOException, "a documented cause: " + e);
            Fixtures.assertNoEngineThreads();
            return;
        }
        assertBalanced(r, rejects, data, false);
        assertEquals(written.size(), r.recordsWritten());
        Fixtures.assertNoEngineThreads();
    }

    /** Checks the accounting; for ISO 2709 ({@code exactRaw}) also that each reject's bytes are the input's. */
    private static void assertBalanced(PipelineResult r, List<RejectedRecord> rejects, byte[] data, boolean exactRaw) {
        assertTrue(r.complete(), r.toString());
        assertEquals(r.recordsRead(), r.recordsWritten() + r.recordsFiltered() + r.recordsRejected(),
                "read = written + filtered + rejected: " + r);
        assertEquals(r.recordsRejected(), rejects.stream().filter(rej -> !rej.isSkippedBytes()).count());
        assertEquals(r.regionsSkipped(), rejects.stream().filter(RejectedRecord::isSkippedBytes).count());
        long previous = -1;
        long previousOffset = -1;
        for (RejectedRecord rej : rejects) {
            // skipped bytes carry the ordinal of the record after them; records after them keep their own
            assertTrue(rej.ordinal() > previous, "rejects in input order");
            assertTrue(rej.byteOffset() > previousOffset || rej.byteOffset() < 0, "rejects in input order");
            previousOffset = Math.max(previousOffset, rej.byteOffset());
            if (!rej.isSkippedBytes()) {
                previous = rej.ordinal();
            }
            if (exactRaw) {
                int from = (int) rej.byteOffset();
                byte[] raw = rej.rawBytes();
                assertTrue(from >= 0 && from + raw.length <= data.length, "a reject lies inside the input");
                assertArrayEquals(Arrays.copyOfRange(data, from, from + raw.length), raw,
                        "a reject's bytes are the input's at its offset");
            }
        }
    }
}
