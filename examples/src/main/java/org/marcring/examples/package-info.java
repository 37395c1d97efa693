/**
 * Runnable examples of marcring's public API, one everyday MARC task each, in the spirit of marc4j's
 * tutorial: {@link org.marcring.examples.PrintTitles}, {@link org.marcring.examples.FilterByLanguage},
 * {@link org.marcring.examples.AddLocalField}, {@link org.marcring.examples.Marc8ToMarcXml},
 * {@link org.marcring.examples.EngineTransform} and {@link org.marcring.examples.Marc4jSwitch}. Each is a
 * {@code main} method a reader can copy; the module's tests run every one on real records.
 */
package org.marcring.examples;
