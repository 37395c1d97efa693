/** A human-readable line dump of records, for people and {@code grep}; written only. */
package org.marcring.codec.line;
