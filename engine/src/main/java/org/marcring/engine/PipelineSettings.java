package org.marcring.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.HdrHistogram.Recorder;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.RecordEncoder;

/**
 * What a {@link PipelineBuilder} was told, fixed when the pipeline is built: the builder may be changed and
 * reused afterwards without touching a pipeline built from it. Exactly one of the source fields and one of the
 * sink fields is set.
 */
record PipelineSettings(Path sourcePath, InputStream sourceStream, ReadableByteChannel sourceChannel,
                        RecordSource source, MarcFormat sourceFormat, ReadOptions readOptions, RingSettings ring,
                        Function<MarcRecord, MarcRecord> transform, Path sinkPath, OutputStream sinkStream,
                        Supplier<? extends RecordEncoder> encoders, Consumer<MarcRecord> sinkCallback,
                        ErrorPolicy errorPolicy, ProgressListener progress, double offeredRate,
                        Recorder latencyRecorder) {
}
