package org.okrengine.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.okrengine.cli.Okr;

/** One local Spark session for a test class, the shared data, and the okr command run in this process. */
final class SparkTestSupport {
  private SparkTestSupport() {}

  static SparkSession session() {
    return SparkSession.builder().master("local[2]").appName("okr-spark tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  /** The shared data folder, or the test is skipped with the reason. */
  static Path sharedData() {
    String dir = System.getProperty("okr.shared.data");
    Path d = dir == null ? null : Path.of(dir);
    Assumptions.assumeTrue(d != null && Files.isDirectory(d),
        "../shared/data is absent (system property okr.shared.data = " + dir + "): Spark real-data tests skipped");
    return d;
  }

  static Path[] sharedFiles() {
    Path d = sharedData();
    return new Path[] {d.resolve("tawos-quarterly-throughput.jsonl"), d.resolve("tse2017-sprints.jsonl")};
  }

  record Run(int code, String out, String err) {}

  /** The okr command, as {@code ./okr} runs it. */
  static Run okr(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Okr.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static String[] strings(Path... files) {
    String[] s = new String[files.length];
    for (int i = 0; i < files.length; i++) {
      s[i] = files[i].toString();
    }
    return s;
  }

  static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
