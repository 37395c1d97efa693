package org.marcring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** Spark's split rule and packing of small files, without a Spark session. */
class SplitPlannerTest {
    private static final long MB = 1 << 20;

    @Test
    void maxSplitBytesIsSparksRule() {
        SplitPlanner planner = new SplitPlanner(128 * MB, 4 * MB, 2);
        // a large input: capped by maxPartitionBytes
        assertEquals(128 * MB, planner.maxSplitBytes(10_000 * MB, 1));
        // a small input spread over the cores, but no split under the open cost
        assertEquals((100 * MB + 4 * MB) / 2, planner.maxSplitBytes(100 * MB, 1));
        assertEquals(4 * MB, planner.maxSplitBytes(MB, 1));
    }

    @Test
    void aLargeFileIsCutIntoSplitsThatCoverItOnce() {
        SplitPlanner planner = new SplitPlanner(32 * MB, 4 * MB, 1);
        List<MarcPartition> partitions = planner.plan(List.of(file("big.mrc", 100 * MB)), new Configuration(false));
        assertEquals(4, partitions.size());
        long covered = 0;
        for (MarcPartition p : partitions) {
            assertEquals(1, p.splits.length);
            covered += p.splits[0].length;
        }
        assertEquals(100 * MB, covered);
    }

    @Test
    void smallFilesShareAPartitionAndCompressedFilesAreNotCut() {
        SplitPlanner planner = new SplitPlanner(32 * MB, 4 * MB, 1);
        List<FileStatus> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(file("small" + i + ".mrc", 100_000));
        }
        files.add(file("dump.mrc.gz", 100 * MB));
        List<MarcPartition> partitions = planner.plan(files, new Configuration(false));
        // the gzip file whole; 20 small files charged 4 MB of open cost each: 8, 8 and 4 per 32 MB partition
        assertEquals(1 + 3, partitions.size());
        assertEquals(100 * MB, partitions.get(0).splits[0].length);
        assertEquals(20, partitions.stream().mapToInt(p -> p.splits.length).sum() - 1);
    }

    private static FileStatus file(String name, long length) {
        return new FileStatus(length, false, 1, 128 * MB, 0, new Path("file:/data/" + name));
    }
}
