package org.marcring.engine.cli;

import java.io.BufferedInputStream;
import java.io.IOException;

import org.marcring.codec.MarcException;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.engine.RecordSource;
import org.marcring.engine.RecordSources;

/** Opens the engine's {@link RecordSource} for an input, in the format given or the one its bytes show. */
final class Sources {
    private Sources() {
    }

    /** An opened input: its format and the source reading it. */
    record Opened(InputFile input, MarcFormat format, RecordSource source) {
    }

    /**
     * Opens {@code input} in format {@code given}, or the format its first bytes show for {@link MarcFormat#AUTO}
     * (failing with a message naming the input where they show none). Regular files are read through a channel
     * where they are not compressed; standard input, FIFOs and other streams through the one stream their
     * first bytes were looked at in, never reopened.
     */
    static Opened open(InputFile input, MarcFormat given, ReadOptions options) throws IOException {
        if (!given.isReadable()) {
            throw new IllegalArgumentException("the " + given.displayName() + " format is written only, not read");
        }
        try {
            return openReadable(input, given, options);
        } catch (MarcException e) {
            // bad data met before the first record (e.g. gzip cut short): say which input it is
            throw new MarcException(input.name() + ": " + e.getMessage(), e);
        }
    }

    private static Opened openReadable(InputFile input, MarcFormat given, ReadOptions options) throws IOException {
        BufferedInputStream in = input.open();
        MarcFormat format;
        try {
            format = input.format(in, given);
        } catch (IOException | RuntimeException e) {
            if (!input.isStdin()) {
                in.close();
            }
            throw e;
        }
        // the format given, or AUTO: the source then detects the same format and says so if framing fails
        if (input.isStream()) {
            return new Opened(input, format, RecordSources.of(in, given, options));
        }
        in.close();
        return new Opened(input, format, RecordSources.open(input.path(), given, options));
    }
}
