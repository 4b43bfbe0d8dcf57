package org.okrengine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.okrengine.spark.SparkTestSupport.okr;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.model.json.CycleJson;
import picocli.CommandLine;

/**
 * Malformed and invalid lines mixed into good ones: the job goes on, counts them, lists each with its file, line and
 * every problem, exactly as the okr command does; the numbering holds when Spark splits a file into blocks.
 */
class RejectsTest {
  static SparkSession spark;
  @TempDir
  static Path dir;
  static Path mixed;
  static Path good;
  static final List<Long> BAD_LINES = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    spark = SparkTestSupport.session();
    StringWriter all = new StringWriter();
    StringWriter onlyGood = new StringWriter();
    CycleJson json = CycleJson.withDefaults();
    String[] bad = {
        "{\"format\": ",                                       // malformed
        "not json at all",                                     // malformed
        "{\"format\": \"okr-cycle/2\"}",                       // another format
        "{\"format\": \"okr-cycle/1\"}",                       // invalid: everything missing
        "{\"format\": \"okr-cycle/1\", \"cycle\": 7, \"teams\": [], \"objectives\": []}"};
    long line = 0;
    for (int i = 0; i < 60; i++) {
      StringWriter one = new StringWriter();
      json.writeLine(Synthetic.cycle(7, i), one);
      all.write(one.toString());
      onlyGood.write(one.toString());
      line++;
      if (i % 12 == 5) {
        all.write(bad[(i / 12) % bad.length] + "\n");
        BAD_LINES.add(++line);
      }
      if (i % 20 == 3) {
        all.write("   \n"); // blank lines are skipped but counted
        line++;
      }
    }
    mixed = Files.writeString(dir.resolve("mixed.jsonl"), all.toString(), StandardCharsets.UTF_8);
    good = Files.writeString(dir.resolve("good.jsonl"), onlyGood.toString(), StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void rejectsCountedAndListed_goodLinesScored() {
    SparkResult<BacktestReport> r = SparkBacktest.withDefaults().run(spark, mixed.toString());
    assertThat(r.rejectedLines()).isEqualTo(BAD_LINES.size()).isEqualTo(5);
    assertThat(r.cycles()).isEqualTo(60);
    assertThat(r.lines()).isEqualTo(65);
    assertThat(r.summary()).isEqualTo("okr-spark backtest: 65 lines, 60 cycles, 5 rejected lines, 0 warnings");
    // the good lines' report is the report of the good lines alone
    assertThat(r.json()).isEqualTo(okr("backtest", "--format", "json", good.toString()).out());
    List<Row> rejects = r.rejects().orderBy("line").collectAsList();
    assertThat(rejects).extracting(x -> x.getLong(1)).containsExactlyElementsOf(BAD_LINES);
    assertThat(rejects).allSatisfy(x -> {
      assertThat(x.getString(0)).endsWith("mixed.jsonl");
      assertThat(x.<String>getList(2)).isNotEmpty();
    });
    assertThat(rejects.get(0).<String>getList(2)).singleElement().asString()
        .startsWith("line " + BAD_LINES.get(0) + ", column ");
    // a Dataset<String> of one file: numbered by position, which is the line number
    SparkResult<BacktestReport> fromDataset = SparkBacktest.withDefaults().run(spark.read().textFile(mixed.toString()));
    assertThat(fromDataset.json()).isEqualTo(r.json());
    assertThat(fromDataset.rejects().orderBy("line").collectAsList()).extracting(x -> x.getString(0) + ":"
        + x.getLong(1) + ":" + x.getList(2)).containsExactlyElementsOf(rejects.stream().map(x -> "<dataset>:"
        + x.getLong(1) + ":" + x.getList(2)).toList());
  }

  @Test
  void engineSpark_listsTheProblemsAsTheOkrCommandDoes() throws IOException {
    SparkTestSupport.Run local = okr("backtest", mixed.toString());
    SparkTestSupport.Run onSpark = okr("backtest", mixed.toString(), "--engine", "spark");
    assertThat(local.code()).isEqualTo(2);
    assertThat(onSpark.code()).isEqualTo(2);
    assertThat(onSpark.err()).isEqualTo(local.err()).contains(mixed + ":" + BAD_LINES.get(0) + ": ")
        .containsPattern("\\(column \\d+\\)\\R").doesNotContain(": line ");
    SparkTestSupport.Run missing = okr("retro", dir.resolve("none.jsonl").toString(), "--engine", "spark");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).endsWith("none.jsonl: no such file\n");
    // as the okr command says of a folder (Spark said "no such file" of one that is there, and of standard input)
    Path folder = Files.createDirectories(dir.resolve("history.jsonl"));
    SparkTestSupport.Run folderLocal = okr("retro", folder.toString());
    assertThat(folderLocal.code()).isEqualTo(2);
    assertThat(folderLocal.err()).isEqualTo(folder + ": is a directory; give the files in it (" + folder
        + "/*.jsonl)\n");
    SparkTestSupport.Run folderSpark = okr("retro", folder.toString(), "--engine", "spark");
    assertThat(folderSpark.code()).isEqualTo(2);
    assertThat(folderSpark.err()).isEqualTo(folderLocal.err());
    SparkTestSupport.Run stdin = okr("backtest", "-", "--engine", "spark");
    assertThat(stdin.code()).isEqualTo(2);
    assertThat(stdin.err()).isEqualTo("-: --engine spark reads files, not standard input or a pipe: save it to a "
        + ".jsonl file\n");
    Path single = Files.writeString(dir.resolve("x.json"), "{}");
    SparkTestSupport.Run notLines = okr("retro", single.toString(), "--engine", "spark");
    assertThat(notLines.code()).isEqualTo(2);
    assertThat(notLines.err()).contains("x.json: --engine spark reads JSON Lines (.jsonl or .ndjson) only");
  }

  @Test
  void engineSpark_rejects_sameFileCountAndReportAsTheOkrCommand() throws IOException {
    for (String command : new String[] {"backtest", "retro"}) {
      Path localRejects = dir.resolve(command + "-local-rejects.txt");
      Path sparkRejects = dir.resolve(command + "-spark-rejects.txt");
      SparkTestSupport.Run local = okr(command, "--format", "json", mixed.toString(), "--rejects",
          localRejects.toString());
      SparkTestSupport.Run onSpark = okr(command, "--format", "json", mixed.toString(), "--rejects",
          sparkRejects.toString(), "--engine", "spark");
      assertThat(local.code()).as(local.err()).isZero();
      assertThat(onSpark.code()).as(onSpark.err()).isZero();
      assertThat(onSpark.out()).as(command).isEqualTo(local.out())
          .isEqualTo(okr(command, "--format", "json", good.toString()).out());
      assertThat(local.err()).isEqualTo("okr: skipped 5 bad lines of 65 (listed in " + localRejects + ")\n");
      assertThat(onSpark.err()).isEqualTo("okr: skipped 5 bad lines of 65 (listed in " + sparkRejects + ")\n");
      // every problem of every bad line, as the command lists them without --rejects
      SparkTestSupport.Run strict = okr(command, "--format", "json", mixed.toString());
      assertThat(strict.code()).isEqualTo(2);
      assertThat(Files.readString(sparkRejects)).as(command).isEqualTo(Files.readString(localRejects))
          .isEqualTo(strict.err()).startsWith(mixed + ":" + BAD_LINES.get(0) + ": ").doesNotContain(": line ");
      assertThat(Files.readString(sparkRejects).lines().map(l -> l.substring(0, l.indexOf(": "))).distinct())
          .containsExactlyElementsOf(BAD_LINES.stream().map(n -> mixed + ":" + n).toList());
    }
  }

  @Test
  void engineSpark_bytesThatAreNotUtf8_rejectTheLineAsTheOkrCommandDoes() throws IOException {
    // line 3 of good.jsonl with C0 AF (an overlong '/', never UTF-8) in a string: Spark's strings replaced them
    // with U+FFFD and the line was scored (exit 0), where the okr command rejects it at their column
    List<String> lines = Files.readAllLines(good);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 5; i++) {
      byte[] line = lines.get(i).getBytes(StandardCharsets.UTF_8);
      if (i == 2) {
        String text = lines.get(i);
        int at = text.indexOf("\"name\":\"") + "\"name\":\"".length();
        assertThat(at).isGreaterThan(8);
        bytes.write(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xC0, (byte) 0xAF});
        bytes.write(text.substring(at).getBytes(StandardCharsets.UTF_8));
      } else {
        bytes.write(line);
      }
      bytes.write('\n');
    }
    Path notUtf8 = Files.write(dir.resolve("not-utf8.jsonl"), bytes.toByteArray());
    SparkTestSupport.Run local = okr("backtest", "--format", "json", notUtf8.toString());
    SparkTestSupport.Run onSpark = okr("backtest", "--format", "json", notUtf8.toString(), "--engine", "spark");
    assertThat(local.code()).isEqualTo(2);
    assertThat(local.err()).contains(notUtf8 + ":3: invalid UTF-8: bytes C0 AF (column ");
    assertThat(onSpark.code()).as(onSpark.out()).isEqualTo(2);
    assertThat(onSpark.err()).isEqualTo(local.err());
    SparkResult<BacktestReport> r = SparkBacktest.withDefaults().run(spark, notUtf8.toString());
    assertThat(r.rejectedLines()).isEqualTo(1);
    assertThat(r.cycles()).isEqualTo(4);
  }

  @Test
  void engineSpark_byteOrderMarksAndLineEnds_readAsTheOkrCommandReadsThem() throws IOException {
    // the first five lines of good.jsonl as a Windows editor or cat might leave them: a byte order mark alone on line
    // 1, CRLF line ends with trailing spaces and a tab, a lone CR, and line 4 beginning with a mark (a file joined
    // with cat) with C0 AF in a name; both engines must read the same lines, reject the same one, say the same
    List<String> lines = Files.readAllLines(good);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    bytes.write(bom);
    bytes.write("\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.write((lines.get(0) + "  \r\n" + lines.get(1) + "\t\r").getBytes(StandardCharsets.UTF_8));
    bytes.write(bom);
    String text = lines.get(2);
    int at = text.indexOf("\"name\":\"") + "\"name\":\"".length();
    bytes.write(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC0, (byte) 0xAF});
    bytes.write((text.substring(at) + "\n" + lines.get(3) + " \n").getBytes(StandardCharsets.UTF_8));
    Path windows = Files.write(dir.resolve("windows.jsonl"), bytes.toByteArray());
    Path rejectsLocal = dir.resolve("windows-local.txt");
    Path rejectsSpark = dir.resolve("windows-spark.txt");
    SparkTestSupport.Run local = okr("retro", "--format", "json", windows.toString(), "--rejects",
        rejectsLocal.toString());
    SparkTestSupport.Run onSpark = okr("retro", "--format", "json", windows.toString(), "--rejects",
        rejectsSpark.toString(), "--engine", "spark");
    assertThat(local.code()).as(local.err()).isZero();
    assertThat(Files.readString(rejectsLocal)).startsWith(windows + ":4: invalid UTF-8: bytes C0 AF (column "
        + (at + 2) + ")");
    assertThat(local.err()).isEqualTo("okr: skipped 1 bad line of 4 (listed in " + rejectsLocal + ")\n");
    assertThat(onSpark.code()).as(onSpark.err()).isZero();
    assertThat(onSpark.err()).isEqualTo(local.err().replace(rejectsLocal.toString(), rejectsSpark.toString()));
    assertThat(onSpark.out()).isEqualTo(local.out());
    assertThat(Files.readString(rejectsSpark)).isEqualTo(Files.readString(rejectsLocal));
  }

  @Test
  void engineSpark_printsTheWarningsAsTheOkrCommandDoes() throws IOException {
    // every other line of good.jsonl with two unknown fields, and a file with one: 2 x 30 + 1 = 61 warnings, of
    // which the first 20 are listed (in the order of the command line, then of the lines) and 41 counted; on Spark
    // none were printed
    List<String> lines = Files.readAllLines(good);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      many.append(i % 2 == 0 ? "{\"colour\":1," + l.substring(1, l.length() - 1) + ",\"zz\":2}" : l).append('\n');
    }
    Path one = Files.writeString(dir.resolve("one-warning.jsonl"), "{\"colour\":1," + lines.get(0).substring(1)
        + "\n", StandardCharsets.UTF_8);
    Path warned = Files.writeString(dir.resolve("warned.jsonl"), many.toString(), StandardCharsets.UTF_8);
    for (String command : new String[] {"backtest", "retro"}) {
      SparkTestSupport.Run local = okr(command, "--format", "json", one.toString(), warned.toString());
      SparkTestSupport.Run onSpark = okr(command, "--format", "json", one.toString(), warned.toString(), "--engine",
          "spark");
      assertThat(local.code()).isZero();
      assertThat(onSpark.code()).isZero();
      assertThat(local.err()).startsWith(one + ":1: warning: colour: unknown field\n" + warned
          + ":1: warning: colour: unknown field\n").endsWith("\n... and 41 more warnings\n");
      assertThat(onSpark.err()).as(command).isEqualTo(local.err());
      assertThat(onSpark.out()).isEqualTo(local.out());
    }
  }

  @Test
  void jobOutput_logsTheSkippedLinesAsTheOkrCommandWordsThem() throws IOException {
    SparkResult<BacktestReport> r = SparkBacktest.withDefaults().run(spark, mixed.toString());
    Path out = dir.resolve("logged.json");
    Path rejects = dir.resolve("logged-rejects");
    StringWriter log = new StringWriter();
    assertThat(JobOutput.write(spark, r, out.toString(), rejects.toString(), new PrintWriter(log))).isZero();
    assertThat(log.toString()).isEqualTo("okr-spark backtest: 65 lines, 60 cycles, 5 rejected lines, 0 warnings\n"
        + "report: " + out + "\n"
        + "okr-spark backtest: skipped 5 bad lines of 65 (listed in " + rejects + " as JSON Lines of file, line, "
        + "problems)\n");
  }

  @Test
  void jobs_writeTheReportAndTheRejects() throws IOException {
    Path out = dir.resolve("backtest.json");
    int code = new CommandLine(new BacktestJob()).execute("--out", out.toString(), "--partitions", "3",
        mixed.toString());
    assertThat(code).isZero();
    assertThat(Files.readString(out)).isEqualTo(okr("backtest", "--format", "json", good.toString()).out());
    List<String> rejectLines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(dir.resolve("backtest.json.rejects"))) {
      for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        rejectLines.addAll(Files.readAllLines(p));
      }
    }
    assertThat(rejectLines).hasSize(5).allSatisfy(l -> assertThat(l).contains("\"problems\":["));

    Path retro = dir.resolve("retro.json");
    assertThat(new CommandLine(new RetroJob()).execute("--out", retro.toString(), "--rejects",
        dir.resolve("retro-rejects").toString(), "--by", "team,tag", mixed.toString())).isZero();
    assertThat(Files.readString(retro))
        .isEqualTo(okr("retro", "--format", "json", "--by", "team,tag", good.toString()).out());
    assertThat(new CommandLine(new BacktestJob()).execute("--out", out.toString(), "--method", "nope",
        mixed.toString())).isNotZero();
  }

  @Test
  void lineNumbersHoldAcrossBlocks() throws IOException {
    spark.conf().set("spark.sql.files.maxPartitionBytes", "16384");
    try {
      List<Row> rows = CycleLines.read(spark, mixed.toString()).collectAsList();
      assertThat(spark.read().text(mixed.toString()).javaRDD().getNumPartitions()).isGreaterThan(2);
      List<String> file = Files.readAllLines(mixed);
      assertThat(rows).hasSize(file.size());
      for (Row r : rows) {
        assertThat(r.getString(2)).isEqualTo(file.get((int) r.getLong(1) - 1));
      }
      SparkResult<BacktestReport> r = SparkBacktest.withDefaults().run(spark, mixed.toString());
      assertThat(r.rejects().orderBy("line").collectAsList()).extracting(x -> x.getLong(1))
          .containsExactlyElementsOf(BAD_LINES);
    } finally {
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
    }
  }
}
