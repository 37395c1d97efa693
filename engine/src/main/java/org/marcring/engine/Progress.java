package org.marcring.engine;

/**
 * A snapshot of a running pipeline, handed to a {@link ProgressListener}.
 *
 * @param recordsDone     records the writer has handled (written, filtered or rejected)
 * @param recordsWritten  of which written
 * @param recordsRejected of which rejected
 * @param bytesIn         input bytes up to the end of the last record handled
 * @param elapsedNanos    time since the run started
 */
public record Progress(long recordsDone, long recordsWritten, long recordsRejected, long bytesIn,
                       long elapsedNanos) {
}
