package org.marcring.spark;

import java.util.Locale;

/**
 * The input formats the {@code marc} source reads, and which of them split by byte range. The option
 * {@code format} names one for every file of a read; without it each file's format follows from its name
 * (after any compression extension): {@code .ndjson} and {@code .jsonl} NDJSON, {@code .xml} MARCXML,
 * {@code .json} a MARC-in-JSON document, anything else ISO 2709.
 */
enum SourceFormat {
    /** Binary MARC: splits at verified record starts. */
    ISO2709(true),
    /** One MARC-in-JSON record per line: splits at line ends. */
    NDJSON(true),
    /** A MARCXML document: read whole by one task. */
    MARCXML(false),
    /** A MARC-in-JSON document (a record or an array of them): read whole by one task. */
    JSON(false);

    private final boolean splittable;

    SourceFormat(boolean splittable) {
        this.splittable = splittable;
    }

    /** Whether an uncompressed file of this format is read in byte ranges by several tasks. */
    boolean splittable() {
        return splittable;
    }

    /** The format named by the option {@code format} ({@code null} when not given). */
    static SourceFormat ofOption(String name) {
        if (name == null) {
            return null;
        }
        switch (name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "iso2709":
            case "marc":
            case "mrc": return ISO2709;
            case "ndjson":
            case "jsonl": return NDJSON;
            case "marcxml":
            case "xml": return MARCXML;
            case "json": return JSON;
            default:
                throw new IllegalArgumentException("format must be iso2709, ndjson, marcxml or json: " + name);
        }
    }

    /** The format of a file by its name, {@code compressionExtension} (such as {@code .gz}) left off first. */
    static SourceFormat ofFileName(String name, String compressionExtension) {
        String n = name.toLowerCase(Locale.ROOT);
        if (compressionExtension != null && n.endsWith(compressionExtension.toLowerCase(Locale.ROOT))) {
            n = n.substring(0, n.length() - compressionExtension.length());
        }
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return NDJSON;
        }
        if (n.endsWith(".xml")) {
            return MARCXML;
        }
        if (n.endsWith(".json")) {
            return JSON;
        }
        return ISO2709;
    }
}
