package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.okrengine.connect.SourcesJson;
import org.okrengine.execution.ExecutionEngine;
import org.okrengine.execution.Explanation;
import org.okrengine.execution.TargetHistory;
import org.okrengine.execution.TargetRealism;
import org.okrengine.execution.WhatIf;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.BacktestJson;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SourceStatus;
import org.okrengine.model.Status;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.EscalationPolicyJson;
import org.okrengine.model.json.JsonLine;
import org.okrengine.model.json.ReportJson;
import org.okrengine.retro.Grouping;
import org.okrengine.retro.RetroJson;
import org.okrengine.retro.Retrospective;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The formats' JSON Schemas (docs/schemas, draft 2020-12) against the library: every example, every line of the
 * shared data and every document the library writes is valid, and documents the readers reject are rejected too
 * (those whose fault a schema can express; the rules between fields are the readers' alone, see docs/FORMAT.md).
 *
 * <p>A written document is checked against the schema closed: every object that lists its properties allows no
 * others, so a field the library writes but the specification does not name fails here. The published schemas of the
 * output formats stay open, because readers must accept fields added later.
 */
class SchemaTest {
  static final Path ROOT = OkrTest.ROOT;
  static final Path SCHEMAS = ROOT.resolve("docs/schemas");

  /** Each format the library reads or writes, and its schema file. */
  static final Map<String, String> FORMATS = Map.of(
      "okr-cycle/1", "okr-cycle-1.schema.json",
      "okr-report/1", "okr-report-1.schema.json",
      "okr-retro/1", "okr-retro-1.schema.json",
      "okr-backtest/1", "okr-backtest-1.schema.json",
      "okr-escalation-policy/1", "okr-escalation-policy-1.schema.json",
      "okr-forecast-model/1", "okr-forecast-model-1.schema.json",
      "okr-sources/1", "okr-sources-1.schema.json",
      "okr-explain/1", "okr-explain-1.schema.json",
      "okr-whatif/1", "okr-whatif-1.schema.json",
      "okr-plan/1", "okr-plan-1.schema.json");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private static final Map<String, Schema> OPEN = new ConcurrentHashMap<>();
  private static final Map<String, Schema> CLOSED = new ConcurrentHashMap<>();

  private static OkrCycle q2;
  private static OkrCycle q3;

  @BeforeAll
  static void examples() throws IOException {
    q2 = CycleJson.withDefaults().read(ROOT.resolve("examples/acme-2026-q2.json")).cycle();
    q3 = CycleJson.withDefaults().read(ROOT.resolve("examples/acme-2026-q3.json")).cycle();
  }

  // ---- the schemas themselves

  @Test
  void schemas_oneForEachFormat_validDraft2020_12() throws IOException {
    Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactlyInAnyOrderElementsOf(FORMATS.values());
    }
    for (Map.Entry<String, String> e : FORMATS.entrySet()) {
      String text = Files.readString(SCHEMAS.resolve(e.getValue()));
      assertThat(meta.validate(text, InputFormat.JSON)).as(e.getValue()).isEmpty();
      JsonNode node = MAPPER.readTree(text);
      assertThat(node.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(node.get("title").asString()).as(e.getValue()).isEqualTo(e.getKey());
    }
  }

  /**
   * Every regular expression of every schema ({@code pattern}, the names of {@code patternProperties}) compiles, and
   * keeps to the portable subset of ECMA-262 that JSON Schema recommends, which Java's, Python's and JavaScript's
   * ({@code u} flag) engines read alike: no Unicode property escapes ({@code \p{Cc}}: Python's {@code re} cannot
   * compile them), no inline flags, named groups, lookbehind, atomic groups, backreferences or possessive
   * quantifiers, no escapes but the subset's ({@code \d \w \s \b} and their negations, {@code \t \n \r \f \v},
   * Unicode escapes of four hex digits, {@code \x} and two, escaped syntax characters), no class unions or
   * intersections, no lone braces. There is no ECMAScript engine among the test dependencies, so the subset is
   * checked by {@link #nonPortable}, whose refusals are tested too.
   */
  @Test
  void schemas_everyPattern_compilesWithinThePortableSubsetOfEcma262() throws IOException {
    int count = 0;
    for (String file : FORMATS.values()) {
      List<String> patterns = new ArrayList<>();
      patternsOf(MAPPER.readTree(Files.readString(SCHEMAS.resolve(file))), patterns);
      for (String p : patterns) {
        Pattern.compile(p);
        assertThat(nonPortable(p)).as("%s: %s", file, p).isEmpty();
      }
      count += patterns.size();
    }
    assertThat(count).isGreaterThanOrEqualTo(20);
    for (String p : List.of("^[^\\p{Cc}]*$", "\\P{L}", "\\x{41}", "\\Aa", "a\\z", "a\\Z", "(?i)a", "(?<n>a)",
        "(?<=a)b", "(?>a)", "a*+", "a++", "a{2}+", "[a-z&&[^b]]", "[a[b]]", "\\Qa\\E", "\\h", "\\R", "a{", "a}",
        "]", "[]", "\\-", "\\e", "\\1")) {
      assertThat(nonPortable(p)).as(p).isNotEmpty();
    }
    for (String p : List.of("^[A-Za-z_][A-Za-z0-9_]*$", "^(?=[0-9]*[1-9])[0-9]{1,6}[mhdw]$", "\\S",
        "^v[0-9]{2,3}\\.[0-9]$", "[\\-+]", "(?:a|b)+?", "(?!x)\\u00e9\\x41", "[^\\u0000-\\u001f]")) {
      assertThat(nonPortable(p)).as(p).isEmpty();
    }
  }

  /**
   * The forecast model's name: the schema refuses a character exactly where {@code ForecastModel} does, over every
   * code point but the surrogates, on every JDK (both list Unicode 16's format characters themselves; the reader
   * once took them from the JDK, and Java 17's Unicode 13 accepted U+0890, U+0891 and U+13439 to U+1343F).
   */
  @Test
  void forecastModelName_schemaRefusesACharacterWhereTheReaderDoes_everyCodePoint() throws IOException {
    JsonNode name = MAPPER.readTree(Files.readString(SCHEMAS.resolve(FORMATS.get("okr-forecast-model/1"))))
        .get("$defs").get("name");
    List<String> patterns = new ArrayList<>();
    patternsOf(name, patterns);
    assertThat(patterns).hasSize(2).contains("^\\s*$");
    Pattern refused = Pattern.compile(patterns.get(1));
    ForecastModel model = ForecastModel.defaults();
    List<String> differ = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        continue;
      }
      String s = "a" + Character.toString(c);
      boolean schema = !refused.matcher(s).find();
      boolean reader;
      try {
        model.withName(s);
        reader = true;
      } catch (IllegalArgumentException e) {
        reader = false;
      }
      if (schema != reader) {
        differ.add(String.format("U+%04X", c));
      }
    }
    assertThat(differ).isEmpty();
    // and through the validator, on the document
    String json = model.toJson();
    assertThat(errors("okr-forecast-model/1", json.replace("\"okr-default-2\"", "\"tag\\udb40\\udc01\""))).isNotEmpty();
    assertThat(errors("okr-forecast-model/1", json.replace("\"okr-default-2\"", "\"caf\u00e9 \\ud83d\\ude00\"")))
        .isEmpty();
  }

  /** The regular expressions of {@code node}: the values of {@code pattern}, the names of {@code patternProperties}. */
  static void patternsOf(JsonNode node, List<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().equals("pattern") && e.getValue().isString()) {
          out.add(e.getValue().asString());
        } else if (e.getKey().equals("patternProperties") && e.getValue().isObject()) {
          e.getValue().propertyNames().forEach(out::add);
        }
        patternsOf(e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (JsonNode n : node) {
        patternsOf(n, out);
      }
    }
  }

  /**
   * What of {@code p} falls outside the portable subset of ECMA-262 (with the {@code u} flag) that JSON Schema
   * recommends; empty when nothing does.
   */
  static List<String> nonPortable(String p) {
    List<String> out = new ArrayList<>();
    boolean inClass = false;
    int classStart = -1;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      char next = i + 1 < p.length() ? p.charAt(i + 1) : 0;
      if (c == '\\') {
        if (next == 'u' && p.substring(i + 2).matches("(?s)[0-9A-Fa-f]{4}.*")) {
          i += 5;
        } else if (next == 'x' && p.substring(i + 2).matches("(?s)[0-9A-Fa-f]{2}.*")) {
          i += 3;
        } else if (next != 0 && ("dDwWsSbBtnrfv^$\\.*+?()[]{}|/".indexOf(next) >= 0 || inClass && next == '-')) {
          i++;
        } else {
          out.add("escape \\" + (next == 0 ? "" : String.valueOf(next)) + " at " + i);
          i++;
        }
        continue;
      }
      if (inClass) {
        if (c == '[') {
          out.add("[ inside a class at " + i);
        } else if (c == '&' && next == '&') {
          out.add("&& inside a class at " + i);
        } else if (c == ']') {
          if (i == classStart) {
            out.add("empty class at " + i);
          }
          inClass = false;
        }
        continue;
      }
      switch (c) {
        case '[' -> {
          inClass = true;
          classStart = next == '^' ? i + 2 : i + 1;
          if (next == '^') {
            i++;
          }
        }
        case '(' -> {
          if (next == '?') {
            char kind = i + 2 < p.length() ? p.charAt(i + 2) : 0;
            if (kind != ':' && kind != '=' && kind != '!') {
              out.add("group (?" + (kind == 0 ? "" : String.valueOf(kind)) + " at " + i);
            }
            i += 2;
          }
        }
        case '{' -> {
          Matcher m = Pattern.compile("\\{[0-9]+(,[0-9]*)?}").matcher(p).region(i, p.length());
          if (m.lookingAt()) {
            i = m.end() - 1;
            if (i + 1 < p.length() && p.charAt(i + 1) == '+') {
              out.add("possessive quantifier at " + (i + 1));
            }
          } else {
            out.add("lone { at " + i);
          }
        }
        case '}', ']' -> out.add("lone " + c + " at " + i);
        case '*', '+', '?' -> {
          if (next == '+') {
            out.add("possessive quantifier at " + (i + 1));
            i++;
          }
        }
        default -> { }
      }
    }
    if (inClass) {
      out.add("unclosed class");
    }
    return out;
  }

  @Test
  void formats_theLibraryNames_haveASchema() {
    assertThat(FORMATS).containsKeys(CycleJson.FORMAT, ReportJson.FORMAT, RetroJson.FORMAT, BacktestJson.FORMAT,
        EscalationPolicyJson.FORMAT, ForecastModel.FORMAT, SourcesJson.FORMAT, Explanation.FORMAT,
        WhatIf.FORMAT, TargetRealism.FORMAT);
  }

  // ---- examples

  @Test
  void examples_everyJsonFile_valid() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(ROOT.resolve("examples"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    for (Path file : files) {
      String text = Files.readString(file);
      assertValid(formatOf(text), text, ROOT.relativize(file).toString());
    }
  }

  /** The JSON blocks of the documentation that are whole documents of a format (they name it). */
  @Test
  void documentation_everyWholeDocument_valid() throws IOException {
    Pattern block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (String doc : List.of("docs/FORMAT.md", "docs/forecast-model.md", "README.md")) {
      Matcher m = block.matcher(Files.readString(ROOT.resolve(doc)));
      while (m.find()) {
        String text = m.group(1);
        JsonNode node;
        try {
          node = MAPPER.readTree(text);
        } catch (RuntimeException e) {
          continue; // a fragment, not a document
        }
        if (node.isObject() && node.has("format") && FORMATS.containsKey(node.get("format").asString())) {
          assertValid(node.get("format").asString(), text, doc);
          seen.merge(node.get("format").asString(), 1, Integer::sum);
        }
      }
    }
    assertThat(seen).containsKeys("okr-cycle/1", "okr-report/1", "okr-escalation-policy/1", "okr-forecast-model/1",
        "okr-sources/1", "okr-explain/1", "okr-whatif/1", "okr-plan/1");
  }

  @Test
  void explanation_everyKindOnTheExample_valid() {
    java.time.Instant at = q3.cycle().instantOf(LocalDate.of(2026, 8, 19));
    CycleReport report = ExecutionEngine.withDefaults().analyze(q3, at);
    for (String id : List.of("KR-3", "KR-5", "O-1", "growth", "I-3", "M-6", "KR-12")) {
      assertWritten("okr-explain/1", Explanation.of(q3, report, id).toJson(), "okr explain " + id);
    }
  }

  @Test
  void whatIf_slipAndTargetOnTheExample_valid() {
    java.time.Instant at = q3.cycle().instantOf(LocalDate.of(2026, 8, 19));
    assertWritten("okr-whatif/1", WhatIf.compare(ExecutionEngine.withDefaults(), q3, at,
        List.of(new WhatIf.Slip("I-3", 14), new WhatIf.Target("KR-5", 1200), new WhatIf.Slip("M-4", -40)))
        .toJson(), "okr whatif");
  }

  @Test
  void plan_theExampleAndAnEmptyHistory_valid() {
    assertWritten("okr-plan/1", TargetRealism.review(q3, new TargetHistory().add(q2)).toJson(), "okr plan");
    assertWritten("okr-plan/1", TargetRealism.review(q3, new TargetHistory()).toJson(), "okr plan, no history");
  }

  // ---- the shared data

  @Test
  void sharedData_everyLine_validAndWrittenBackValid() throws IOException {
    String dir = System.getProperty("okr.shared.data");
    assumeThat(dir).as("system property okr.shared.data is not set; skipping the real-data check").isNotNull();
    Path path = Path.of(dir);
    assumeThat(Files.isDirectory(path)).as("no shared data at %s", path).isTrue();
    List<Path> files;
    try (Stream<Path> s = Files.list(path)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    long lines = 0;
    for (Path file : files) {
      List<String> texts = Files.readAllLines(file);
      for (int i = 0; i < texts.size(); i++) {
        String where = file.getFileName() + " line " + (i + 1);
        assertValid("okr-cycle/1", texts.get(i), where);
        JsonLine line = CycleJson.withDefaults().lines(new StringReader(texts.get(i))).findFirst().orElseThrow();
        if (where.equals("tse2017-sprints.jsonl line 890")) {
          // the one sprint of 5,873 days: its shape is right; the cycle's length is a rule between fields
          assertThat(line.errors()).as(where).isNotEmpty();
        } else {
          assertThat(line.errors()).as(where).isEmpty();
          assertWritten("okr-cycle/1", CycleJson.withDefaults().write(line.cycle()), where + ", written back");
        }
        lines++;
      }
    }
    assertThat(lines).isEqualTo(2_731); // data/README.md
  }

  // ---- what the library writes

  @Test
  void cycleWriter_examples_valid() {
    for (OkrCycle c : List.of(q2, q3)) {
      assertWritten("okr-cycle/1", CycleJson.withDefaults().write(c), c.cycle().id());
    }
  }

  @Test
  void cycleWriter_sourcesSection_valid() {
    Instant at = Instant.parse("2026-08-13T07:30:00.5Z");
    OkrCycle c = q3.withSources(List.of(SourceStatus.failing("jira", at, "401 Unauthorized"),
        SourceStatus.ok("warehouse", at),
        new SourceStatus("hubspot", SourceStatus.State.OK, at,
            "java.net.ConnectException")));
    String written = CycleJson.withDefaults().write(c);
    assertThat(written).contains("\"sources\": [");
    assertWritten("okr-cycle/1", written, "q3 with sources");
  }

  @Test
  void reportJson_exampleAtWeek8AndAtTheEnd_valid() throws IOException {
    ExecutionEngine engine = ExecutionEngine.withDefaults();
    Map<String, CycleReport> reports = new LinkedHashMap<>();
    reports.put("Q3 at week 8", engine.analyze(q3, q3.cycle().instantOf(LocalDate.of(2026, 8, 19))));
    reports.put("Q3 at the end", engine.analyze(q3, q3.cycle().endInstant()));
    reports.put("Q2 at the end", engine.analyze(q2, q2.cycle().endInstant()));
    reports.put("Q3 before it starts", engine.analyze(q3, q3.cycle().instantOf(LocalDate.of(2026, 6, 20))));
    for (Map.Entry<String, CycleReport> e : reports.entrySet()) {
      assertWritten("okr-report/1", ReportJson.withDefaults().write(e.getValue()), e.getKey());
      StringWriter line = new StringWriter();
      ReportJson.withDefaults().writeLine(e.getValue(), line);
      assertWritten("okr-report/1", line.toString(), e.getKey() + ", one line");
    }
    CycleReport week8 = reports.get("Q3 at week 8");
    assertThat(week8.escalations()).isNotEmpty();
    assertThat(week8.cascades()).isNotEmpty();
  }

  @Test
  void retroJson_sharedDataAndExamples_valid() throws IOException {
    Retrospective all = Retrospective.withDefaults().withGroupings(EnumSet.allOf(Grouping.class));
    assertWritten("okr-retro/1", RetroJson.write(all.run(List.of(q2, q3))), "retro of the examples");
    assertWritten("okr-retro/1", RetroJson.write(all.withoutForecasts().run(List.of(q2, q3))),
        "retro of the examples without forecasts");
    assertWritten("okr-retro/1", RetroJson.write(all.run(List.of())), "retro of nothing");
    List<OkrCycle> shared = sharedCycles();
    assertWritten("okr-retro/1", RetroJson.write(all.run(shared)), "retro of the shared data");
  }

  @Test
  void backtestJson_sharedDataAndExamples_valid() throws IOException {
    assertWritten("okr-backtest/1", BacktestJson.write(Backtest.withDefaults().run(List.of(q2, q3))),
        "backtest of the examples");
    assertWritten("okr-backtest/1", BacktestJson.write(Backtest.withDefaults().run(List.of())), "backtest of nothing");
    List<OkrCycle> shared = sharedCycles();
    assertWritten("okr-backtest/1", BacktestJson.write(Backtest.withDefaults().run(shared).withModel("okr-default-2")),
        "backtest of the shared data");
  }

  @Test
  void policyWriter_defaultAndEveryField_valid() {
    EscalationPolicyJson json = EscalationPolicyJson.withDefaults();
    assertWritten("okr-escalation-policy/1", json.write(EscalationPolicy.DEFAULT), "the default policy");
    EscalationPolicy old = EscalationPolicy.builder().level(1, "team-lead", 14).level(2, "leadership", 28, true)
        .build();
    assertWritten("okr-escalation-policy/1", json.write(old), "the policy before graceDays");
    EscalationPolicy every = EscalationPolicy.builder().graceDays(3)
        .level(new EscalationPolicy.Level(1, "lead", List.of(Status.STALE), 0, false, 0.5, 0))
        .level(new EscalationPolicy.Level(4, "board", List.of(Status.OFF_TRACK, Status.AT_RISK), 30, true, 1.0, 9))
        .build();
    String written = json.write(every);
    assertWritten("okr-escalation-policy/1", written, "a policy with every field");
    assertThat(json.read(written)).isEqualTo(every);
  }

  @Test
  void forecastModel_toJson_defaultsFittedAndCalibrated_valid() {
    ForecastModel defaults = ForecastModel.defaults();
    assertWritten("okr-forecast-model/1", defaults.toJson(), "the shipped model");
    ForecastModel fitted = defaults.fit(List.of(q2, q3));
    assertThat(fitted.fittedOn()).isNotNull();
    assertWritten("okr-forecast-model/1", fitted.toJson(), "a fit on the examples");
    ForecastModel tooLittle = defaults.fit(List.of()); // the shipped model and a warning
    assertThat(tooLittle.warnings()).isNotEmpty();
    assertWritten("okr-forecast-model/1", tooLittle.toJson(), "a fit on no history");
    ForecastModel calibrated = defaults.withHyperparameters(defaults.hyperparameters().withCalibration(-0.5, 1.2))
        .withName("calibrated \u00e9 \"quoted\"");
    assertWritten("okr-forecast-model/1", calibrated.toJson(), "a calibrated model");
    assertThat(ForecastModel.fromJson(calibrated.toJson())).isEqualTo(calibrated);
  }

  // ---- what the readers reject, the schemas reject

  static final String CYCLE = "'cycle': {'id': 'C', 'start': '2026-07-01', 'end': '2026-09-30'}";
  static final String TEAMS = "'teams': [{'id': 't'}]";
  static final String METRIC = "'metric': {'baseline': 0, 'target': 10, 'direction': 'increase'}";
  static final String MINIMAL = q("{'format': 'okr-cycle/1', " + CYCLE + ", " + TEAMS
      + ", 'objectives': [{'id': 'O-1', 'title': 'T', 'team': 't', 'keyResults': [{'id': 'KR-1', " + METRIC + "}]}]}");

  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static String withKeyResult(String fields) {
    return q("{'format': 'okr-cycle/1', " + CYCLE + ", " + TEAMS
        + ", 'objectives': [{'id': 'O-1', 'title': 'T', 'team': 't', 'keyResults': [{" + fields + "}]}]}");
  }

  static String withMetric(String metric) {
    return withKeyResult("'id': 'KR-1', 'metric': {" + metric + "}");
  }

  static String withCycle(String cycle) {
    return MINIMAL.replace(q(CYCLE), q("'cycle': " + cycle));
  }

  /** A sample of CycleJsonTest's bad documents: those whose fault lies in one field, or in a field and its kind. */
  static Stream<Arguments> badCycles() {
    return Stream.of(
        Arguments.of("array", "[]"),
        Arguments.of("no format", MINIMAL.replace(q("'format': 'okr-cycle/1', "), "")),
        Arguments.of("other format", MINIMAL.replace("okr-cycle/1", "okr-cycle/2")),
        Arguments.of("format not a string", MINIMAL.replace("\"okr-cycle/1\"", "1")),
        Arguments.of("no cycle", MINIMAL.replace(q(CYCLE + ", "), "")),
        Arguments.of("cycle null", withCycle("null")),
        Arguments.of("cycle not an object", withCycle("'2026-Q3'")),
        Arguments.of("cycle fields missing", withCycle("{}")),
        Arguments.of("cycle id blank", withCycle("{'id': ' ', 'start': '2026-07-01', 'end': '2026-09-30'}")),
        Arguments.of("cycle name a number", withCycle("{'id': 'C', 'name': 7, 'start': '2026-07-01', 'end': '2026-09-30'}")),
        Arguments.of("month 13", withCycle("{'id': 'C', 'start': '2026-13-01', 'end': '2026-09-30'}")),
        Arguments.of("30 February", withCycle("{'id': 'C', 'start': '2026-02-30', 'end': '2026-09-30'}")),
        Arguments.of("end a number", withCycle("{'id': 'C', 'start': '2026-07-01', 'end': 20260930}")),
        Arguments.of("teams not an array", MINIMAL.replace(q(TEAMS), q("'teams': {'id': 't'}"))),
        Arguments.of("team entries", MINIMAL.replace(q(TEAMS), q("'teams': [{'id': 't'}, null, 3, {'name': 'x'}]"))),
        Arguments.of("objective fields missing", MINIMAL.replace(q("'id': 'O-1', 'title': 'T', 'team': 't', "), "")),
        Arguments.of("unknown commitment",
            MINIMAL.replace(q("'team': 't', 'keyResults'"), q("'team': 't', 'commitment': 'stretch', 'keyResults'"))),
        Arguments.of("key result fields missing", withKeyResult("'title': 'x'")),
        Arguments.of("key result fields wrong", withKeyResult(
            "'id': 'KR-1', 'title': 1, 'owner': [], 'team': '', 'weight': '1', 'tags': ['a', 2], " + METRIC)),
        Arguments.of("negative weight", withKeyResult("'id': 'KR-1', 'weight': -0.5, " + METRIC)),
        Arguments.of("weight above 1e6", withKeyResult("'id': 'KR-1', 'weight': 1e308, " + METRIC)),
        Arguments.of("metric target missing", withMetric("'baseline': 0, 'direction': 'increase'")),
        Arguments.of("metric baseline missing", withMetric("'target': 5, 'direction': 'decrease'")),
        Arguments.of("metric direction missing", withMetric("'baseline': 0, 'target': 5")),
        Arguments.of("unknown direction", withMetric("'baseline': 0, 'target': 5, 'direction': 'up'")),
        Arguments.of("achieve target 0", withMetric("'target': 0, 'direction': 'achieve'")),
        Arguments.of("achieve baseline 0.5", withMetric("'baseline': 0.5, 'target': 2, 'direction': 'achieve'")),
        Arguments.of("achieve check-in 0.5", withKeyResult("'id': 'KR-1', 'metric': {'direction': 'achieve'},"
            + " 'checkIns': [{'at': '2026-07-08', 'value': 1}, {'at': '2026-07-09', 'value': 0.5}]")),
        Arguments.of("achieve final value 2", withKeyResult("'id': 'KR-1', 'metric': {'direction': 'achieve'},"
            + " 'result': {'finalValue': 2}")),
        Arguments.of("numbers beyond 1e15", withMetric("'baseline': -1e308, 'target': 1e308, 'direction': 'increase'")),
        Arguments.of("bound beyond 1e15", withMetric("'baseline': 0, 'target': 1, 'direction': 'increase', 'max': 1e16")),
        Arguments.of("check-in value beyond 1e15", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'checkIns': [{'at': '2026-07-08', 'value': 1.79e308}]")),
        Arguments.of("final value beyond 1e15", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'result': {'finalValue': -2e15}")),
        Arguments.of("plan point beyond 1e15", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'plan': {'shape': 'points', 'points': [{'date': '2026-08-01', 'value': 1e300}]}")),
        Arguments.of("level beyond 1e15",
            withMetric("'baseline': 0, 'target': 1, 'direction': 'increase', 'levels': [-2e15, 0, 1]")),
        Arguments.of("infinite numbers", withMetric("'baseline': -1e400, 'target': 1E999, 'direction': 'increase'")),
        Arguments.of("self score outside 0..1", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'result': {'finalValue': 5, 'selfScore': 1.5}")),
        Arguments.of("confidence outside 0..1", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'checkIns': [{'at': '2026-07-08', 'value': 1, 'confidence': -0.1}]")),
        Arguments.of("cycle dates beyond 1900..2200",
            withCycle("{'id': 'C', 'start': '1899-12-31', 'end': '+999999999-12-31'}")),
        Arguments.of("cycle start -999999999", withCycle("{'id': 'C', 'start': '-999999999-01-01', 'end': '2026-09-30'}")),
        Arguments.of("check-in instants beyond 1900..2200", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'checkIns': [{'at': '9999-01-01', 'value': 1}, {'at': '+999999999-12-31T23:59:59Z', 'value': 2}]")),
        Arguments.of("other dates beyond 1900..2200", MINIMAL.substring(0, MINIMAL.length() - 1) + ", "
            + q("'initiatives': [{'id': 'I-1', 'team': 't', 'milestones': [{'id': 'M-1', 'due': '1800-01-01'}]}]")
            + "}"),
        Arguments.of("checkInEveryDays 0", withCycle("{'id': 'C', 'start': '2026-07-01', 'end': '2026-09-30',"
            + " 'checkInEveryDays': 0}")),
        Arguments.of("bounds not numbers", withMetric("'baseline': 1, 'target': 2, 'direction': 'increase', 'min': '0'")),
        Arguments.of("levels not an array", withMetric("'baseline': 0, 'target': 3, 'direction': 'increase', 'levels': 3")),
        Arguments.of("one level", withMetric("'baseline': 0, 'target': 3, 'direction': 'increase', 'levels': [0]")),
        Arguments.of("21 levels", withMetric("'baseline': 0, 'target': 3, 'direction': 'increase', 'levels': ["
            + "0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]")),
        Arguments.of("a level null or text", withMetric("'baseline': 0, 'target': 3, 'direction': 'increase',"
            + " 'levels': [0, null, 'x', 3]")),
        Arguments.of("a level repeated", withMetric("'baseline': 0, 'target': 3, 'direction': 'increase',"
            + " 'levels': [0, 2, 2, 3]")),
        Arguments.of("unknown shape", withKeyResult("'id': 'KR-1', " + METRIC + ", 'plan': {'shape': 'wavy'}")),
        Arguments.of("plan without shape", withKeyResult("'id': 'KR-1', " + METRIC + ", 'plan': {}")),
        Arguments.of("points missing", withKeyResult("'id': 'KR-1', " + METRIC + ", 'plan': {'shape': 'points'}")),
        Arguments.of("points empty",
            withKeyResult("'id': 'KR-1', " + METRIC + ", 'plan': {'shape': 'points', 'points': []}")),
        Arguments.of("points with another shape", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'plan': {'shape': 'linear', 'points': [{'date': '2026-08-01', 'value': 1}]}")),
        Arguments.of("a point without a date", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'plan': {'shape': 'points', 'points': [{'value': 3}]}")),
        Arguments.of("check-in at not an instant", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'checkIns': [{'at': 'yesterday', 'value': 1}]")),
        Arguments.of("check-in at without offset", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'checkIns': [{'at': '2026-07-08T09:00', 'value': 1}]")),
        Arguments.of("check-in at an offset of +19:00", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'checkIns': [{'at': '2026-07-08T09:00:00+19:00', 'value': 1}]")),
        Arguments.of("check-in at an offset of +18:30", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'checkIns': [{'at': '2026-07-08T09:00:00+18:30', 'value': 1}]")),
        Arguments.of("check-in without at", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'checkIns': [{'value': 1}]")),
        Arguments.of("blockers not an array", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'checkIns': [{'at': '2026-07-09', 'value': 1, 'blockers': 'x'}]")),
        Arguments.of("unknown dependency kind", MINIMAL.substring(0, MINIMAL.length() - 1) + ", "
            + q("'initiatives': [{'id': 'I-1', 'team': 't'}], 'dependencies': [{'upstream': 'I-1',"
            + " 'downstream': 'KR-1', 'kind': 'needs'}]") + "}"),
        Arguments.of("sources not an array", withSources("{'jira': 'ok'}")),
        Arguments.of("source without name", withSources("[{'state': 'ok', 'since': '2026-08-13T07:30:00Z'}]")),
        Arguments.of("source name blank", withSources("[{'name': ' ', 'state': 'ok', 'since': '2026-08-13T07:30:00Z'}]")),
        Arguments.of("unknown source state", withSources("[{'name': 'jira', 'state': 'down',"
            + " 'since': '2026-08-13T07:30:00Z'}]")),
        Arguments.of("source since a date", withSources("[{'name': 'jira', 'state': 'ok', 'since': '2026-08-13'}]")),
        Arguments.of("source since beyond 2200", withSources("[{'name': 'jira', 'state': 'ok',"
            + " 'since': '2300-01-01T00:00:00Z'}]")),
        Arguments.of("failing source without lastError", withSources("[{'name': 'jira', 'state': 'failing',"
            + " 'since': '2026-08-13T07:30:00Z'}]")),
        Arguments.of("failing source lastError null", withSources("[{'name': 'jira', 'state': 'failing',"
            + " 'since': '2026-08-13T07:30:00Z', 'lastError': null}]")),
        Arguments.of("source lastError a number", withSources("[{'name': 'jira', 'state': 'ok',"
            + " 'since': '2026-08-13T07:30:00Z', 'lastError': 401}]")),
        Arguments.of("ok source naming key results", withSources("[{'name': 'jira', 'state': 'ok',"
            + " 'since': '2026-08-13T07:30:00Z', 'keyResults': ['KR-1']}]")),
        Arguments.of("failing source naming a key result twice", withSources("[{'name': 'jira', 'state': 'failing',"
            + " 'since': '2026-08-13T07:30:00Z', 'lastError': 'x', 'keyResults': ['KR-1', 'KR-1']}]")),
        Arguments.of("source keyResults not ids", withSources("[{'name': 'jira', 'state': 'failing',"
            + " 'since': '2026-08-13T07:30:00Z', 'lastError': 'x', 'keyResults': ['KR-1', 3, ' ']}]")));
  }

  static String withSources(String sources) {
    return MINIMAL.substring(0, MINIMAL.length() - 1) + ", " + q("'sources': " + sources) + "}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCycles")
  void badCycle_rejectedByTheReaderAndTheSchema(String name, String json) {
    assertThatThrownBy(() -> CycleJson.withDefaults().read(json)).as(name).isInstanceOf(IllegalArgumentException.class);
    assertThat(errors("okr-cycle/1", json)).as(name).isNotEmpty();
  }

  /** Faults between fields, which only the reader sees (docs/FORMAT.md says so). */
  static Stream<Arguments> readerOnly() {
    return Stream.of(
        Arguments.of("end before start", withCycle("{'id': 'C', 'start': '2026-07-01', 'end': '2026-06-30'}")),
        Arguments.of("cycle longer than 1098 days", withCycle("{'id': 'C', 'start': '2026-07-01', 'end': '2029-07-03'}")),
        Arguments.of("target equals baseline", withMetric("'baseline': 40, 'target': 40.0, 'direction': 'increase'")),
        Arguments.of("min not below max", withMetric("'baseline': 1, 'target': 2, 'direction': 'increase', 'min': 5,"
            + " 'max': 3")),
        Arguments.of("levels descending", withMetric("'baseline': 0, 'target': 3, 'direction': 'increase',"
            + " 'levels': [3, 2, 0]")),
        Arguments.of("check-in outside the window", withKeyResult("'id': 'KR-1', " + METRIC
            + ", 'checkIns': [{'at': '2026-03-30T23:59:59Z', 'value': 1}]")),
        Arguments.of("unknown team", MINIMAL.replace(q("'team': 't', 'keyResults'"), q("'team': 'x', 'keyResults'"))),
        Arguments.of("team its own parent", MINIMAL.replace(q(TEAMS), q("'teams': [{'id': 't', 'parent': 't'}]"))),
        Arguments.of("two statuses of one source", withSources("[{'name': 'jira', 'state': 'ok',"
            + " 'since': '2026-08-13T07:30:00Z'}, {'name': 'jira', 'state': 'failing',"
            + " 'since': '2026-08-14T07:30:00Z', 'lastError': '401 Unauthorized'}]")),
        Arguments.of("source naming an unknown key result", withSources("[{'name': 'jira', 'state': 'failing',"
            + " 'since': '2026-08-13T07:30:00Z', 'lastError': 'x', 'keyResults': ['KR-9']}]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readerOnly")
  void faultBetweenFields_rejectedByTheReaderOnly(String name, String json) {
    assertThatThrownBy(() -> CycleJson.withDefaults().read(json)).as(name).isInstanceOf(IllegalArgumentException.class);
    assertThat(errors("okr-cycle/1", json)).as(name).isEmpty();
  }

  @Test
  void cycle_unknownFields_allowedAsByTheReader() {
    String json = MINIMAL.replace(q("'format': 'okr-cycle/1', "), q("'format': 'okr-cycle/1', 'producer': 'x', "));
    assertThat(CycleJson.withDefaults().read(json).warnings()).isNotEmpty();
    assertThat(errors("okr-cycle/1", json)).isEmpty();
  }

  static final String POLICY = q("{'format': 'okr-escalation-policy/1', 'levels': [{'level': 1, 'to': 'lead',"
      + " 'forDays': 14}]}");

  static Stream<Arguments> badPolicies() {
    return Stream.of(
        Arguments.of("graceDays negative", POLICY.replace("\"levels\"", "\"graceDays\": -2, \"levels\"")),
        Arguments.of("graceDays not whole", POLICY.replace("\"levels\"", "\"graceDays\": 1.5, \"levels\"")),
        Arguments.of("other format", POLICY.replace("policy/1", "policy/2")),
        Arguments.of("unknown field", POLICY.replace("\"levels\"", "\"grace\": 2, \"levels\"")),
        Arguments.of("no levels", q("{'levels': []}")),
        Arguments.of("level 0", POLICY.replace("\"level\": 1", "\"level\": 0")),
        Arguments.of("to blank", POLICY.replace("\"lead\"", "\" \"")),
        Arguments.of("forDays missing", POLICY.replace(", \"forDays\": 14", "")),
        Arguments.of("forDays not whole", POLICY.replace("14", "1.5")),
        Arguments.of("unknown status", POLICY.replace("14}", "14, \"statuses\": [\"late\"]}")),
        Arguments.of("no statuses", POLICY.replace("14}", "14, \"statuses\": []}")),
        Arguments.of("belowProbability 1.5", POLICY.replace("14}", "14, \"belowProbability\": 1.5}")),
        Arguments.of("belowProbability 0", POLICY.replace("14}", "14, \"belowProbability\": 0}")),
        Arguments.of("crossTeamCascade text", POLICY.replace("14}", "14, \"crossTeamCascade\": \"yes\"}")),
        Arguments.of("cascadeForDays negative", POLICY.replace("14}", "14, \"crossTeamCascade\": true,"
            + " \"cascadeForDays\": -1}")),
        Arguments.of("cascadeForDays without crossTeamCascade", POLICY.replace("14}", "14, \"cascadeForDays\": 3}")),
        Arguments.of("unknown level field", POLICY.replace("14}", "14, \"after\": 3}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPolicies")
  void badPolicy_rejectedByTheReaderAndTheSchema(String name, String json) {
    assertThat(errors("okr-escalation-policy/1", POLICY)).isEmpty();
    assertThatThrownBy(() -> EscalationPolicyJson.withDefaults().read(json)).as(name)
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(errors("okr-escalation-policy/1", json)).as(name).isNotEmpty();
  }

  static Stream<Arguments> badModels() {
    String model = ForecastModel.defaults().toJson();
    return Stream.of(
        Arguments.of("no format", model.replace("\"format\": \"okr-forecast-model/1\",", "")),
        Arguments.of("another version", model.replace("okr-forecast-model/1", "okr-forecast-model/2")),
        Arguments.of("blank name", model.replace("\"okr-default-2\"", "\"  \"")),
        Arguments.of("name with a line break", model.replace("\"okr-default-2\"", "\"a\\nb\"")),
        Arguments.of("name ending in a line break", model.replace("\"okr-default-2\"", "\"a\\n\"")),
        Arguments.of("name with a bidirectional override", model.replace("\"okr-default-2\"", "\"a\\u202eb\"")),
        Arguments.of("name with a private-use character beyond the BMP", model.replace("\"okr-default-2\"",
            "\"a\\udb80\\udc00\"")),
        Arguments.of("another method", model.replace("\"movement-aware\"", "\"linear-pace\"")),
        Arguments.of("unknown field", model.replace("\"warnings\"", "\"comment\": \"x\", \"warnings\"")),
        Arguments.of("weight 1000", model.replaceFirst("\"logOdds\": [-0-9.E]+", "\"logOdds\": 1000.0")),
        Arguments.of("weight missing", model.replaceFirst("\"logOdds\": [-0-9.E]+, ", "")),
        Arguments.of("planOptimism 0", model.replaceFirst("\"planOptimism\": [-0-9.E]+", "\"planOptimism\": 0")),
        Arguments.of("calibration intercept alone", model.replaceFirst("(\"noisePrior\": [-0-9.E]+)",
            "$1, \"calibrationIntercept\": 0.5")),
        Arguments.of("hitRate above 1", model.replaceFirst("\"hitRate\": [-0-9.E]+", "\"hitRate\": 1.5")),
        Arguments.of("cycles not whole", model.replaceFirst("\"cycles\": [0-9]+", "\"cycles\": 2.5")),
        Arguments.of("firstStart before 1900", model.replaceFirst("\"firstStart\": (null|\"[0-9-]+\")",
            "\"firstStart\": \"1899-12-31\"")),
        Arguments.of("a warning not text", model.replace("\"warnings\": []", "\"warnings\": [3]")),
        // (a firstStart after lastEnd is refused by the reader alone: a schema cannot compare two dates)
        Arguments.of("basedOn empty", model.replace("\"basedOn\": null", "\"basedOn\": \"\"")),
        Arguments.of("basedOn blank", model.replace("\"basedOn\": null", "\"basedOn\": \" \\t\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badModels")
  void badModel_rejectedByTheReaderAndTheSchema(String name, String json) {
    assertThat(json).as(name).isNotEqualTo(ForecastModel.defaults().toJson());
    assertThatThrownBy(() -> ForecastModel.fromJson(json)).as(name).isInstanceOf(IllegalArgumentException.class);
    assertThat(errors("okr-forecast-model/1", json)).as(name).isNotEmpty();
  }

  static final String SOURCES = q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': 'KR-2', 'kind': 'csv',"
      + " 'query': {'file': 'conversion.csv', 'timeColumn': 'week', 'valueColumn': 'pct'}}]}");

  static Stream<Arguments> badSources() {
    return Stream.of(
        Arguments.of("other format", SOURCES.replace("okr-sources/1", "okr-sources/2")),
        Arguments.of("no bindings", q("{'format': 'okr-sources/1'}")),
        Arguments.of("unknown field", SOURCES.replace("\"kind\"", "\"timeout\": 3, \"kind\"")),
        Arguments.of("unknown kind", SOURCES.replace("\"csv\"", "\"ftp\"")),
        Arguments.of("keyResult blank", SOURCES.replace("\"KR-2\"", "\" \"")),
        Arguments.of("timeoutSeconds 0", SOURCES.replace("\"kind\"", "\"timeoutSeconds\": 0, \"kind\"")),
        Arguments.of("retries 11", SOURCES.replace("\"kind\"", "\"retries\": 11, \"kind\"")),
        Arguments.of("a secret for a credential", SOURCES.replace("\"kind\"",
            "\"credentials\": {\"password\": \"hunter2!\"}, \"kind\"")),
        Arguments.of("scale 0", SOURCES.replace("\"kind\"", "\"value\": {\"scale\": 0}, \"kind\"")),
        Arguments.of("csv without file or url", SOURCES.replace("\"file\": \"conversion.csv\", ", "")),
        Arguments.of("csv with file and url", SOURCES.replace("\"file\": \"conversion.csv\", ",
            "\"file\": \"a.csv\", \"url\": \"https://example.com/a.csv\", ")),
        Arguments.of("csv delimiter of two", SOURCES.replace("\"timeColumn\"", "\"delimiter\": \";;\", \"timeColumn\"")),
        Arguments.of("csv unknown query field", SOURCES.replace("\"timeColumn\"", "\"sql\": \"x\", \"timeColumn\"")),
        Arguments.of("sql url not jdbc", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': 'KR-5', 'kind': 'sql',"
            + " 'query': {'url': 'h2:mem', 'sql': 'SELECT 1'}}]}")),
        Arguments.of("sql password in the url", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': 'KR-5',"
            + " 'kind': 'sql', 'query': {'url': 'jdbc:h2:mem:x;PASSWORD=s', 'sql': 'SELECT 1'}}]}")),
        Arguments.of("sql parameter unknown", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': 'KR-5',"
            + " 'kind': 'sql', 'query': {'url': 'jdbc:h2:mem:x', 'sql': 'SELECT 1', 'parameters': ['since']}}]}")),
        Arguments.of("jira sum without field", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': 'KR-12',"
            + " 'kind': 'jira', 'query': {'api': 'cloud', 'baseUrl': 'https://x.atlassian.net', 'jql': 'project = X',"
            + " 'measure': 'sum'}}]}")),
        Arguments.of("jira unknown api", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': 'KR-12',"
            + " 'kind': 'jira', 'query': {'api': 'server', 'baseUrl': 'https://x.atlassian.net', 'jql': 'x'}}]}")),
        Arguments.of("http-json without pointer", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': 'KR-9',"
            + " 'kind': 'http-json', 'query': {'url': 'https://example.com/n'}}]}")),
        Arguments.of("http-json pointer without a slash", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult':"
            + " 'KR-9', 'kind': 'http-json', 'query': {'url': 'https://example.com/n', 'pointer': 'total'}}]}")),
        Arguments.of("http-json unknown preset", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': 'KR-9',"
            + " 'kind': 'http-json', 'query': {'preset': 'pipedrive', 'pointer': '/total'}}]}")),
        Arguments.of("salesforce without soql", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': 'KR-9',"
            + " 'kind': 'http-json', 'query': {'preset': 'salesforce', 'instanceUrl': 'https://x.my.salesforce.com'}}]}")),
        Arguments.of("proxy without port", SOURCES.replace("\"kind\"", "\"proxy\": {\"host\": \"p\"}, \"kind\"")),
        Arguments.of("trust store of another type", SOURCES.replace("\"kind\"",
            "\"trustStore\": {\"path\": \"ca.p12\", \"type\": \"PEM\"}, \"kind\"")),
        Arguments.of("prometheus step in seconds", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': "
            + "'KR-9', 'kind': 'prometheus', 'query': {'baseUrl': 'https://prom.example.com', 'promql': 'up', "
            + "'step': '30s'}}]}")),
        Arguments.of("prometheus step 0", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': "
            + "'KR-9', 'kind': 'prometheus', 'query': {'baseUrl': 'https://prom.example.com', 'promql': 'up', "
            + "'step': '0d'}}]}")),
        Arguments.of("prometheus without promql", q("{'format': 'okr-sources/1', 'bindings': [{'keyResult': "
            + "'KR-9', 'kind': 'prometheus', 'query': {'baseUrl': 'https://prom.example.com'}}]}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSources")
  void badSources_rejectedByTheReaderAndTheSchema(String name, String json) {
    Path folder = ROOT.resolve("examples/sync");
    assertThat(errors("okr-sources/1", SOURCES)).isEmpty();
    SourcesJson.read(SOURCES, folder);
    assertThatThrownBy(() -> SourcesJson.read(json, folder)).as(name).isInstanceOf(IllegalArgumentException.class);
    assertThat(errors("okr-sources/1", json)).as(name).isNotEmpty();
  }

  @Test
  void reportJson_withPrecedents_validAndReadBack() {
    // the example with Q2 as history (too few similar: the figures withheld), and the hand-made history of
    // AnalyzeHistoryTest (12 similar: every figure given)
    CycleReport example = org.okrengine.execution.Precedents.of(List.of(q2)).addTo(q3,
        ExecutionEngine.withDefaults().analyze(q3, q3.cycle().instantOf(LocalDate.of(2026, 8, 19))));
    OkrCycle now = CycleJson.withDefaults().read(AnalyzeHistoryTest.cycle(AnalyzeHistoryTest.Q3,
        List.of(AnalyzeHistoryTest.kr(AnalyzeHistoryTest.Q3, "KR-1", 30, false, null)))).cycle();
    List<org.okrengine.model.KeyResult> krs = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      krs.add(AnalyzeHistoryTest.kr(AnalyzeHistoryTest.Q2, "H-" + i, 30, i < 6, i < 4 ? 100.0 : 50.0));
    }
    OkrCycle history = CycleJson.withDefaults().read(AnalyzeHistoryTest.cycle(AnalyzeHistoryTest.Q2, krs)).cycle();
    CycleReport handMade = org.okrengine.execution.Precedents.of(List.of(history)).addTo(now,
        ExecutionEngine.withDefaults().analyze(now, java.time.Instant.parse(AnalyzeHistoryTest.AT)));
    assertThat(handMade.keyResults().get(0).precedents().enough()).isTrue();
    for (CycleReport r : List.of(example, handMade)) {
      String json = ReportJson.withDefaults().write(r);
      assertThat(json).contains("\"precedents\"");
      assertWritten("okr-report/1", json, "okr analyze --history, " + r.cycleId());
      assertThat(ReportJson.withDefaults().read(json)).isEqualTo(r);
    }
  }

  @Test
  void report_theReadersRequiredFields_requiredByTheSchema() {
    String report = ReportJson.withDefaults().write(ExecutionEngine.withDefaults()
        .analyze(q3, q3.cycle().instantOf(LocalDate.of(2026, 8, 19))));
    for (String broken : List.of(report.replace("\"okr-report/1\"", "\"okr-report/2\""),
        report.replaceFirst("\"cycleId\": \"[^\"]*\",", ""),
        report.replaceFirst("\"asOf\": \"[^\"]*\"", "\"asOf\": \"2026-08-19\""),
        report.replaceFirst("\"status\": \"[a-z-]+\"", "\"status\": \"late\""),
        report.replaceFirst("\"expectedProgress\": [-0-9.E]+,", ""),
        report.replaceFirst("\"level\": [1-9][0-9]*,", "\"level\": 0,"))) {
      assertThat(broken).isNotEqualTo(report);
      assertThatThrownBy(() -> ReportJson.withDefaults().read(broken)).isInstanceOf(IllegalArgumentException.class);
      assertThat(errors("okr-report/1", broken)).isNotEmpty();
    }
    // a field added by a later version: readers ignore it, and so does the published schema
    String later = report.replace("\"cycleId\"", "\"producedBy\": \"okr 9\", \"cycleId\"");
    ReportJson.withDefaults().read(later);
    assertThat(errors("okr-report/1", later)).isEmpty();
  }

  @Test
  void report_wholeNumbersBeyondAnInt_refusedByTheReaderAndTheSchema() {
    // the reader holds every count of okr-report/1 to an int (3597e70 gave the schema's counts and levels its
    // maximum, 2147483647 = Integer.MAX_VALUE); a team's keyResults is read the same way but its schema had only a
    // minimum: 2147483648 passed the schema and failed the reader
    String report = ReportJson.withDefaults().write(ExecutionEngine.withDefaults()
        .analyze(q3, q3.cycle().instantOf(LocalDate.of(2026, 8, 19))));
    String team = "\"teams\": [\n    {\n      \"id\": \"support\",\n      \"name\": \"Customer Support\",\n      "
        + "\"keyResults\": ";
    assertThat(report).contains(team + "6,");
    for (String n : List.of("2147483648", "1e10")) {
      String broken = report.replace(team + "6,", team + n + ",");
      assertThat(broken).isNotEqualTo(report);
      assertThatThrownBy(() -> ReportJson.withDefaults().read(broken)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("keyResults: must be a whole number within -2147483648..2147483647: ");
      assertThat(errors("okr-report/1", broken)).as(n).isNotEmpty();
    }
    String largest = report.replace(team + "6,", team + "2147483647,");
    assertThat(errors("okr-report/1", largest)).isEmpty();
  }

  @Test
  void report_failingSourceEntry_validWrittenAndReadBack_lastValueOnRequiredOtherwise() {
    // jira is bound to KR-1 (fed by salesforce): never a value from it, so its entry has no lastValueOn
    OkrCycle c = q3.withSources(List.of(SourceStatus.failing("jira", Instant.parse("2026-08-13T07:30:00Z"),
        "401 Unauthorized", List.of("KR-1"))));
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, c.cycle().instantOf(LocalDate.of(2026, 8, 19)));
    String json = ReportJson.withDefaults().write(r);
    assertThat(json).contains("\"failingSince\": \"2026-08-13\"", "\"lastError\": \"401 Unauthorized\"");
    assertWritten("okr-report/1", json, "report with a failing source");
    assertThat(ReportJson.withDefaults().read(json).sourceHealth()).isEqualTo(r.sourceHealth());
    String withoutError = json.replaceFirst(",\\s*\"failingSince\": \"2026-08-13\",\\s*\"lastError\": \"401 Unauthorized\"",
        "");
    assertThat(withoutError).isNotEqualTo(json);
    assertThatThrownBy(() -> ReportJson.withDefaults().read(withoutError))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastValueOn: missing");
    assertThat(errors("okr-report/1", withoutError)).isNotEmpty();
  }

  @Test
  void report_readerAndSchema_agreeOnNullsAndSourceEntries() {
    // docs/FORMAT.md: an optional field "may be left out or null by other producers"; a sourceHealth entry's
    // lastValueOn is required but with lastError, and failingSince and lastError come together or not at all
    OkrCycle c = q3.withSources(List.of(SourceStatus.failing("jira", Instant.parse("2026-08-13T07:30:00Z"),
        "401 Unauthorized", List.of("KR-1"))));
    String json = ReportJson.withDefaults().write(ExecutionEngine.withDefaults().analyze(c,
        c.cycle().instantOf(LocalDate.of(2026, 8, 19))));
    ObjectNode kr = (ObjectNode) MAPPER.readTree(json).get("keyResults").get(0);
    assertThat(kr.has("metric")).isTrue();
    List<String> accepted = new ArrayList<>();
    accepted.add(json.replaceFirst("\"metric\": \\{[^}]*\\}", "\"metric\": null"));
    accepted.add(json.replaceFirst("\"owner\": ", "\"precedents\": null, \"owner\": "));
    accepted.add(json.replaceFirst("\"method\": \"movement-aware\"", "\"method\": \"movement-aware\", \"forecastAt\": null"));
    // KR-3's status change, with no check-in since 5 Aug (README, "What changed"), and a probability move
    accepted.add(json.replace("\"withoutCheckIn\": true", "\"withoutCheckIn\": null"));
    accepted.add(json.replaceFirst("(\"probabilityMoves\": \\[\\s*\\{)", "$1\"withoutCheckIn\": null, "));
    for (String doc : accepted) {
      assertThat(doc).isNotEqualTo(json);
      ReportJson.withDefaults().read(doc);
      assertThat(errors("okr-report/1", doc)).as("accepted by the reader").isEmpty();
    }
    String entry = "{\"source\": \"s\", \"keyResults\": [\"KR-2\"], \"silentDays\": 3, \"expectedEveryDays\": 7,"
        + " \"reason\": \"s is silent.\"";
    List<String> refused = new ArrayList<>();
    for (String fields : List.of(", \"lastValueOn\": null}", ", \"lastValueOn\": \"2026-08-01\", \"failingSince\": \"2026-08-13\"}",
        ", \"lastValueOn\": \"2026-08-01\", \"lastError\": \"401\"}",
        ", \"lastValueOn\": \"2026-08-01\", \"failingSince\": \"2026-08-13\", \"lastError\": null}")) {
      refused.add(json.replaceFirst("\"sourceHealth\": \\[", "\"sourceHealth\": [" + entry + fields + ", "));
    }
    String good = json.replaceFirst("\"sourceHealth\": \\[", "\"sourceHealth\": [" + entry
        + ", \"lastValueOn\": \"2026-08-01\"}, ");
    ReportJson.withDefaults().read(good);
    assertThat(errors("okr-report/1", good)).isEmpty();
    for (String doc : refused) {
      assertThat(doc).isNotEqualTo(json);
      assertThatThrownBy(() -> ReportJson.withDefaults().read(doc)).isInstanceOf(IllegalArgumentException.class);
      assertThat(errors("okr-report/1", doc)).as("refused by the reader").isNotEmpty();
    }
  }

  // ---- every reason and cause code is specified

  @Test
  void reasonAndCauseCodes_theCodeUses_areListedInFormatMd() throws IOException {
    Set<String> codes = new LinkedHashSet<>();
    Pattern use = Pattern.compile("(?:Reason\\.of|new Reason|new Cause)\\(\"([a-z-]+)\"");
    for (String source : List.of("okr-forecast/src/main/java/org/okrengine/forecast/Forecaster.java",
        "okr-execution/src/main/java/org/okrengine/execution/UpstreamRule.java",
        "okr-execution/src/main/java/org/okrengine/execution/Causes.java")) {
      Matcher m = use.matcher(Files.readString(ROOT.resolve(source)));
      while (m.find()) {
        codes.add(m.group(1));
      }
    }
    assertThat(codes).hasSizeGreaterThanOrEqualTo(18);
    String format = Files.readString(ROOT.resolve("docs/FORMAT.md"));
    for (String code : codes) {
      assertThat(format).as(code).contains("| `" + code + "` |");
    }
  }

  // ---- helpers

  /** The format a document names. */
  static String formatOf(String json) {
    JsonNode format = MAPPER.readTree(json).get("format");
    assertThat(format).as("a document naming its format").isNotNull();
    return format.asString();
  }

  static List<Error> errors(String format, String json) {
    return schema(format, false).validate(json, InputFormat.JSON);
  }

  static void assertValid(String format, String json, String what) {
    assertThat(errors(format, json)).as("%s against %s", what, FORMATS.get(format)).isEmpty();
  }

  /** A document the library wrote: valid, and holding no field the specification does not name. */
  static void assertWritten(String format, String json, String what) {
    assertValid(format, json, what);
    assertThat(schema(format, true).validate(json, InputFormat.JSON))
        .as("%s against %s with no fields beyond those specified", what, FORMATS.get(format)).isEmpty();
  }

  static Schema schema(String format, boolean closed) {
    assertThat(FORMATS).as("a schema for %s", format).containsKey(format);
    return (closed ? CLOSED : OPEN).computeIfAbsent(format, f -> {
      try {
        JsonNode node = MAPPER.readTree(Files.readString(SCHEMAS.resolve(FORMATS.get(f))));
        if (closed) {
          close(node);
        }
        return REGISTRY.getSchema(node);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Adds {@code "additionalProperties": false} to every object schema that lists properties and says nothing else. */
  static void close(JsonNode node) {
    if (node instanceof ObjectNode o) {
      JsonNode type = o.get("type");
      boolean object = type != null && (type.isString() ? type.asString().equals("object")
          : type.isArray() && type.toString().contains("\"object\""));
      if (object && o.has("properties") && !o.has("additionalProperties") && !o.has("unevaluatedProperties")) {
        o.put("additionalProperties", false);
      }
    }
    for (Iterator<JsonNode> it = node.iterator(); it.hasNext(); ) {
      close(it.next());
    }
  }

  private static List<OkrCycle> sharedCycles() throws IOException {
    String dir = System.getProperty("okr.shared.data");
    assumeThat(dir).as("system property okr.shared.data is not set").isNotNull();
    Path path = Path.of(dir);
    assumeThat(Files.isDirectory(path)).as("no shared data at %s", path).isTrue();
    List<OkrCycle> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(path)) {
      for (Path file : s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        try (Stream<JsonLine> lines = CycleJson.withDefaults().lines(file)) {
          lines.filter(l -> l.cycle() != null).forEach(l -> out.add(l.cycle()));
        }
      }
    }
    return out;
  }
}
