package org.marcring.spark;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Function;

import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.SequentialReader;
import org.marcring.codec.io.TextFramer;
import org.marcring.codec.iso2709.Iso2709Decoder;
import org.marcring.codec.iso2709.RangeFramer;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.codec.json.MarcJsonFramer;
import org.marcring.codec.json.MarcJsonReader;
import org.marcring.codec.xml.MarcXmlFramer;
import org.marcring.codec.xml.MarcXmlReader;

/**
 * The records of one split, framed and decoded by the codec for the split's format: each frame with its offset
 * in the file (in the decompressed stream for a compressed file), and its decoding, which throws
 * {@link MarcFormatException} for a frame that holds no readable record.
 */
abstract class SplitFrames implements AutoCloseable {

    /** Points {@code raw} at the next frame; {@code false} at the end of the split. */
    abstract boolean next(RawRecord raw);

    /** Where the frame in {@code raw} starts in the file. */
    abstract long byteOffset(RawRecord raw);

    /** The record of the frame in {@code raw}. */
    abstract MarcRecord decode(RawRecord raw);

    @Override
    public abstract void close();

    /** ISO 2709 frames of a byte range (by the verified-start rule) or of a whole stream. */
    static SplitFrames iso2709(RangeFramer range, ReadOptions options) {
        return new Iso(range, null, null, options);
    }

    /** ISO 2709 frames of a compressed byte range of a block-compressed file. */
    static SplitFrames iso2709(BlockRangeFramer blocks, ReadOptions options) {
        return new Iso(null, null, blocks, options);
    }

    /** ISO 2709 frames of a whole stream. */
    static SplitFrames iso2709(RecordFramer whole, ReadOptions options) {
        return new Iso(null, whole, null, options);
    }

    /**
     * The frames of a text format's framer over bytes that start at {@code base} in the file ({@link
     * BlockRangeFramer#UNKNOWN_OFFSET} where that is not known: a later split of a bzip2 file), each decoded
     * with the format's reader over the frame's bytes alone.
     */
    static SplitFrames text(TextFramer framer, long base, SourceFormat format, ReadOptions options) {
        return new Text(framer, base, format, options);
    }

    private static final class Iso extends SplitFrames {
        private final RangeFramer range;
        private final RecordFramer whole;
        private final BlockRangeFramer blocks;
        private final Iso2709Decoder decoder;

        Iso(RangeFramer range, RecordFramer whole, BlockRangeFramer blocks, ReadOptions options) {
            this.range = range;
            this.whole = whole;
            this.blocks = blocks;
            this.decoder = new Iso2709Decoder(options);
        }

        @Override
        boolean next(RawRecord raw) {
            return range != null ? range.next(raw) : blocks != null ? blocks.next(raw) : whole.next(raw);
        }

        @Override
        long byteOffset(RawRecord raw) {
            return blocks != null ? blocks.byteOffset(raw) : raw.byteOffset();
        }

        @Override
        MarcRecord decode(RawRecord raw) {
            return decoder.decode(raw);
        }

        @Override
        public void close() {
            if (range != null) {
                range.close();
            } else if (blocks != null) {
                blocks.close();
            } else {
                whole.close();
            }
        }
    }

    private static final class Text extends SplitFrames {
        private final TextFramer framer;
        private final long base;
        private final SourceFormat format;
        private final Function<InputStream, SequentialReader> readers;

        Text(TextFramer framer, long base, SourceFormat format, ReadOptions options) {
            this.framer = framer;
            this.base = base;
            this.format = format;
            switch (format) {
                case NDJSON: readers = in -> MarcJsonReader.openLines(in, options); break;
                case JSON: readers = in -> MarcJsonReader.open(in, options); break;
                case MARCXML: readers = in -> MarcXmlReader.open(in, options); break;
                default: throw new IllegalArgumentException("not a text format: " + format);
            }
        }

        @Override
        boolean next(RawRecord raw) {
            return framer.next(raw);
        }

        @Override
        long byteOffset(RawRecord raw) {
            return base == BlockRangeFramer.UNKNOWN_OFFSET ? base : base + raw.byteOffset();
        }

        @Override
        MarcRecord decode(RawRecord raw) {
            long offset = byteOffset(raw);
            String why = defects(raw);
            if (raw.has(RawRecord.GARBAGE)) {
                // a value where a record belongs that is none: bytes skipped, not a record
                throw new SkippedBytesException(raw.ordinal(), offset, raw.length(), why, raw.copy());
            }
            if (why != null) {
                throw new MarcFormatException(raw.ordinal(), offset, why, raw.copy());
            }
            byte[] bytes = raw.buffer();
            int from = raw.offset();
            int length = raw.length();
            if (format == SourceFormat.MARCXML) {
                byte[] inherited = ((MarcXmlFramer) framer).inheritedNamespaces();
                if (inherited.length > 0) {
                    bytes = MarcXmlFramer.withInheritedNamespaces(bytes, from, length, inherited);
                    from = 0;
                    length = bytes.length;
                }
            }
            try (MarcReader reader = readers.apply(new ByteArrayInputStream(bytes, from, length))
                    .onReject(e -> {
                        throw e;
                    })) {
                if (!reader.hasNext()) {
                    throw new MarcFormatException(raw.ordinal(), offset, "holds no record", raw.copy());
                }
                MarcRecord record = reader.next();
                if (reader.hasNext()) {
                    throw new MarcFormatException(raw.ordinal(), offset, "holds more than one record", raw.copy());
                }
                return record;
            } catch (MarcFormatException e) {
                if (e.byteOffset() == offset) {
                    throw e;
                }
                throw new MarcFormatException(raw.ordinal(), offset, e.fault(), raw.copy());
            } catch (RuntimeException e) {
                throw new MarcFormatException(raw.ordinal(), offset, e.toString(), raw.copy());
            }
        }

        private String defects(RawRecord raw) {
            switch (format) {
                case MARCXML: return MarcXmlFramer.describeDefects(raw.defects(), raw.length());
                case JSON: return MarcJsonFramer.describeDefects(raw.defects(), raw.length());
                default:
                    return raw.has(RawRecord.OVERSIZED)
                            ? "line longer than the " + raw.length() + "-byte record size limit" : null;
            }
        }

        @Override
        public void close() {
            framer.close();
        }
    }
}
