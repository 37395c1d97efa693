/**
 * MARC-8, the character coding of MARC 21 records whose leader/09 is blank: decoding to Unicode
 * ({@link org.marcring.codec.marc8.Marc8Decoder}), encoding from Unicode
 * ({@link org.marcring.codec.marc8.Marc8Encoder}) and the Library of Congress code tables both use
 * ({@link org.marcring.codec.marc8.Marc8Tables}). Readers pick the decoder through
 * {@link org.marcring.codec.text.TextCodings}; writers take the encoder as their
 * {@link org.marcring.codec.text.TextEncoder}:
 *
 * <pre>{@code
 * // read MARC-8 (or mislabelled) records as Unicode, composed to NFC
 * Iso2709Reader.open(path, ReadOptions.defaults().withNormalizeNfc(true));
 * // write MARC-8
 * new Iso2709Writer(out, new Iso2709Encoder(Marc8Encoder.INSTANCE, problems, false));
 * }</pre>
 *
 * <h2>The tables and their generator</h2>
 * The facts come from LC's MARC-8 code tables. The project carries them as its own compact binary
 * resource, {@code org/marcring/codec/marc8/marc8.bin} (about 114 KB; its format is described in
 * {@link org.marcring.codec.marc8.Marc8Tables}), generated from LC's XML form of the tables
 * ({@code codetables.xml}, e.g. the copy at
 * {@code marc4j/src/org/marc4j/converter/impl/resources/codetables.xml} in the shared corpus) by the
 * development tool {@code Marc8TableGenerator} in the codec's test sources (StAX, no runtime
 * dependency). To regenerate, from the {@code codec} folder:
 *
 * <pre>
 * mvn -q test-compile
 * java -cp target/test-classes:target/classes org.marcring.codec.marc8.Marc8TableGenerator \
 *     ../../shared/corpus/marc4j/src/org/marc4j/converter/impl/resources/codetables.xml \
 *     src/main/resources/org/marcring/codec/marc8/marc8.bin
 * </pre>
 *
 * {@code Marc8TablesTest} fails when the committed resource differs by one byte from what the
 * generator makes of the XML (it is skipped without the corpus).
 *
 * <h2>Choices beyond the tables</h2>
 * <ul>
 * <li>Repairs are reported, never silent: unknown bytes become U+FFFD ({@code ERROR}); Greek text
 *     missing its escape back to ASCII and six EACC punctuation codes of Innovative Interfaces
 *     systems are read with a {@code WARNING}; marks with no base at the end of a value are kept
 *     ({@code INFO}).</li>
 * <li>After a lost byte in EACC text, reading resynchronises where the following codes make sense.</li>
 * <li>The encoder designates ANSEL back into G1 as {@code ESC ) E} (LC also allows {@code ESC ) ! E};
 *     the short form is the one marc4j writes and pymarc reads); the decoder reads both.</li>
 * </ul>
 */
package org.marcring.codec.marc8;
