/**
 * MARCXML (MARC 21 slim): a streaming reader over the JDK's StAX parser that refuses DTDs and
 * external entities, and a byte-level encoder whose escaping works on strings and on UTF-8 bytes.
 */
package org.marcring.codec.xml;
