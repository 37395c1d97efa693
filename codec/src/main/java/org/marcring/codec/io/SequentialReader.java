package org.marcring.codec.io;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.SkippedBytesException;

/**
 * The iteration every reader shares: a record that is refused ({@link MarcFormatException}) goes to the
 * reject handler of the {@link ReadOptions} the reader was made with ({@link ReadOptions#rejectHandler()}:
 * by default a permissive reader skips it and logs it, a strict one throws it), or to the one set with
 * {@link #onReject(Consumer)}; and iteration goes on with the next record. Without a handler the reject
 * comes out of {@link #next()} as that exception, and the following call goes on with the next record
 * (where the format allows it). Either way {@code recordsRead() + rejectedCount()} accounts for every
 * record met. Bytes between records that hold no record ({@link SkippedBytesException}) go the same way, to
 * the handler or out of {@link #next()}, but are not records: they count in {@link #regionsSkipped()} and
 * {@link #bytesSkipped()}, not in {@link #rejectedCount()}. Subclasses supply {@link #readNext()}.
 */
public abstract class SequentialReader implements MarcReader {
    private Consumer<MarcFormatException> rejectHandler;
    private MarcRecord next;
    private MarcFormatException pendingReject;
    private boolean ended;
    private long read;
    private long rejected;
    private long regionsSkipped;
    private long bytesSkipped;

    /** A reader that throws rejects from {@link #next()} until {@link #onReject(Consumer)} says otherwise. */
    protected SequentialReader() {
    }

    /** A reader that treats rejects as {@code options} say ({@link ReadOptions#rejectHandler()}). */
    protected SequentialReader(ReadOptions options) {
        this.rejectHandler = options.rejectHandler();
    }

    /**
     * The next record, or {@code null} at the end of the input.
     *
     * @throws MarcFormatException for a record that is refused; after a fault the input cannot go on
     *                             from, the following call answers {@code null}
     */
    protected abstract MarcRecord readNext();

    /**
     * Sends refused records to {@code handler} (instead of the options' handler, or of throwing them from
     * {@link #next()}).
     *
     * @return this reader
     */
    public SequentialReader onReject(Consumer<MarcFormatException> handler) {
        this.rejectHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    @Override
    public final boolean hasNext() {
        if (next != null || pendingReject != null) {
            return true;
        }
        while (!ended) {
            try {
                next = readNext();
                if (next == null) {
                    ended = true;
                    return false;
                }
                return true;
            } catch (MarcFormatException e) {
                if (e instanceof SkippedBytesException) {
                    regionsSkipped++;
                    bytesSkipped += ((SkippedBytesException) e).length();
                } else {
                    rejected++;
                }
                if (rejectHandler != null) {
                    rejectHandler.accept(e);
                } else {
                    pendingReject = e;
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public final MarcRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (pendingReject != null) {
            MarcFormatException e = pendingReject;
            pendingReject = null;
            throw e;
        }
        MarcRecord r = next;
        next = null;
        read++;
        return r;
    }

    @Override
    public final long recordsRead() {
        return read;
    }

    /** Number of records refused so far (skipped bytes between records are not records, and not counted here). */
    public final long rejectedCount() {
        return rejected;
    }

    /** Number of runs of bytes between records that held no record, skipped so far ({@link SkippedBytesException}). */
    public final long regionsSkipped() {
        return regionsSkipped;
    }

    /** Number of input bytes in the runs counted by {@link #regionsSkipped()}. */
    public final long bytesSkipped() {
        return bytesSkipped;
    }

    /** Marks the input as finished (after {@link #close()}). */
    protected final void end() {
        ended = true;
        next = null;
        pendingReject = null;
    }

    /** Whether a strict reader refuses a record with these problems: one lost or changed data (ERROR or worse). */
    protected static boolean hasSerious(List<MarcError> problems) {
        for (MarcError e : problems) {
            if (e.severity().compareTo(MarcError.Severity.ERROR) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The first serious problem's message, with how many more there are. */
    protected static String firstSerious(List<MarcError> problems) {
        int serious = 0;
        String first = null;
        for (MarcError e : problems) {
            if (e.severity().compareTo(MarcError.Severity.ERROR) >= 0) {
                if (first == null) {
                    first = e.message();
                }
                serious++;
            }
        }
        return serious > 1 ? first + " (and " + (serious - 1) + " more)" : first;
    }

    /** What a text reader reports for a leader of the wrong length, before {@link #fitLeader(String)}. */
    protected static String leaderLengthProblem(String leader) {
        return "leader has " + leader.length() + " characters instead of 24: "
                + (leader.length() < Leader.LENGTH ? "padded with blanks" : "cut to 24");
    }

    /** A leader of the wrong length made 24 characters long: padded with blanks, or cut. */
    protected static String fitLeader(String leader) {
        return leader.length() < Leader.LENGTH
                ? leader + " ".repeat(Leader.LENGTH - leader.length()) : leader.substring(0, Leader.LENGTH);
    }
}
