package org.marcring.codec.xml;

import java.io.BufferedOutputStream;
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

    /** An indented MARCXML writer to {@code out}; closing it closes {@code out}. */
    public static MarcWriter open(OutputStream out) {
        return open(out, MarcXmlEncoder.indented());
    }

    /** A MARCXML writer to {@code out} with the given encoder; closing it closes {@code out}. */
    public static MarcWriter open(OutputStream out, MarcXmlEncoder encoder) {
        return new EncodingWriter(out, encoder);
    }

    /** An indented MARCXML writer to a new (or truncated) file. */
    public static MarcWriter open(Path path) {
        return open(path, MarcXmlEncoder.indented());
    }

    /** A MARCXML writer to a new (or truncated) file with the given encoder. */
    public static MarcWriter open(Path path, MarcXmlEncoder encoder) {
        try {
            return open(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
