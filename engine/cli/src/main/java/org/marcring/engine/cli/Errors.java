package org.marcring.engine.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into one readable line for the command line. */
final class Errors {
    private Errors() {
    }

    /** The exception in words, without class names where the message says enough. */
    static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof NoSuchFileException) {
            return ((NoSuchFileException) t).getFile() + ": no such file";
        }
        if (t instanceof AccessDeniedException) {
            return ((AccessDeniedException) t).getFile() + ": permission denied";
        }
        if (t instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) t;
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
        }
        if (t instanceof FileNotFoundException) {
            return t.getMessage();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
