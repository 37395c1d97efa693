package org.marcring.spark;

import java.util.List;

import org.apache.spark.sql.connector.read.InputPartition;

/** The splits one task reads, in order: one range of a large file, or several small files packed together. */
final class MarcPartition implements InputPartition {
    private static final long serialVersionUID = 1L;

    final FileSplit[] splits;

    MarcPartition(List<FileSplit> splits) {
        this.splits = splits.toArray(new FileSplit[0]);
    }

    @Override
    public String toString() {
        return java.util.Arrays.toString(splits);
    }
}
