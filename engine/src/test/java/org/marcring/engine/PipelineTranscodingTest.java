package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.json.MarcJsonEncoder;
import org.marcring.codec.testing.Corpus;
import org.marcring.codec.xml.MarcXmlEncoder;

/**
 * A conversion without a user function writes plain records straight from their bytes; its output, counts and
 * rejects are exactly those of the decoding path (forced here by an identity function), on every ISO 2709
 * file of the corpus, broken ones included, permissive and strict.
 */
class PipelineTranscodingTest {

    static Stream<Arguments> files() {
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (Corpus.Entry e : Corpus.entries(Corpus.Entry::isIso2709)) {
            args.add(Arguments.of(e.relative, 1 + i % 3, i % 2 == 0));
            i++;
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} parsers={1} strict={2}")
    @MethodSource("files")
    void writesWhatTheDecodingPathWrites(String file, int parsers, boolean strict) {
        ReadOptions options = strict ? ReadOptions.strict() : ReadOptions.defaults();
        List<Supplier<RecordEncoder>> encoders = List.of(MarcXmlEncoder::compact, MarcXmlEncoder::indented,
                Iso2709Encoder::new, MarcJsonEncoder::array);
        for (Supplier<RecordEncoder> encoder : encoders) {
            Run direct = run(file, parsers, options, encoder, null);
            Run decoded = run(file, parsers, options, encoder, Function.identity());
            String what = file + " -> " + encoder.get().getClass().getSimpleName();
            assertEquals(decoded.result.recordsRead(), direct.result.recordsRead(), what);
            assertEquals(decoded.result.recordsWritten(), direct.result.recordsWritten(), what);
            assertEquals(decoded.result.recordsRejected(), direct.result.recordsRejected(), what);
            assertEquals(decoded.result.recordsRepaired(), direct.result.recordsRepaired(), what);
            assertEquals(decoded.result.recordsWithDataDropped(), direct.result.recordsWithDataDropped(), what);
            assertEquals(decoded.rejects, direct.rejects, what);
            assertArrayEquals(decoded.output, direct.output, what);
            assertTrue(direct.result.isBalanced(), what);
        }
    }

    private record Run(PipelineResult result, byte[] output, List<Long> rejects) {
    }

    private static Run run(String file, int parsers, ReadOptions options, Supplier<RecordEncoder> encoder,
                           Function<MarcRecord, MarcRecord> transform) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> rejects = new ArrayList<>();
        PipelineBuilder b = Pipeline.builder().source(Corpus.file(file), MarcFormat.ISO2709).readOptions(options).parsers(parsers)
                .sink(out, encoder).errorPolicy(ErrorPolicy.skip(r -> rejects.add(r.ordinal())));
        if (transform != null) {
            b.transform(transform);
        }
        PipelineResult result = b.build().run();
        return new Run(result, out.toByteArray(), rejects);
    }
}
