/**
 * MARC-in-JSON: a streaming reader over jackson-core (one record, an array, or one record per line)
 * and a byte-level encoder for the array and newline-delimited layouts.
 */
package org.marcring.codec.json;
