package org.okrengine.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.okrengine.retro.DistributedEngine;

/** Writes what a job found: the report (one small file, from the driver) and the rejects (from the executors). */
final class JobOutput {
  private JobOutput() {}

  static int write(SparkSession spark, SparkResult<?> result, String out, String rejects, PrintWriter log)
      throws IOException {
    Path path = new Path(out);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream o = fs.create(path, true)) {
      o.write(result.json().getBytes(StandardCharsets.UTF_8));
    }
    log.println(result.summary());
    log.println("report: " + out);
    if (result.rejectedLines() > 0) {
      result.rejects().orderBy("file", "line").write().mode(SaveMode.Overwrite).json(rejects);
      log.println("okr-spark " + result.job() + ": " + DistributedEngine.skipped(result.rejectedLines(), result.lines())
          + " (listed in " + rejects + " as JSON Lines of file, line, problems)");
    }
    log.flush();
    return 0;
  }
}
