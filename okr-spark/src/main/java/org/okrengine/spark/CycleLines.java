package org.okrengine.spark;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * JSON Lines as Spark rows {@code (file, line, value)}: each line with the file it came from and its 1-based number
 * there, so that a rejected document is reported where an editor finds it. Read with {@code spark.read().text(...)};
 * Spark's schema inference is not used (the engine's own reader parses each value).
 */
public final class CycleLines {
  /** The schema: {@code file} (string), {@code line} (long, 1-based), {@code value} (the line's text). */
  public static final StructType SCHEMA = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("line", DataTypes.LongType, false)
      .add("value", DataTypes.StringType, false);

  private CycleLines() {}

  /**
   * The lines of {@code paths} (files, folders or globs, any Hadoop file system), numbered within their file. A file
   * Spark splits into blocks costs one extra pass over the text to count each block's lines; the numbers are then
   * exact however the files are split.
   */
  public static Dataset<Row> read(SparkSession spark, String... paths) {
    Dataset<Row> n = number(scan(spark, paths));
    return n.withColumn("value", col("value").cast("string")); // the text, as SCHEMA says
  }

  /**
   * The lines of {@code paths} as Spark reads them, {@code (file, start, value)} with the start of each line's block:
   * enough to score the valid lines, which need no number ({@link #number} numbers them when a line is rejected).
   * The value is the line's bytes as read (binary), so that bytes that are not UTF-8 reject the line as the okr
   * command does, where Spark's strings would have replaced them with U+FFFD.
   */
  static Dataset<Row> scan(SparkSession spark, String... paths) {
    return spark.read().text(paths)
        .select(col("_metadata.file_path").as("file"), col("_metadata.file_block_start").as("start"),
            col("value").cast("binary").as("value"));
  }

  /** The lines of a {@link #scan}, numbered within their file: one more pass over the text, to count lines. */
  static Dataset<Row> number(Dataset<Row> raw) {
    SparkSession spark = raw.sparkSession();
    // lines before each block of each file: the blocks' line counts, summed in file order
    Map<String, TreeMap<Long, Long>> counts = new HashMap<>();
    for (Row r : raw.groupBy("file", "start").count().collectAsList()) {
      counts.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getLong(1), r.getLong(2));
    }
    HashMap<String, Long> before = new HashMap<>();
    for (Map.Entry<String, TreeMap<Long, Long>> f : counts.entrySet()) {
      long sum = 0;
      for (Map.Entry<Long, Long> b : f.getValue().entrySet()) {
        before.put(key(f.getKey(), b.getKey()), sum);
        sum += b.getValue();
      }
    }
    JavaRDD<Row> numbered = raw.javaRDD().mapPartitions(new Number(before));
    // the value as the scan has it (its bytes, from a file)
    return spark.createDataFrame(numbered, new StructType().add(SCHEMA.apply("file")).add(SCHEMA.apply("line"))
        .add("value", raw.schema().apply("value").dataType(), false));
  }

  /**
   * The lines of {@code lines} numbered by their position in the dataset, all attributed to {@code name}: right for
   * a dataset read from one file in order ({@code spark.read().textFile(file)}). Costs a pass to count the
   * partitions' rows.
   */
  public static Dataset<Row> numbered(Dataset<String> lines, String name) {
    JavaRDD<Row> rows = lines.javaRDD().zipWithIndex().map(new Index(name));
    return lines.sparkSession().createDataFrame(rows, SCHEMA);
  }

  static String key(String file, long start) {
    return start + "\u0000" + file;
  }

  /** Numbers the rows of each block, starting after the lines of the file's earlier blocks. */
  private static final class Number implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, Long> before;

    Number(HashMap<String, Long> before) {
      this.before = before;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new Iterator<>() {
        String file;
        long start = -1;
        long line;

        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          Row r = rows.next();
          String f = r.getString(0);
          long s = r.getLong(1);
          if (s != start || !f.equals(file)) {
            file = f;
            start = s;
            Long b = before.get(key(f, s));
            if (b == null) {
              throw new IllegalStateException("the input changed while it was read: " + f);
            }
            line = b;
          }
          line++;
          return RowFactory.create(f, line, r.get(2));
        }
      };
    }
  }

  private static final class Index implements org.apache.spark.api.java.function.Function<Tuple2<String, Long>, Row> {
    private static final long serialVersionUID = 1L;
    private final String name;

    Index(String name) {
      this.name = name;
    }

    @Override
    public Row call(Tuple2<String, Long> t) {
      return RowFactory.create(name, t._2() + 1, t._1());
    }
  }
}
