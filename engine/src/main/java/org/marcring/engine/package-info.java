/**
 * The engine: MARC records read, transformed and written on every core through one LMAX Disruptor ring.
 *
 * <p>One I/O thread ({@code marcring-io}) frames the input through a {@link org.marcring.engine.RecordSource}
 * into preallocated ring entries, each a batch of whole records of up to 64 KiB (published at once when the
 * input has nothing more ready); N parser threads ({@code marcring-parser-N}) each decode, transform and encode
 * the batches of their stripe; one writer thread ({@code marcring-writer}) writes each batch's output in one
 * call, strictly in input order, reports rejects in order to the {@link org.marcring.engine.ErrorPolicy} and
 * keeps the counts. A byte budget bounds the bytes in flight in the ring, whatever the records' sizes. A
 * pipeline with one parser has no ring: one thread ({@code marcring-worker}) fills a batch, parses it and writes
 * it, then the next, so that a run asked for one thread uses one core.
 *
 * <ul>
 * <li>{@link org.marcring.engine.Pipeline} (built by {@link org.marcring.engine.PipelineBuilder}): a whole
 * conversion, returning a {@link org.marcring.engine.PipelineResult} or throwing an
 * {@link org.marcring.engine.EngineException} with the counts so far.</li>
 * <li>{@link org.marcring.engine.ParallelReader}: a drop-in {@code MarcReader} that decodes ahead on N
 * threads.</li>
 * <li>{@link org.marcring.engine.ParallelWriter}: a drop-in {@code MarcWriter} that encodes on N threads.</li>
 * <li>Inputs: {@link org.marcring.engine.RecordSources} gives the source for any readable format
 * ({@code PipelineBuilder.source(path)}, {@code ParallelReader.open(path)}, with or without a format):
 * {@link org.marcring.engine.Iso2709Source}; for the text formats {@link org.marcring.engine.TextRecordSource}
 * (NDJSON lines, MARCMaker blank-line blocks), {@link org.marcring.engine.XmlRecordSource} (MARCXML record
 * elements) and {@link org.marcring.engine.JsonRecordSource} (MARC-in-JSON objects), each taking the format's
 * decoder as
 * a {@link org.marcring.engine.RecordParser} per thread ({@link org.marcring.engine.ReaderParser} makes one
 * from any format's streaming reader).</li>
 * <li>{@link org.marcring.engine.IdleWaitStrategy}: the default wait strategy, which gives an idle stage's
 * core to the busy ones.</li>
 * </ul>
 *
 * <p>Every entry point that reads a path or stream detects its format unless told one: the default is
 * {@code MarcFormat.AUTO}, never {@code null}. I/O failures are thrown as {@code UncheckedIOException}, as
 * the codec's package {@code org.marcring.codec.io} says for the whole API; a failed run is an
 * {@link org.marcring.engine.EngineException}.
 *
 * <p>No JVM flags, no static mutable state; several pipelines may run at once in one JVM.
 */
package org.marcring.engine;
