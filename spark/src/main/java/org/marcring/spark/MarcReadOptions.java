package org.marcring.spark;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.DecodeMode;
import org.marcring.codec.io.ReadOptions;

/**
 * The reader options of the {@code marc} source: {@code mode} ({@link ReadMode}), {@code encoding}
 * ({@code auto} by leader/09, {@code marc8}, {@code utf8}, {@code latin1}), {@code strict} (any fault makes a
 * record unreadable instead of being repaired) and {@code maxPartitionBytes} (overrides
 * {@code spark.sql.files.maxPartitionBytes} for one read) and {@code format} ({@code iso2709}, {@code ndjson},
 * {@code marcxml} or {@code json} for every file; by default each file's by its name, see {@link SourceFormat}).
 * Immutable and serializable, for the executors.
 */
public final class MarcReadOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ReadMode mode;
    private final CharacterCoding coding;
    private final boolean strict;
    private final long maxPartitionBytes;   // -1: the session's setting
    private final SourceFormat format;      // null: each file's by its name

    private MarcReadOptions(ReadMode mode, CharacterCoding coding, boolean strict, long maxPartitionBytes,
            SourceFormat format) {
        this.mode = mode;
        this.coding = coding;
        this.strict = strict;
        this.maxPartitionBytes = maxPartitionBytes;
        this.format = format;
    }

    /** The options from a reader's option map (keys in any case). */
    public static MarcReadOptions of(Map<String, String> options) {
        String encoding = get(options, "encoding");
        String strict = get(options, "strict");
        String maxBytes = get(options, "maxPartitionBytes");
        return new MarcReadOptions(ReadMode.of(get(options, "mode")), coding(encoding),
                strict != null && Boolean.parseBoolean(strict.trim()),
                maxBytes == null ? -1 : Long.parseLong(maxBytes.trim()), SourceFormat.ofOption(get(options, "format")));
    }

    private static String get(Map<String, String> options, String key) {
        String v = options.get(key);
        if (v == null) {
            for (Map.Entry<String, String> e : options.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    return e.getValue();
                }
            }
        }
        return v;
    }

    private static CharacterCoding coding(String encoding) {
        if (encoding == null) {
            return CharacterCoding.AUTO;
        }
        switch (encoding.trim().toLowerCase(Locale.ROOT).replace("-", "")) {
            case "auto": return CharacterCoding.AUTO;
            case "marc8": return CharacterCoding.MARC8;
            case "utf8": return CharacterCoding.UTF8;
            case "latin1":
            case "iso88591": return CharacterCoding.LATIN1;
            default:
                throw new IllegalArgumentException("encoding must be auto, marc8, utf8 or latin1: " + encoding);
        }
    }

    /** What to do with records that cannot be read cleanly. */
    public ReadMode mode() {
        return mode;
    }

    /** The codec's options for decoding. */
    public ReadOptions readOptions() {
        return ReadOptions.defaults().withCharacterCoding(coding)
                .withMode(strict ? DecodeMode.STRICT : DecodeMode.PERMISSIVE);
    }

    /** The largest split asked for by this read, or -1 for the session's {@code spark.sql.files.maxPartitionBytes}. */
    public long maxPartitionBytes() {
        return maxPartitionBytes;
    }

    /** The input format named by the option {@code format}, or {@code null}: each file's by its name. */
    SourceFormat format() {
        return format;
    }
}
