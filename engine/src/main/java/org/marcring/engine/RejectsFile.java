package org.marcring.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/** The {@link ErrorPolicy} that writes each rejected record's raw bytes to a file (ISO 2709 in, ISO 2709 out). */
final class RejectsFile implements ErrorPolicy {
    private final Path file;
    private final Consumer<RejectedRecord> listener;
    private FileOutput out;

    RejectsFile(Path file, Consumer<RejectedRecord> listener) {
        this.file = Objects.requireNonNull(file, "file");
        this.listener = listener;
    }

    @Override
    public void reject(RejectedRecord record) throws IOException {
        if (out == null) {
            out = new FileOutput(file);
        }
        out.write(record.rawBytes(), 0, record.rawBytes().length);
        if (listener != null) {
            listener.accept(record);
        }
    }

    /** Writes out and closes the file (an empty one when nothing was rejected) under its temporary name. */
    @Override
    public void complete() throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, cannot write the rejected records there");
        }
        if (out == null) {
            out = new FileOutput(file);
        }
        out.complete();
    }

    @Override
    public void finish(boolean success) throws IOException {
        if (success) {
            complete(); // done already when the writer called it; a no-op then
            out.commit();
        } else if (out != null) {
            out.abort();
        }
        out = null;
    }
}
