package org.marcring.codec.io;

import java.util.List;
import java.util.Locale;

import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.json.MarcJsonEncoder;
import org.marcring.codec.line.LineEncoder;
import org.marcring.codec.mrk.MrkEncoder;
import org.marcring.codec.mrk.MrkFlavor;
import org.marcring.codec.xml.MarcXmlEncoder;

/**
 * The formats marcring reads and writes, each with the names it answers to on a command line
 * ({@link #of(String)}) and a fresh encoder ({@link #newEncoder()}). Open readers and writers with
 * {@link MarcFormats}.
 *
 * <p>{@link #AUTO} is not a format of its own but the one way to ask for detection: every entry point that
 * reads ({@code MarcFormats.openReader}, the engine's {@code Pipeline.builder().source(...)} and
 * {@code ParallelReader.open(...)}) takes it, and uses it where no format is given. No reader takes
 * {@code null} for "detect".
 */
public enum MarcFormat {
    /** ISO 2709 exchange format (binary MARC): {@code iso2709}, {@code marc}, {@code mrc}. */
    ISO2709("iso2709", "marc", "mrc", "usmarc"),
    /** MARCXML (MARC 21 slim): {@code marcxml}, {@code xml}. */
    MARCXML("marcxml", "xml"),
    /** MARC-in-JSON: one record, or a JSON array of records: {@code json}. */
    JSON("json", "marc-in-json", "mij"),
    /** MARC-in-JSON, one record per line: {@code ndjson}. */
    NDJSON("ndjson", "jsonl"),
    /** MARCMaker mnemonic text in ASCII, diacritics before their letter: {@code mrk}. */
    MRK("mrk", "marcmaker"),
    /** MARCMaker text in UTF-8 (MarcEdit's .mrk8): {@code mrk8}. */
    MRK8("mrk8"),
    /** A human-readable line dump; written only: {@code line}. */
    LINE("line", "text", "txt"),
    /**
     * Whichever readable format the first bytes show (gzip is looked through): {@code auto}. Read only;
     * where the bytes show none, opening fails with a {@link org.marcring.codec.MarcException}, and empty
     * or blank input reads as no records.
     */
    AUTO("auto", "detect");

    private final List<String> names;

    MarcFormat(String... names) {
        this.names = List.of(names);
    }

    /** The names this format answers to, the first its own. */
    public List<String> names() {
        return names;
    }

    /** The format's own name ({@code marcxml}, {@code mrc} …). */
    public String displayName() {
        return names.get(0);
    }

    /**
     * The format with {@code name} among its names (case does not matter).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static MarcFormat of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (MarcFormat f : values()) {
            if (f.names.contains(n)) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (MarcFormat f : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(String.join("|", f.names));
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; known: " + known);
    }

    /** Whether records can be read in this format (all but {@link #LINE}; {@link #AUTO} reads any of them). */
    public boolean isReadable() {
        return this != LINE;
    }

    /** Whether records can be written in this format (all but {@link #AUTO}). */
    public boolean isWritable() {
        return this != AUTO;
    }

    /**
     * A new encoder with this format's defaults: UTF-8 ISO 2709, compact MARCXML, a JSON array,
     * NDJSON, ASCII or UTF-8 MARCMaker, the line dump. Encoders keep scratch space: one per thread.
     *
     * @throws IllegalStateException for {@link #AUTO}, which names no format to write
     */
    public RecordEncoder newEncoder() {
        switch (this) {
            case AUTO:
                throw new IllegalStateException("'auto' is for reading: name the format to write");
            case ISO2709:
                return new Iso2709Encoder();
            case MARCXML:
                return MarcXmlEncoder.compact();
            case JSON:
                return MarcJsonEncoder.array();
            case NDJSON:
                return MarcJsonEncoder.lines();
            case MRK:
                return new MrkEncoder(MrkFlavor.MRK);
            case MRK8:
                return new MrkEncoder(MrkFlavor.MRK8);
            case LINE:
            default:
                return new LineEncoder();
        }
    }
}
