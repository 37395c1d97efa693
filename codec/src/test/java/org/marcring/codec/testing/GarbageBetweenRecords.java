package org.marcring.codec.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An ISO 2709 input of {@link #RECORDS} records with {@link #REGIONS} runs of garbage between them (one before
 * the first record, one after the last) and one record that frames but cannot be decoded (its directory has
 * no terminator), for the tests that check that garbage is not counted as a record and that every path names
 * a record by the same number. Made in memory from a seed; nothing is read from disk.
 */
public final class GarbageBetweenRecords {
    /** Records in the input, the undecodable one included. */
    public static final int RECORDS = 2_000;
    /** Runs of garbage. */
    public static final int REGIONS = 19;
    /** 0-based ordinal of the record that frames but cannot be decoded. */
    public static final int UNDECODABLE = 1_500;

    private final byte[] bytes;
    private final long garbageBytes;
    private final long undecodableOffset;
    private final List<long[]> garbage; // {offset, length, recordsBefore}

    private GarbageBetweenRecords(byte[] bytes, long garbageBytes, long undecodableOffset, List<long[]> garbage) {
        this.bytes = bytes;
        this.garbageBytes = garbageBytes;
        this.undecodableOffset = undecodableOffset;
        this.garbage = garbage;
    }

    /** The input made from {@code seed}. */
    public static GarbageBetweenRecords make(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // garbage before record 0, after the last record, and before 17 other records
        List<Integer> before = new ArrayList<>(List.of(0, RECORDS, UNDECODABLE, UNDECODABLE + 1));
        while (before.size() < REGIONS) {
            int at = random.nextInt(1, RECORDS);
            if (!before.contains(at)) {
                before.add(at);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<long[]> garbage = new ArrayList<>();
        long garbageBytes = 0;
        long undecodable = -1;
        for (int i = 0; i <= RECORDS; i++) {
            if (before.contains(i)) {
                byte[] g = garbage(random);
                garbage.add(new long[] {out.size(), g.length, i});
                out.writeBytes(g);
                garbageBytes += g.length;
            }
            if (i == RECORDS) {
                break;
            }
            if (i == UNDECODABLE) {
                undecodable = out.size();
                out.writeBytes(undecodable());
            } else {
                out.writeBytes(record("rec" + i, "Title of record " + i + " " + "x".repeat(random.nextInt(0, 200))));
            }
        }
        return new GarbageBetweenRecords(out.toByteArray(), garbageBytes, undecodable, List.copyOf(garbage));
    }

    /** The input's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Bytes of garbage in all. */
    public long garbageBytes() {
        return garbageBytes;
    }

    /** Where the undecodable record starts. */
    public long undecodableOffset() {
        return undecodableOffset;
    }

    /** Each run of garbage: {offset, length, number of records before it}, in input order. */
    public List<long[]> garbage() {
        return garbage;
    }

    /** Control number of the record of 0-based {@code ordinal} (not of the undecodable one). */
    public static String controlNumber(long ordinal) {
        return "rec" + ordinal;
    }

    /**
     * Garbage no framer can take for a record: letters, blanks and a record terminator at its end (as the
     * remains of a record would have), no digits.
     */
    private static byte[] garbage(SplittableRandom random) {
        int n = random.nextInt(8, 200);
        byte[] g = new byte[n];
        for (int k = 0; k < n - 1; k++) {
            g[k] = (byte) ('a' + random.nextInt(26));
        }
        g[n - 1] = 0x1D;
        return g;
    }

    /** A record whose leader and terminator frame it, but whose directory never ends: it cannot be decoded. */
    private static byte[] undecodable() {
        int length = 24 + 40 + 1;
        byte[] r = new byte[length];
        byte[] leader = String.format("%05dnam a22%05d a 4500", length, 24 + 13).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(leader, 0, r, 0, 24);
        for (int k = 24; k < length - 1; k++) {
            r[k] = 'z';
        }
        r[length - 1] = 0x1D;
        return r;
    }

    /** A clean record with a 001 and a 245. */
    private static byte[] record(String controlNumber, String title) {
        return Fixtures.isoRecord("001", controlNumber, "245", "10\u001fa" + title);
    }
}
