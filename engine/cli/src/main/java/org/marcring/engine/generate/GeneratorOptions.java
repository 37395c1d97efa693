package org.marcring.engine.generate;

import java.util.Objects;

import org.marcring.codec.text.TextEncoder;
import org.marcring.codec.text.Utf8Text;

/**
 * What {@link CorpusGenerator} makes: how much, from which seed, which share of authority and holdings
 * records, which share of damaged records, and in which character set. Immutable; the {@code with…}
 * methods return a changed copy.
 *
 * <pre>{@code
 * GeneratorOptions options = GeneratorOptions.defaults()
 *         .withAmount(Amount.parse("20MB"))
 *         .withSeed(42)
 *         .withDamagedShare(0.01);
 * }</pre>
 *
 * <p>The same options always give the same bytes. The records themselves depend only on the seed and
 * the kind shares: changing the damaged share damages other records but does not change any record.
 */
public final class GeneratorOptions {
    private static final GeneratorOptions DEFAULTS =
            new GeneratorOptions(Amount.records(1000), 1L, 0.04, 0.04, 0.0, Utf8Text.INSTANCE);

    private final Amount amount;
    private final long seed;
    private final double authorityShare;
    private final double holdingsShare;
    private final double damagedShare;
    private final TextEncoder textEncoder;

    private GeneratorOptions(Amount amount, long seed, double authorityShare, double holdingsShare,
                             double damagedShare, TextEncoder textEncoder) {
        this.amount = Objects.requireNonNull(amount, "amount");
        this.seed = seed;
        this.authorityShare = share("authority share", authorityShare);
        this.holdingsShare = share("holdings share", holdingsShare);
        if (authorityShare + holdingsShare > 1.0) {
            throw new IllegalArgumentException("authority and holdings shares add up to more than 1: "
                    + authorityShare + " + " + holdingsShare);
        }
        this.damagedShare = share("damaged share", damagedShare);
        this.textEncoder = Objects.requireNonNull(textEncoder, "textEncoder");
    }

    /** 1,000 records, seed 1, 4% authority and 4% holdings records, nothing damaged, UTF-8. */
    public static GeneratorOptions defaults() {
        return DEFAULTS;
    }

    /** How much to write. */
    public Amount amount() {
        return amount;
    }

    /** The seed every choice derives from. */
    public long seed() {
        return seed;
    }

    /** Share (0 to 1) of authority records (leader/06 {@code z}). */
    public double authorityShare() {
        return authorityShare;
    }

    /** Share (0 to 1) of holdings records (leader/06 {@code x} or {@code y}). */
    public double holdingsShare() {
        return holdingsShare;
    }

    /** Share (0 to 1) of records that get one kind of byte-level {@link Damage} after encoding. */
    public double damagedShare() {
        return damagedShare;
    }

    /**
     * The character set the records are written in: UTF-8 by default; a MARC-8 {@link TextEncoder}
     * gives MARC-8 records (leader/09 blank).
     */
    public TextEncoder textEncoder() {
        return textEncoder;
    }

    /** A copy with another amount. */
    public GeneratorOptions withAmount(Amount amount) {
        return new GeneratorOptions(amount, seed, authorityShare, holdingsShare, damagedShare, textEncoder);
    }

    /** A copy making {@code count} records. */
    public GeneratorOptions withRecords(long count) {
        return withAmount(Amount.records(count));
    }

    /** A copy making at least {@code size} bytes. */
    public GeneratorOptions withBytes(long size) {
        return withAmount(Amount.bytes(size));
    }

    /** A copy with another seed. */
    public GeneratorOptions withSeed(long seed) {
        return new GeneratorOptions(amount, seed, authorityShare, holdingsShare, damagedShare, textEncoder);
    }

    /** A copy with other shares of authority and holdings records. */
    public GeneratorOptions withKindShares(double authority, double holdings) {
        return new GeneratorOptions(amount, seed, authority, holdings, damagedShare, textEncoder);
    }

    /** A copy with another share of damaged records. */
    public GeneratorOptions withDamagedShare(double share) {
        return new GeneratorOptions(amount, seed, authorityShare, holdingsShare, share, textEncoder);
    }

    /** A copy writing text with {@code encoder} (e.g. MARC-8). */
    public GeneratorOptions withTextEncoder(TextEncoder encoder) {
        return new GeneratorOptions(amount, seed, authorityShare, holdingsShare, damagedShare, encoder);
    }

    private static double share(String what, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1: " + v);
        }
        return v;
    }

    @Override
    public String toString() {
        return "GeneratorOptions[" + amount + ", seed=" + seed + ", authority=" + authorityShare + ", holdings="
                + holdingsShare + ", damaged=" + damagedShare + ", leader/09='" + textEncoder.leaderCoding() + "']";
    }
}
