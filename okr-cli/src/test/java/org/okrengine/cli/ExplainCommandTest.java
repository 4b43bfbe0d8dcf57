package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code okr explain} on the example (examples/acme-2026-q3.json at 2026-08-19). */
class ExplainCommandTest {
  static final String EXAMPLE = OkrTest.EXAMPLE.toString();

  @Test
  void explain_kr3_namesKr7ThenI3ThenM6() {
    OkrTest.Run r = OkrTest.run("explain", EXAMPLE, "KR-3", "--as-of", "2026-08-19");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).startsWith("KR-3 (Launch self-serve finance dashboards) is at risk");
    assertThat(lines[1]).startsWith("KR-3 (Launch self-serve finance dashboards) needs KR-7 (Analytics module "
        + "generally available), which is 4 days late.");
    assertThat(lines[2]).isEqualTo("KR-7 (Analytics module generally available) needs I-3 (Event pipeline v2), "
        + "which is 14 days late.");
    assertThat(lines[3]).startsWith("I-3 (Event pipeline v2) is late for its own reason: its milestone M-6");
  }

  @Test
  void explain_json_namesItsFormat() {
    OkrTest.Run r = OkrTest.run("explain", EXAMPLE, "I-3", "--as-of", "2026-08-19", "--format", "json");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).startsWith("{\n  \"format\": \"okr-explain/1\",");
    assertThat(r.out()).contains("\"kind\": \"initiative\"");
  }

  @Test
  void explain_unknownIdOrFormat_exit2NamingIt() {
    OkrTest.Run r = OkrTest.run("explain", EXAMPLE, "KR-99", "--as-of", "2026-08-19");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("ID: no objective, key result, team, initiative or milestone 'KR-99' in cycle "
        + "2026-Q3\n");
    OkrTest.Run f = OkrTest.run("explain", EXAMPLE, "KR-3", "--format", "html");
    assertThat(f.code()).isEqualTo(2);
    assertThat(f.err()).isEqualTo("--format: must be text or json: 'html'\n");
  }
}
