package org.marcring.spark;

import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;

/**
 * The scan of a read: plans the partitions on the driver with Spark's own split rule ({@link SplitPlanner},
 * from {@code spark.sql.files.maxPartitionBytes}, {@code openCostInBytes} and {@code minPartitionNum} or the
 * default parallelism) and gives the tasks a reader of their splits.
 */
final class MarcScan implements Scan, Batch {
    private final StructType required;
    private final List<String> paths;
    private final MarcReadOptions options;

    MarcScan(StructType required, List<String> paths, MarcReadOptions options) {
        this.required = required;
        this.paths = paths;
        this.options = options;
    }

    @Override
    public StructType readSchema() {
        return required;
    }

    @Override
    public String description() {
        return "marc " + paths + " mode " + options.mode();
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        SparkSession session = SparkSession.active();
        SQLConf conf = SQLConf.get();
        int minPartitions = conf.filesMinPartitionNum().isDefined()
                ? (Integer) conf.filesMinPartitionNum().get() : session.sparkContext().defaultParallelism();
        long maxPartitionBytes = options.maxPartitionBytes() > 0 ? options.maxPartitionBytes()
                : conf.filesMaxPartitionBytes();
        Configuration hadoop = session.sparkContext().hadoopConfiguration();
        List<FileStatus> files = SplitPlanner.list(paths, hadoop);
        return new SplitPlanner(maxPartitionBytes, conf.filesOpenCostInBytes(), minPartitions, options.format())
                .plan(files, hadoop).toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        Configuration hadoop = new Configuration(SparkSession.active().sparkContext().hadoopConfiguration());
        return new ReaderFactory(new RecordRows(required), options, new HadoopConf(hadoop));
    }

    /** Makes the reader of each partition in its task. */
    private static final class ReaderFactory implements PartitionReaderFactory {
        private static final long serialVersionUID = 1L;

        private final RecordRows rows;
        private final MarcReadOptions options;
        private final HadoopConf conf;

        ReaderFactory(RecordRows rows, MarcReadOptions options, HadoopConf conf) {
            this.rows = rows;
            this.options = options;
            this.conf = conf;
        }

        @Override
        public PartitionReader<InternalRow> createReader(InputPartition partition) {
            return new MarcPartitionReader((MarcPartition) partition, rows, options, conf.get());
        }
    }
}
