package org.marcring.engine.cli;

import java.io.BufferedInputStream;
import java.io.IOException;

import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.json.MarcJsonReader;
import org.marcring.codec.mrk.MrkFlavor;
import org.marcring.codec.mrk.MrkReader;
import org.marcring.codec.xml.MarcXmlReader;
import org.marcring.engine.Iso2709Source;
import org.marcring.engine.ReaderParser;
import org.marcring.engine.RecordSource;
import org.marcring.engine.TextRecordSource;
import org.marcring.engine.XmlRecordSource;

/** Opens the engine's {@link RecordSource} for an input in its format. */
final class Sources {
    private Sources() {
    }

    /** An opened input: its format and the source reading it. */
    record Opened(InputFile input, MarcFormat format, RecordSource source) {
    }

    /**
     * Opens {@code input} in format {@code given}, or the format its first bytes show when {@code null}.
     * Plain files are read through a channel; compressed files and standard input through a stream.
     */
    static Opened open(InputFile input, MarcFormat given, ReadOptions options) throws IOException {
        if (given != null && !given.isReadable()) {
            throw new IllegalArgumentException("the " + given.displayName() + " format is written only, not read");
        }
        BufferedInputStream in = input.open();
        MarcFormat format;
        try {
            format = input.format(in, given);
        } catch (IOException | RuntimeException e) {
            closeUnlessStdin(input, in);
            throw e;
        }
        boolean channel = !input.isStdin() && !input.isGzip();
        if (channel) {
            in.close();
        }
        RecordSource source;
        switch (format) {
            case ISO2709:
                source = channel ? Iso2709Source.open(input.path(), options) : Iso2709Source.of(in, options);
                break;
            case MARCXML:
                source = channel
                        ? XmlRecordSource.open(input.path(), options, () -> new ReaderParser(s -> MarcXmlReader.open(s, options)))
                        : XmlRecordSource.of(in, options, () -> new ReaderParser(s -> MarcXmlReader.open(s, options)));
                break;
            case NDJSON:
                source = text(input, channel ? null : in, TextRecordSource.Framing.LINES, options,
                        () -> new ReaderParser(s -> MarcJsonReader.openLines(s, options)));
                break;
            case MRK:
            case MRK8:
                // the flavour is chosen per record: pure ASCII is MARCMaker, anything else MarcEdit's UTF-8
                MrkFlavor fixed = format == MarcFormat.MRK8 ? MrkFlavor.MRK8 : null;
                source = text(input, channel ? null : in, TextRecordSource.Framing.BLANK_LINES, options,
                        () -> new ReaderParser(s -> MrkReader.open(s, options,
                                fixed != null ? fixed : flavorOf(s))));
                break;
            case JSON:
                BufferedInputStream stream = channel ? input.open() : in;
                source = new ReaderSource(MarcJsonReader.open(stream, options), options);
                break;
            default:
                throw new IllegalArgumentException("the " + format.displayName() + " format is written only, not read");
        }
        return new Opened(input, format, source);
    }

    private static MrkFlavor flavorOf(java.io.InputStream s) {
        try {
            for (byte x : InputFile.peek(s, 1 << 16)) {
                if (x < 0) {
                    return MrkFlavor.MRK8;
                }
            }
            return MrkFlavor.MRK;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RecordSource text(InputFile input, BufferedInputStream in, TextRecordSource.Framing framing,
                                     ReadOptions options,
                                     java.util.function.Supplier<ReaderParser> parsers) throws IOException {
        return in == null ? TextRecordSource.open(input.path(), framing, options, parsers)
                : TextRecordSource.of(in, framing, options, parsers);
    }

    private static void closeUnlessStdin(InputFile input, BufferedInputStream in) {
        if (!input.isStdin()) {
            try {
                in.close();
            } catch (IOException ignored) {
                // reporting the first failure
            }
        }
    }
}
