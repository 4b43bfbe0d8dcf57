package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The sentences of every JSON output hold the teams' free text (titles, team names, a connection's error) printable,
 * as the text outputs show it: decoding the JSON gives a BEL, a line separator or a right-to-left override as the six
 * characters backslash, u and four hex digits, never the character itself (which would ring, break a line or reorder
 * what a consumer shows). The fields that are the document's own values (titles, names, errors) round-trip exactly.
 */
class JsonSentencesTest {
  /** As written in the input file: JSON escapes of BEL, U+2028 and U+202E. */
  static final String HOSTILE_JSON = "\\u0007\\u2028\\u202e";
  /** What the sentences hold once decoded: the escapes as visible characters. */
  static final String ESCAPED = "\\u0007\\u2028\\u202e";
  /** What the data fields hold once decoded. */
  static final String RAW = "\u0007\u2028\u202e";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The example with every title and team name starting with the hostile characters, and a broken source. */
  static Path hostileQ3(Path dir) throws IOException {
    String text = Files.readString(OkrTest.EXAMPLE).replace("\"title\": \"", "\"title\": \"X" + HOSTILE_JSON + " ")
        .replaceAll("\"name\": \"(?!Q3 2026)", "\"name\": \"N" + HOSTILE_JSON.replace("\\", "\\\\") + " ")
        .stripTrailing();
    assertThat(text).endsWith("]\n}");
    text = text.substring(0, text.length() - 1).stripTrailing() + ",\n  \"sources\": [{\"name\": \"salesforce\", "
        + "\"state\": \"failing\", \"since\": \"2026-08-13T07:30:00Z\", \"lastError\": \"401" + HOSTILE_JSON
        + " Unauthorized\", \"keyResults\": [\"KR-1\"]}]\n}\n";
    return Files.writeString(dir.resolve("hostile.json"), text);
  }

  static Path hostileQ2(Path dir) throws IOException {
    String text = Files.readString(OkrTest.ROOT.resolve("examples/acme-2026-q2.json"))
        .replaceAll("\"name\": \"(?!Q2 2026)", "\"name\": \"N" + HOSTILE_JSON.replace("\\", "\\\\") + " ");
    return Files.writeString(dir.resolve("q2.json"), text);
  }

  /** The decoded strings at {@code path} ({@code a[].b}: field b of every element of array a), nulls left out. */
  static List<String> strings(JsonNode root, String path) {
    List<JsonNode> at = List.of(root);
    for (String part : path.split("\\.")) {
      boolean each = part.endsWith("[]");
      String name = each ? part.substring(0, part.length() - 2) : part;
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : at) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
          continue;
        }
        if (each) {
          v.forEach(next::add);
        } else {
          next.add(v);
        }
      }
      at = next;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : at) {
      out.add(n.asString());
    }
    return out;
  }

  /** Every sentence at {@code path} free of the raw characters, and at least {@code naming} of them name the text. */
  static void sentences(JsonNode root, String path, int naming) {
    List<String> values = strings(root, path);
    assertThat(values).as(path).isNotEmpty();
    for (String v : values) {
      assertThat(v).as(path).doesNotContain("\u0007").doesNotContain("\u2028").doesNotContain("\u202e");
    }
    assertThat(values.stream().filter(v -> v.contains(ESCAPED)).count()).as(path).isGreaterThanOrEqualTo(naming);
  }

  static JsonNode run(String... args) {
    OkrTest.Run r = OkrTest.run(args);
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    return JSON.readTree(r.out());
  }

  @Test
  void analyze_json_sentencesEscapeTheTeamsText_dataFieldsRoundTrip(@TempDir Path dir) throws IOException {
    String q3 = hostileQ3(dir).toString();
    JsonNode report = run("analyze", q3, "--as-of", "2026-08-19", "--format", "json");
    sentences(report, "summary", 1);
    sentences(report, "keyResults[].insight", 30);
    sentences(report, "keyResults[].causes[].sentence", 1);
    sentences(report, "cascades[].reason", 1);
    sentences(report, "escalations[].reason", 1);
    sentences(report, "escalationGroups[].reason", 1);
    sentences(report, "sourceHealth[].reason", 1);
    sentences(report, "objectives[].summary", 10);
    assertThat(strings(report, "sourceHealth[].reason").get(0)).contains("401" + ESCAPED + " Unauthorized");
    // the document's own values, exactly as read
    assertThat(strings(report, "keyResults[].title").get(0))
        .isEqualTo("X" + RAW + " Segment revenue from 1.2M to 2.0M EUR");
    assertThat(strings(report, "teams[].name")).allSatisfy(n -> assertThat(n).startsWith("N" + RAW + " "));
    assertThat(strings(report, "objectives[].title")).allSatisfy(t -> assertThat(t).startsWith("X" + RAW + " "));
    assertThat(strings(report, "sourceHealth[].lastError")).containsExactly("401" + RAW + " Unauthorized");
    // the sentences read as the text report's lines
    String text = OkrTest.run("analyze", q3, "--as-of", "2026-08-19").out();
    assertThat(text).contains("In short: " + strings(report, "summary").get(0) + "\n");
    for (String e : strings(report, "escalations[].reason")) {
      assertThat(text).contains(e);
    }
  }

  @Test
  void explain_json_stepSentencesEscapeTheTeamsText(@TempDir Path dir) throws IOException {
    JsonNode e = run("explain", hostileQ3(dir).toString(), "KR-7", "--as-of", "2026-08-19", "--format", "json");
    sentences(e, "steps[].sentence", 3);
    assertThat(strings(e, "steps[].title")).allSatisfy(t -> assertThat(t).startsWith("X" + RAW + " "));
  }

  @Test
  void plan_json_sentencesEscapeTheTeamsText(@TempDir Path dir) throws IOException {
    JsonNode p = run("plan", hostileQ3(dir).toString(), "--history",
        OkrTest.ROOT.resolve("examples/acme-2026-q2.json").toString(), "--format", "json");
    sentences(p, "keyResults[].sentence", 30);
    assertThat(strings(p, "keyResults[].title")).allSatisfy(t -> assertThat(t).startsWith("X" + RAW + " "));
  }

  @Test
  void whatif_json_escalationReasonsEscapeTheTeamsText(@TempDir Path dir) throws IOException {
    JsonNode w = run("whatif", hostileQ3(dir).toString(), "--target", "KR-1=10", "--as-of", "2026-08-19",
        "--format", "json");
    sentences(w, "escalations[].reason", 1);
  }

  @Test
  void retro_json_recommendationMessagesEscapeTheTeamsNames(@TempDir Path dir) throws IOException {
    JsonNode r = run("retro", hostileQ2(dir).toString(), hostileQ3(dir).toString(), "--format", "json");
    sentences(r, "recommendations[].message", 1);
    r.get("teamNames").forEach(n -> assertThat(n.asString()).startsWith("N" + RAW + " "));
  }
}
