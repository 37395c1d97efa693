/**
 * Reading and writing records in every format: {@link org.marcring.codec.io.MarcFormats} opens a
 * {@link org.marcring.codec.io.MarcReader} or {@link org.marcring.codec.io.MarcWriter};
 * {@link org.marcring.codec.io.MarcFormat} names the formats, {@link org.marcring.codec.io.MarcFormat#AUTO}
 * asks for the format the first bytes show; {@link org.marcring.codec.io.ReadOptions} says how records are
 * read.
 *
 * <h2>Exceptions</h2>
 * One rule for the whole record API of marcring (this package, the format readers and writers, and the
 * engine's {@code Pipeline}, {@code ParallelReader}, {@code ParallelWriter} and {@code RecordSources}): no
 * method that opens, reads, writes or closes records declares a checked exception. A failure of the file
 * system or a stream is thrown as {@link java.io.UncheckedIOException} (its cause the {@code IOException}),
 * whether it happens while opening a file or in the middle of a {@code for} loop over a reader, where a
 * checked exception could not be thrown. Bad data is a {@link org.marcring.codec.MarcException}; a record
 * that cannot be read is a {@link org.marcring.codec.MarcFormatException} naming its ordinal and byte offset.
 * Only the byte-level building blocks that take or implement {@code java.io} streams and channels
 * ({@code RecordFramer}, {@link org.marcring.codec.io.GzipInput}, {@link org.marcring.codec.io.FormatDetector},
 * {@link org.marcring.codec.io.ByteArrayBuilder#writeTo}) keep {@code IOException}, as {@code java.io} does.
 */
package org.marcring.codec.io;
