package org.marcring.engine.generate;

/**
 * What {@link Replicator} wrote.
 *
 * @param records        records written
 * @param bytes          bytes written
 * @param passes         times the source was read, the last one perhaps in part
 * @param sourceRecords  sound records in one pass over the source (those that are copied)
 * @param sourceSkipped  units of the source left out in each pass because their framing was damaged
 *                       (garbage, a lying length, a missing terminator)
 * @param notRenumbered  records copied with their own 001 because their structure could not be rewritten
 *                       (0 where control numbers are not rewritten)
 */
public record ReplicationReport(long records, long bytes, long passes, long sourceRecords, long sourceSkipped,
                                long notRenumbered) {
    @Override
    public String toString() {
        return records + " records, " + bytes + " bytes in " + passes + " passes over " + sourceRecords
                + " source records" + (sourceSkipped > 0 ? " (" + sourceSkipped + " damaged units skipped)" : "")
                + (notRenumbered > 0 ? ", " + notRenumbered + " kept their 001" : "");
    }
}
