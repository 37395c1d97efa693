package org.marcring.spark;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of a DataFrame of MARC records, read by {@code spark.read.format("marc")} and written back by
 * {@code df.write.format("marc")}. Its column names are fixed so that queries can rely on them.
 *
 * <pre>
 * leader          string
 * control_fields  array&lt;struct&lt;tag:string, value:string&gt;&gt;
 * data_fields     array&lt;struct&lt;tag:string, ind1:string, ind2:string,
 *                              subfields:array&lt;struct&lt;code:string, value:string&gt;&gt;&gt;&gt;
 * source_file     string   the file the record was read from
 * byte_offset     long     where the record starts in that file (in the decompressed stream for .gz)
 * record_length   int      its length in bytes as framed
 * errors          array&lt;string&gt;  what the reader repaired, or why the record could not be read
 * _corrupt_record binary   the bytes of a record that could not be read (mode PERMISSIVE), else null
 * </pre>
 */
public final class MarcSchema {
    /** Column of the 24-character leader. */
    public static final String LEADER = "leader";
    /** Column of the control fields (tags 001-009). */
    public static final String CONTROL_FIELDS = "control_fields";
    /** Column of the data fields. */
    public static final String DATA_FIELDS = "data_fields";
    /** Column of the source file's path. */
    public static final String SOURCE_FILE = "source_file";
    /** Column of the record's byte offset in its file. */
    public static final String BYTE_OFFSET = "byte_offset";
    /** Column of the record's length in bytes. */
    public static final String RECORD_LENGTH = "record_length";
    /** Column of the record's errors. */
    public static final String ERRORS = "errors";
    /** Column of the bytes of a record that could not be read, as Spark's own sources name it. */
    public static final String CORRUPT_RECORD = "_corrupt_record";

    /** Element type of {@link #CONTROL_FIELDS}. */
    public static final StructType CONTROL_FIELD = new StructType()
            .add("tag", DataTypes.StringType)
            .add("value", DataTypes.StringType);
    /** Element type of a data field's subfields. */
    public static final StructType SUBFIELD = new StructType()
            .add("code", DataTypes.StringType)
            .add("value", DataTypes.StringType);
    /** Element type of {@link #DATA_FIELDS}. */
    public static final StructType DATA_FIELD = new StructType()
            .add("tag", DataTypes.StringType)
            .add("ind1", DataTypes.StringType)
            .add("ind2", DataTypes.StringType)
            .add("subfields", DataTypes.createArrayType(SUBFIELD, false));

    /** The whole schema. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField(LEADER, DataTypes.StringType, true),
        DataTypes.createStructField(CONTROL_FIELDS, DataTypes.createArrayType(CONTROL_FIELD, false), true),
        DataTypes.createStructField(DATA_FIELDS, DataTypes.createArrayType(DATA_FIELD, false), true),
        DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false),
        DataTypes.createStructField(BYTE_OFFSET, DataTypes.LongType, false),
        DataTypes.createStructField(RECORD_LENGTH, DataTypes.IntegerType, false),
        DataTypes.createStructField(ERRORS, DataTypes.createArrayType(DataTypes.StringType, false), false),
        DataTypes.createStructField(CORRUPT_RECORD, DataTypes.BinaryType, true),
    });

    private MarcSchema() {
    }
}
