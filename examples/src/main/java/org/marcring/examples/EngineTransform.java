package org.marcring.examples;

import java.nio.file.Path;

import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.engine.ErrorPolicy;
import org.marcring.engine.Pipeline;
import org.marcring.engine.PipelineResult;

/**
 * Runs the engine over an ISO 2709 file with a transform, on every core: records without a title are
 * dropped (the transform returns {@code null}), the others get a 590 note; the result is written as
 * MARCXML in input order. A record that cannot be read is skipped and reported on standard error, so the
 * run ends with every record written, filtered or rejected: the printed counts add up.
 *
 * <pre>
 * java -cp ... org.marcring.examples.EngineTransform books.mrc titled.xml
 * </pre>
 */
public final class EngineTransform {
    private EngineTransform() {
    }

    public static void main(String[] args) {
        DataField note = DataField.of("590", ' ', ' ', "a", "Converted by marcring.");
        try (Pipeline pipeline = Pipeline.builder()
                .source(Path.of(args[0]))
                .transform(record -> record.title() == null
                        ? null                                              // dropped: counted as filtered
                        : record.toBuilder().addFieldInOrder(note).build()) // runs on the parser threads
                .sink(Path.of(args[1]), MarcFormat.MARCXML)
                .errorPolicy(ErrorPolicy.skip(rejected -> System.err.println(rejected.message())))
                .build()) {
            PipelineResult result = pipeline.run();
            System.out.println(result.recordsRead() + " read, " + result.recordsWritten() + " written, "
                    + result.recordsFiltered() + " without a title, " + result.recordsRejected() + " rejected");
        }
    }
}
