package org.marcring.spark;

import org.apache.spark.sql.SparkSession;

/** The one local[2] Spark session of a test JVM (UI off, two shuffle partitions); Spark stops it at exit. */
final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("marcring-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }
}
