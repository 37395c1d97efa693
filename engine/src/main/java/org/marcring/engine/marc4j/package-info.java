/**
 * The bridge to marc4j, for code written against marc4j's {@code MarcReader}, {@code MarcWriter} and
 * {@code Record}: marcring underneath, marc4j's interfaces on top.
 *
 * <ul>
 * <li>{@link org.marcring.engine.marc4j.ParallelMarcReader}: an {@code org.marc4j.MarcReader} that parses on
 * several threads and hands out marc4j records, constructed as marc4j's own readers are.</li>
 * <li>{@link org.marcring.engine.marc4j.Marc4jWriter}: an {@code org.marc4j.MarcWriter} writing through any
 * of marcring's writers.</li>
 * <li>{@link org.marcring.engine.marc4j.Marc4jRecords}: one record converted either way.</li>
 * </ul>
 *
 * <p>marc4j is an optional dependency of the engine: only code that uses this package needs it on its class
 * path, and brings its own.
 */
package org.marcring.engine.marc4j;
