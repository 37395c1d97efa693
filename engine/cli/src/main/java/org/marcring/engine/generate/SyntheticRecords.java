package org.marcring.engine.generate;

import java.util.Iterator;
import java.util.SplittableRandom;

import org.marcring.codec.MarcRecord;

/**
 * An endless, deterministic sequence of synthetic MARC 21 records: mostly bibliographic, with a share
 * of authority and holdings records. The same seed and shares give the same records in the same order.
 * Each record draws from its own random stream split off the sequence's, so a record does not depend
 * on how the records before it were used.
 *
 * <pre>{@code
 * SyntheticRecords records = new SyntheticRecords(GeneratorOptions.defaults().withSeed(7));
 * MarcRecord first = records.next();
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class SyntheticRecords implements Iterator<MarcRecord> {
    private final SplittableRandom sequence;
    private final double authorityShare;
    private final double holdingsShare;
    private long made;

    /** Records from the seed and kind shares of {@code options} (its other settings do not matter here). */
    public SyntheticRecords(GeneratorOptions options) {
        this.sequence = new SplittableRandom(options.seed());
        this.authorityShare = options.authorityShare();
        this.holdingsShare = options.holdingsShare();
    }

    /** Always {@code true}: the sequence has no end. */
    @Override
    public boolean hasNext() {
        return true;
    }

    /** The next record. */
    @Override
    public MarcRecord next() {
        SplittableRandom random = sequence.split();
        long ordinal = made++;
        double kind = random.nextDouble();
        if (kind < authorityShare) {
            return AuthorityShape.build(ordinal, random);
        }
        if (kind < authorityShare + holdingsShare) {
            return HoldingsShape.build(ordinal, random);
        }
        return BibliographicShape.build(ordinal, random);
    }

    /** Number of records made so far. */
    public long count() {
        return made;
    }
}
