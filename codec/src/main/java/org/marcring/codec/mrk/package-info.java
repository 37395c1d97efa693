/**
 * MARCMaker / MarcEdit mnemonic text ({@code .mrk}, {@code .mrk8}): reader, encoder and the table
 * of character mnemonics.
 */
package org.marcring.codec.mrk;
