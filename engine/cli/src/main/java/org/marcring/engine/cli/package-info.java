/**
 * The {@code marcring} command line ({@link org.marcring.engine.cli.Marcring}, picocli): {@code convert},
 * {@code count}, {@code stats}, {@code validate}, {@code dump}, {@code generate} and {@code bench}.
 *
 * <p>Each command that reads runs one engine pipeline per input ({@code Runs}, {@code Sources} over the
 * engine's {@code RecordSources}); {@code convert} writes every run into one output ({@code OutputTarget}:
 * standard output, or a file renamed into place on success, gzip by name), with the format's header and
 * footer written once and separators kept right across runs ({@code FramedEncoder}). Rejected records are
 * named on standard error and optionally kept raw ({@code RejectReporter}); a progress bar is drawn on a
 * terminal ({@code ProgressBar}). Exit codes: 0 success, 1 records rejected or problems found, 2 usage error,
 * unreadable input, unwritable output, unknown format.
 */
package org.marcring.engine.cli;
