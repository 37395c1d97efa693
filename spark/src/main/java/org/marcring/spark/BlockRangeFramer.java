package org.marcring.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.marcring.codec.iso2709.RangeFramer;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.codec.iso2709.RecordStart;

/**
 * Frames the ISO 2709 records of one compressed byte range {@code [start, end)} of a file in a block codec that
 * Hadoop can split (bzip2), by the rule of Hadoop's {@code LineRecordReader} for compressed splits: the codec
 * starts decompressing at the first block whose marker starts at or after {@code start}, and a block belongs to
 * the range while its marker starts before {@code end} (the codec reports the marker's position plus one once
 * a block's first byte is read). A range in which no block starts has no records.
 *
 * <p>Range k > 0 starts at B, the first decompressed byte of its first block, and takes its first record at
 * R, the first verified record start ({@link RecordStart}) that follows a record terminator at or after B
 * ({@link RecordFramer#skipToRecordStart()}: nothing before B is known there). Range k - 1 finds the same R
 * with the same code: it opens a second stream of the file at its own end, which decompresses from that same
 * block, and skips to the first record there; that gives R's distance from B. Reading on, it learns where B
 * lies in its own stream as the codec's position moves past its end, and frames up to R exactly as the codec's
 * {@link RangeFramer} frames a plain file's range: a frame whose lying length runs past R is cut at R and
 * flagged {@link RawRecord#TRUNCATED}, and no frame at or after R is read. A verified start is a frame boundary
 * of the whole-file read except where such a frame crosses it, so the ranges together give the frames of the
 * plain range reader over the decompressed stream cut at the same starts: in order, none twice, none lost.
 * Finding R costs range k - 1 the decompression of one block more.
 *
 * <p>Offsets: the first range's frames have their offsets in the decompressed stream, as a whole-file read
 * gives them; a later range cannot know how many bytes the blocks before it decompress to, and gives -1.
 */
final class BlockRangeFramer implements AutoCloseable {
    /** Offset given for a frame whose place in the decompressed stream is unknown. */
    static final long UNKNOWN_OFFSET = -1;

    /** Opens another stream of the same file, for finding where the next range starts. */
    interface Reopen {
        /** A new stream of the file. */
        FSDataInputStream open() throws IOException;
    }

    private final RangeFramer range;
    private final Decompressor decompressor;
    private final boolean first;
    private final boolean empty;

    private BlockRangeFramer(RangeFramer range, Decompressor decompressor, boolean first, boolean empty) {
        this.range = range;
        this.decompressor = decompressor;
        this.first = first;
        this.empty = empty;
    }

    /**
     * The frames of {@code [start, end)} of the compressed file of {@code fileLength} bytes open in {@code in};
     * {@code reopen} opens the file once more where the next range starts. Closing closes {@code in}.
     */
    static BlockRangeFramer open(SplittableCompressionCodec codec, FSDataInputStream in, Reopen reopen, long start,
            long end, long fileLength) throws IOException {
        Decompressor decompressor = CodecPool.getDecompressor(codec);
        RecordFramer framer = null;
        try {
            SplitCompressionInputStream split = codec.createInputStream(in, decompressor, start, end,
                    SplittableCompressionCodec.READ_MODE.BYBLOCK);
            BlockStream blocks = new BlockStream(split, end);
            boolean first = start == 0;
            // before the first read the position is that of the first block's marker at or after start
            boolean empty = !first && split.getPos() >= end;
            framer = RecordFramer.of(first ? blocks : afterUnknownBytes(blocks));
            empty = empty || !first && !framer.skipToRecordStart();
            long next = empty || end >= fileLength ? -1 : nextRangeStart(codec, reopen.open(), end);
            int prefix = first ? 0 : 1;
            RangeFramer range = RangeFramer.of(framer, () -> next < 0 || blocks.pastEnd() < 0 ? Long.MAX_VALUE
                    : prefix + blocks.pastEnd() + next);
            return new BlockRangeFramer(range, decompressor, first, empty);
        } catch (IOException | RuntimeException e) {
            release(framer, in, decompressor);
            throw e;
        }
    }

    /** Closes the framer (and with it the stream) or, before there is one, the stream; returns the decompressor. */
    private static void release(RecordFramer framer, InputStream in, Decompressor decompressor)
            throws IOException {
        try {
            if (framer != null) {
                framer.close();
            } else {
                in.close();
            }
        } finally {
            CodecPool.returnDecompressor(decompressor);
        }
    }

    /**
     * Where the range starting at compressed offset {@code start} takes its first record, counted in decompressed
     * bytes from the first byte of its first block; -1 if it has none. Reads {@code in} as that range does, with
     * the same code, and closes it.
     */
    private static long nextRangeStart(SplittableCompressionCodec codec, FSDataInputStream in, long start)
            throws IOException {
        Decompressor decompressor = CodecPool.getDecompressor(codec);
        RecordFramer framer = null;
        try {
            SplitCompressionInputStream split = codec.createInputStream(in, decompressor, start, Long.MAX_VALUE,
                    SplittableCompressionCodec.READ_MODE.BYBLOCK);
            framer = RecordFramer.of(afterUnknownBytes(new BlockStream(split, Long.MAX_VALUE)));
            return framer.skipToRecordStart() ? framer.position() - 1 : -1;
        } finally {
            release(framer, in, decompressor);
        }
    }

    /**
     * {@code blocks} after one byte that is neither filler nor a record terminator: what precedes a later range's
     * first block is unknown, so it must not take a record at the block's very first byte; its first start
     * follows a terminator.
     */
    private static InputStream afterUnknownBytes(InputStream blocks) {
        return new SequenceInputStream(new ByteArrayInputStream(new byte[] {'?'}), blocks);
    }

    /** Frames the range's next record into {@code into}; {@code false} once the range is done. */
    boolean next(RawRecord into) {
        return !empty && range.next(into);
    }

    /** Where the frame in {@code raw} starts in the decompressed stream, or {@link #UNKNOWN_OFFSET}. */
    long byteOffset(RawRecord raw) {
        return first ? raw.byteOffset() : UNKNOWN_OFFSET;
    }

    @Override
    public void close() {
        try {
            range.close();
        } finally {
            CodecPool.returnDecompressor(decompressor);
        }
    }
}
