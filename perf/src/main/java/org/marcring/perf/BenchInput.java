package org.marcring.perf;

import java.nio.file.Path;

/**
 * One benchmark input held in memory: its bytes and its record count, from which a benchmark's time per
 * operation (one pass over the whole file) gives records per second and megabytes per second.
 *
 * @param name    the name it was asked for by (the benchmarks' {@code input} parameter)
 * @param path    the file
 * @param bytes   the whole file (shared, not copied: benchmarks read it and never change it)
 * @param records the records in it (units the ISO 2709 framer finds)
 */
public record BenchInput(String name, Path path, byte[] bytes, long records) {

    /** Size in bytes. */
    public long size() {
        return bytes.length;
    }

    /** {@code realistic.mrc: 2000 records, 2311809 bytes}, the line each benchmark prints at setup. */
    public String describe() {
        return name + ": " + records + " records, " + bytes.length + " bytes";
    }
}
