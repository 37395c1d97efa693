package org.marcring.codec.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.marcring.codec.io.EncodingWriter;
import org.marcring.codec.io.MarcWriter;

/** Opens {@link MarcWriter}s that write a MARCXML collection with a {@link MarcXmlEncoder}. */
public final class MarcXmlWriter {
    private MarcXmlWriter() {
    }

    /** A compact MARCXML writer to {@code out}; closing it closes {@code out}. */
    public static MarcWriter open(OutputStream out) {
        return open(out, MarcXmlEncoder.compact());
    }

    /** A MARCXML writer to {@code out} with the given encoder; closing it closes {@code out}. */
    public static MarcWriter open(OutputStream out, MarcXmlEncoder encoder) {
        return new EncodingWriter(out, encoder);
    }

    /** A compact MARCXML writer to a new (or truncated) file. */
    public static MarcWriter open(Path path) {
        return open(path, MarcXmlEncoder.compact());
    }

    /** A MARCXML writer to a new (or truncated) file with the given encoder. */
    public static MarcWriter open(Path path, MarcXmlEncoder encoder) {
        try {
            return open(Files.newOutputStream(path), encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
