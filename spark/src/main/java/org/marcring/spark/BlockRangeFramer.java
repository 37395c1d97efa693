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
 * <p>Range k > 0 starts at B, the first byte of its first block, and takes its first record at the first
 * verified record start ({@link RecordStart}) that follows a record terminator at or after B. Range k - 1 reads
 * on through the blocks of range k and stops before the same record: the first frame at or after B that is a
 * consistent record right after a frame ending on a record terminator at or after B. A verified start is a frame
 * boundary of the whole-file read, so the ranges together give the frames of the whole-file read, in order.
 * Unlike {@link org.marcring.codec.iso2709.RangeFramer}, a frame whose lying length runs past that record is
 * not cut there: the record would then be framed by both ranges.
 *
 * <p>Offsets: the first range's frames have their offsets in the decompressed stream, as a whole-file read
 * gives them; a later range cannot know how many bytes the blocks before it decompress to, and gives -1.
 */
final class BlockRangeFramer implements AutoCloseable {
    /** Offset given for a frame whose place in the decompressed stream is unknown. */
    static final long UNKNOWN_OFFSET = -1;

    private final BlockStream blocks;
    private final RecordFramer framer;
    private final Decompressor decompressor;
    private final boolean first;
    private final int prefix;
    private long prevEnd = -1;          // decompressed offset just past the previous frame
    private boolean prevEndsOnTerminator;
    private boolean done;

    private BlockRangeFramer(BlockStream blocks, RecordFramer framer, Decompressor decompressor, boolean first,
            int prefix) {
        this.blocks = blocks;
        this.framer = framer;
        this.decompressor = decompressor;
        this.first = first;
        this.prefix = prefix;
    }

    /** The frames of {@code [start, end)} of the compressed file open in {@code in}; closing closes {@code in}. */
    static BlockRangeFramer open(SplittableCompressionCodec codec, FSDataInputStream in, long start, long end)
            throws IOException {
        Decompressor decompressor = CodecPool.getDecompressor(codec);
        try {
            SplitCompressionInputStream split = codec.createInputStream(in, decompressor, start, end,
                    SplittableCompressionCodec.READ_MODE.BYBLOCK);
            BlockStream blocks = new BlockStream(split, end);
            boolean first = start == 0;
            // before the first read the position is that of the first block's marker at or after start
            boolean empty = !first && split.getPos() >= end;
            // a later range must not take a record at its very first byte: what precedes it is unknown, so a
            // non-filler, non-terminator byte stands before the stream and the first start follows a terminator
            InputStream framed = first ? blocks
                    : new SequenceInputStream(new ByteArrayInputStream(new byte[] {'?'}), blocks);
            RecordFramer framer = RecordFramer.of(framed);
            BlockRangeFramer f = new BlockRangeFramer(blocks, framer, decompressor, first, first ? 0 : 1);
            if (empty || !first && !framer.skipToRecordStart()) {
                f.done = true;
            }
            return f;
        } catch (IOException | RuntimeException e) {
            CodecPool.returnDecompressor(decompressor);
            in.close();
            throw e;
        }
    }

    /** Frames the range's next record into {@code into}; {@code false} once the range is done. */
    boolean next(RawRecord into) {
        if (done || !framer.next(into)) {
            done = true;
            return false;
        }
        long at = into.byteOffset() - prefix;
        long boundary = blocks.pastEnd();
        if (boundary >= 0 && at >= boundary && prevEndsOnTerminator && prevEnd - 1 >= boundary
                && RecordStart.isConsistentRecord(into.buffer(), into.offset(), into.length())) {
            done = true;
            return false;
        }
        prevEnd = at + into.length();
        prevEndsOnTerminator = into.buffer()[into.offset() + into.length() - 1] == RecordFramer.RT;
        return true;
    }

    /** Where the frame in {@code raw} starts in the decompressed stream, or {@link #UNKNOWN_OFFSET}. */
    long byteOffset(RawRecord raw) {
        return first ? raw.byteOffset() : UNKNOWN_OFFSET;
    }

    @Override
    public void close() {
        try {
            framer.close();
        } finally {
            CodecPool.returnDecompressor(decompressor);
        }
    }

    /**
     * The decompressed stream, noting the decompressed offset of the first block whose compressed position is
     * at or after the range's end. In block mode the codec's reads stop at a block's end and the position it
     * reports changes as the next block's first byte is read.
     */
    private static final class BlockStream extends InputStream {
        private final SplitCompressionInputStream in;
        private final long end;
        private long offset;
        private long pastEnd = -1;

        BlockStream(SplitCompressionInputStream in, long end) {
            this.in = in;
            this.end = end;
        }

        /** The decompressed offset where the blocks of later ranges start, or -1 if not reached yet. */
        long pastEnd() {
            return pastEnd;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long before = in.getPos();
            int n = in.read(b, off, len);
            if (n > 0) {
                if (pastEnd < 0 && in.getPos() != before && in.getPos() > end) {
                    pastEnd = offset;
                }
                offset += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
