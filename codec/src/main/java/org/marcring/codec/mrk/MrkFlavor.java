package org.marcring.codec.mrk;

/** The two flavours of MARCMaker text. */
public enum MrkFlavor {
    /**
     * {@code .mrk}: plain ASCII; every other character is a mnemonic, and combining diacritics are
     * written before the letter they sit on, as in MARC-8 ({@code {acute}e} is é). Characters without
     * a named mnemonic are written as {@code {U+00E9}}.
     */
    MRK,
    /**
     * {@code .mrk8}: UTF-8 text as it is, diacritics after their letter as in Unicode; mnemonics only
     * for the reserved characters ({@code {dollar}}, {@code {lcub}}, {@code {rcub}}, {@code {bsol}})
     * and control characters.
     */
    MRK8
}
