package org.marcring.engine.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What {@link CorpusGenerator} wrote: how many records of each kind, how many bytes, and which damage it
 * applied to how many records, with what a reader should therefore find.
 *
 * <p>For a permissive reader, {@link #expectedRecords()} records come back, {@link #damagedRecords()}
 * of them with errors, and {@link #garbageRuns()} units are rejected. A strict reader returns
 * {@code expectedRecords() - damagedRecords()} records and rejects the rest.
 */
public final class GenerationReport {
    private final long records;
    private final long bytes;
    private final long bibliographic;
    private final long authority;
    private final long holdings;
    private final Map<Damage, Long> damage;
    private final long merged;
    private final long encodingProblems;

    GenerationReport(long records, long bytes, long bibliographic, long authority, long holdings,
                     Map<Damage, Long> damage, long merged, long encodingProblems) {
        this.records = records;
        this.bytes = bytes;
        this.bibliographic = bibliographic;
        this.authority = authority;
        this.holdings = holdings;
        EnumMap<Damage, Long> copy = new EnumMap<>(Damage.class);
        for (Damage d : Damage.values()) {
            copy.put(d, damage.getOrDefault(d, 0L));
        }
        this.damage = Collections.unmodifiableMap(copy);
        this.merged = merged;
        this.encodingProblems = encodingProblems;
    }

    /** Records generated (each written once, damaged or not). */
    public long records() {
        return records;
    }

    /** Bytes written. */
    public long bytes() {
        return bytes;
    }

    /** Bibliographic records generated. */
    public long bibliographic() {
        return bibliographic;
    }

    /** Authority records generated. */
    public long authority() {
        return authority;
    }

    /** Holdings records generated. */
    public long holdings() {
        return holdings;
    }

    /** How many times each kind of damage was applied (every kind present, 0 where none). */
    public Map<Damage, Long> damage() {
        return damage;
    }

    /** How many times {@code kind} was applied. */
    public long damaged(Damage kind) {
        return damage.get(kind);
    }

    /** Records damaged in their own bytes: every kind but {@link Damage#GARBAGE}. */
    public long damagedRecords() {
        long n = 0;
        for (Map.Entry<Damage, Long> e : damage.entrySet()) {
            if (e.getKey() != Damage.GARBAGE) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** Runs of garbage written between records. */
    public long garbageRuns() {
        return damaged(Damage.GARBAGE);
    }

    /**
     * Records that readers see as part of the record before them. None since the framer ends a record that
     * lost its terminator where the whole record after it starts; kept for the report's format.
     */
    public long mergedRecords() {
        return merged;
    }

    /** Records a reader returns: every record, less those merged into the record before them. */
    public long expectedRecords() {
        return records - merged;
    }

    /** Characters the text encoder could not represent (0 for UTF-8). */
    public long encodingProblems() {
        return encodingProblems;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(records).append(" records (").append(bibliographic).append(" bibliographic, ").append(authority)
                .append(" authority, ").append(holdings).append(" holdings), ").append(bytes).append(" bytes");
        if (damagedRecords() + garbageRuns() > 0) {
            sb.append("; damaged ").append(damagedRecords()).append(' ').append(damage)
                    .append(", of which ").append(merged).append(" swallow the next record");
        }
        if (encodingProblems > 0) {
            sb.append("; ").append(encodingProblems).append(" characters not encodable");
        }
        return sb.toString();
    }
}
