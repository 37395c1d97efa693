/**
 * The {@code marcring} command line ({@link org.marcring.engine.cli.Marcring}, picocli): {@code convert},
 * {@code count}, {@code stats}, {@code validate}, {@code dump}, {@code generate} and {@code bench}.
 *
 * <p>Each command that reads runs one engine pipeline per input ({@code Runs}, {@code Sources} over the
 * engine's {@code RecordSources}; FIFOs and other streams are read once through {@code InputFile});
 * {@code convert} writes every run into one output ({@code OutputTarget}: standard output, a device or FIFO
 * written straight, or a file written as a {@code PartFile} and renamed into place only when the output, the
 * rejects and the report are all complete; gzip by name), with the format's header and footer written once and
 * separators kept right across runs ({@code FramedEncoder}), after {@code DistinctFiles} has made sure that no
 * two of the run's files are one. Rejected records and records written with data dropped are named on standard
 * error, rejects optionally kept raw, both optionally listed in a report ({@code RejectReporter}); a progress
 * bar is drawn on a terminal ({@code ProgressBar}). Data goes to standard output through
 * {@code StandardOutput}, which fails on a write error and ends the run quietly when the pipe's reader is gone.
 * Exit codes: 0 success; 1 records rejected, written with data dropped, or problems found; 2 usage error,
 * unreadable input, unwritable output, files that are one, unknown format; 141 the reader of standard output
 * went away.
 */
package org.marcring.engine.cli;
