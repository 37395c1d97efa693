/**
 * Synthetic MARC 21 test data: {@link org.marcring.engine.generate.SyntheticRecords} makes deterministic
 * records of realistic shape, {@link org.marcring.engine.generate.CorpusGenerator} writes any amount of
 * them as ISO 2709 (optionally with byte-level {@link org.marcring.engine.generate.Damage}), and
 * {@link org.marcring.engine.generate.Replicator} builds large files from the records of a real one.
 * Used by the {@code generate} command and by the benchmarks.
 */
package org.marcring.engine.generate;
