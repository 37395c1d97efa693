package org.marcring.engine.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Objects;
import java.util.SplittableRandom;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.iso2709.Iso2709Encoder;

/**
 * Writes a file of synthetic MARC 21 records in ISO 2709, of any size, record by record: the records
 * come from {@link SyntheticRecords}, are encoded with an {@link Iso2709Encoder} in the options'
 * character set, and a share of them is then damaged at the byte level ({@link Damage}). Memory use does
 * not grow with the output. The same options always give the same bytes; each call of {@code writeTo}
 * starts from the beginning, so a generator can be used again and from several threads.
 *
 * <pre>{@code
 * GenerationReport report = new CorpusGenerator(GeneratorOptions.defaults()
 *         .withAmount(Amount.parse("1g")).withSeed(42)).writeTo(Path.of("synthetic.mrc"));
 * }</pre>
 */
public final class CorpusGenerator {
    /**
     * The version of what a seed gives: raised whenever a change (to the word lists, the record shapes, the
     * damage) makes the same options give other bytes, so that files kept from an older version are not
     * mistaken for current ones.
     */
    public static final int VERSION = 1;

    private static final long DAMAGE_STREAM = 0x9E3779B97F4A7C15L;

    private final GeneratorOptions options;

    /** A generator for {@code options}. */
    public CorpusGenerator(GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options. */
    public GeneratorOptions options() {
        return options;
    }

    /** Writes the records to a new or truncated file. */
    public GenerationReport writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return writeTo(out);
        }
    }

    /** Writes the records to {@code out} (buffered here; flushed, not closed). */
    public GenerationReport writeTo(OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        long[] problems = new long[1];
        Iso2709Encoder encoder = new Iso2709Encoder(options.textEncoder(),
                (severity, index, message) -> problems[0]++, false);
        RecordDamager damager = new RecordDamager(options.textEncoder().leaderCoding() == 'a');
        SyntheticRecords records = new SyntheticRecords(options);
        SplittableRandom damageRandom = new SplittableRandom(options.seed() * DAMAGE_STREAM + 1);
        Damage[] kinds = Damage.values();
        double damagedShare = options.damagedShare();
        Amount amount = options.amount();
        ByteArrayBuilder bytes = new ByteArrayBuilder(1 << 16);
        EnumMap<Damage, Long> damage = new EnumMap<>(Damage.class);
        long written = 0;
        long count = 0;
        long[] byKind = new long[3];
        long merged = 0;
        boolean previousUnterminated = false;
        while (!amount.isReached(count, written)) {
            MarcRecord record = records.next();
            switch (record.kind()) {
                case AUTHORITY: byKind[1]++; break;
                case HOLDINGS: byKind[2]++; break;
                default: byKind[0]++; break;
            }
            Damage kind = null;
            if (damagedShare > 0 && damageRandom.nextDouble() < damagedShare && !previousUnterminated) {
                kind = kinds[damageRandom.nextInt(kinds.length)];
                damage.merge(kind, 1L, Long::sum);
            }
            // a record after one that lost its terminator is no longer merged into it: the framer ends the
            // cut record where this whole one starts (so 'merged' stays 0; the next record is left undamaged)
            bytes.reset();
            encoder.encode(record, bytes);
            int length = bytes.length();
            if (kind == Damage.GARBAGE) {
                byte[] garbage = RecordDamager.garbage(damageRandom);
                buffered.write(garbage);
                written += garbage.length;
            } else if (kind != null) {
                length = damager.apply(kind, bytes.array(), 0, length, damageRandom);
            }
            buffered.write(bytes.array(), 0, length);
            written += length;
            count++;
            previousUnterminated = kind == Damage.MISSING_RECORD_TERMINATOR;
        }
        buffered.flush();
        return new GenerationReport(count, written, byKind[0], byKind[1], byKind[2], damage, merged, problems[0]);
    }
}
