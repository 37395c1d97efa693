package org.marcring.spark;

import java.util.List;

import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/** Builds the scan of a read, with the columns the query needs (pruned by Spark's optimizer). */
final class MarcScanBuilder implements SupportsPushDownRequiredColumns {
    private final List<String> paths;
    private final MarcReadOptions options;
    private StructType required;

    MarcScanBuilder(StructType schema, List<String> paths, MarcReadOptions options) {
        this.required = schema;
        this.paths = paths;
        this.options = options;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Scan build() {
        return new MarcScan(required, paths, options);
    }
}
