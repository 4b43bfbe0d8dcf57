package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.InvalidPolicyException;
import org.okrengine.model.Status;

class EscalationPolicyJsonTest {
  private static final EscalationPolicyJson JSON = EscalationPolicyJson.withDefaults();

  @Test
  void read_defaultsFilledIn() {
    EscalationPolicy p = JSON.read("""
        {"levels": [
          {"level": 1, "to": "team-lead", "forDays": 14},
          {"level": 2, "to": "leadership", "statuses": ["stale", "off-track"], "forDays": 28, "crossTeamCascade": true}
        ]}""");
    assertThat(p.levels()).containsExactly(EscalationPolicy.Level.of(1, "team-lead", 14),
        new EscalationPolicy.Level(2, "leadership", List.of(Status.OFF_TRACK, Status.STALE), 28, true));
    assertThat(p.levels().get(0).statuses()).containsExactly(Status.AT_RISK, Status.OFF_TRACK, Status.STALE);
    assertThat(p.levels().get(1).counts(Status.AT_RISK)).isFalse();
  }

  @Test
  void write_default_readsBackEqual_exactText() {
    String json = JSON.write(EscalationPolicy.DEFAULT);
    assertThat(json).isEqualTo("""
        {
          "format": "okr-escalation-policy/1",
          "graceDays": 14,
          "levels": [
            {
              "level": 1,
              "to": "team-lead",
              "statuses": [
                "at-risk",
                "off-track",
                "stale"
              ],
              "forDays": 14,
              "belowProbability": 0.25,
              "crossTeamCascade": false,
              "cascadeForDays": 0
            },
            {
              "level": 2,
              "to": "leadership",
              "statuses": [
                "at-risk",
                "off-track",
                "stale"
              ],
              "forDays": 28,
              "belowProbability": 0.25,
              "crossTeamCascade": true,
              "cascadeForDays": 7
            }
          ]
        }
        """);
    assertThat(JSON.read(json)).isEqualTo(EscalationPolicy.DEFAULT);
  }

  /** The default policy before the grace period and the probability condition, as its file was written then. */
  static final String OLD_DEFAULT = """
      {
        "format": "okr-escalation-policy/1",
        "levels": [
          {
            "level": 1,
            "to": "team-lead",
            "statuses": [
              "at-risk",
              "off-track",
              "stale"
            ],
            "forDays": 14,
            "crossTeamCascade": false
          },
          {
            "level": 2,
            "to": "leadership",
            "statuses": [
              "at-risk",
              "off-track",
              "stale"
            ],
            "forDays": 28,
            "crossTeamCascade": true
          }
        ]
      }
      """;

  @Test
  void read_policyWithoutTheNewerFields_meansWhatItMeantBefore() {
    EscalationPolicy old = JSON.read(OLD_DEFAULT);
    // what the builder gave before the newer fields existed: no grace period, statuses alone, cascades at once
    assertThat(old).isEqualTo(EscalationPolicy.builder().level(1, "team-lead", 14).level(2, "leadership", 28, true)
        .build());
    assertThat(old.graceDays()).isZero();
    assertThat(old.levels()).allSatisfy(l -> {
      assertThat(l.belowProbability()).isNull();
      assertThat(l.cascadeForDays()).isZero();
      assertThat(l.counts(Status.AT_RISK, 0.99)).isTrue();
    });
    assertThat(old).isEqualTo(new EscalationPolicy(old.levels()));
    // written again, it names the newer fields with the values that mean "as before", and reads back equal
    String again = JSON.write(old);
    assertThat(again).contains("\"graceDays\": 0,").contains("\"cascadeForDays\": 0").doesNotContain("belowProbability");
    assertThat(JSON.read(again)).isEqualTo(old);
  }

  @Test
  void read_newerFields() {
    EscalationPolicy p = JSON.read("""
        {"graceDays": 10, "levels": [
          {"level": 1, "to": "owner", "statuses": ["off-track", "stale"], "forDays": 7, "belowProbability": 0.2},
          {"level": 2, "to": "vp", "forDays": 21, "crossTeamCascade": true, "cascadeForDays": 5}
        ]}""");
    assertThat(p).isEqualTo(EscalationPolicy.builder().graceDays(10)
        .level(new EscalationPolicy.Level(1, "owner", List.of(Status.OFF_TRACK, Status.STALE), 7, false, 0.2, 0))
        .level(new EscalationPolicy.Level(2, "vp", null, 21, true, null, 5)).build());
    EscalationPolicy.Level first = p.levels().get(0);
    assertThat(first.counts(Status.OFF_TRACK, 0.19)).isTrue();
    assertThat(first.counts(Status.OFF_TRACK, 0.2)).isFalse();
    assertThat(first.counts(Status.OFF_TRACK, Double.NaN)).isFalse();
    // a stale key result's probability rests on an old check-in: its status alone counts
    assertThat(first.counts(Status.STALE, 0.9)).isTrue();
    assertThat(first.counts(Status.AT_RISK, 0.1)).isFalse();
    assertThat(first.needsProbability(Status.OFF_TRACK)).isTrue();
    assertThat(first.needsProbability(Status.STALE)).isFalse();
    assertThat(p.levels().get(1).needsProbability(Status.OFF_TRACK)).isFalse();
    assertThat(JSON.read(JSON.write(p))).isEqualTo(p);
  }

  @Test
  void read_badNewerFields_pathAndValue() {
    String json = """
        {"graceDays": -2, "levels": [
          {"level": 1, "to": "a", "forDays": 7, "belowProbability": 1.5},
          {"level": 2, "to": "b", "forDays": 7, "belowProbability": 0, "cascadeForDays": -1, "crossTeamCascade": true},
          {"level": 3, "to": "c", "forDays": 7, "belowProbability": "low", "cascadeForDays": 3},
          {"level": 4, "to": "d", "forDays": 7, "belowProbability": 1e400, "cascadeForDays": 2.5}
        ]}""";
    assertThatThrownBy(() -> JSON.read(json)).isInstanceOf(InvalidPolicyException.class).hasMessage("""
        8 problems in the escalation policy:
        graceDays: must not be negative: -2
        levels[0].belowProbability: must be above 0 and at most 1: 1.5
        levels[1].belowProbability: must be above 0 and at most 1: 0.0
        levels[1].cascadeForDays: must not be negative: -1
        levels[2].belowProbability: must be a number: "low"
        levels[2].cascadeForDays: needs "crossTeamCascade": true: 3
        levels[3].belowProbability: must be finite: 1e400
        levels[3].cascadeForDays: must be a whole number: 2.5""");
    assertThatThrownBy(() -> JSON.read("{\"graceDays\": 1.5, \"levels\": [{\"level\": 1, \"to\": \"a\", "
        + "\"forDays\": 1}]}")).hasMessage("1 problem in the escalation policy:\ngraceDays: must be a whole number: "
            + "1.5");
    // whole, but beyond an int: the range beside the value (it read "must be a whole number: 1.0E308", as if 1e308
    // had a fraction)
    assertThatThrownBy(() -> JSON.read("{\"graceDays\": 1e308, \"levels\": [{\"level\": 1, \"to\": \"a\", "
        + "\"forDays\": 1}]}")).hasMessage("1 problem in the escalation policy:\ngraceDays: must be a whole number "
            + "within -2147483648..2147483647: 1.0E308");
  }

  @Test
  void read_file(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("policy.json");
    Files.writeString(f, JSON.write(EscalationPolicy.DEFAULT));
    assertThat(JSON.read(f)).isEqualTo(EscalationPolicy.DEFAULT);
  }

  @Test
  void read_fileWithInvalidUtf8_rejectedWithLineAndColumn(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("policy.json");
    String text = JSON.write(EscalationPolicy.DEFAULT).replaceFirst("\"to\": \"", "\"to\": \"@");
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int at = text.indexOf('@');
    utf8[at] = (byte) 0xC0;
    Files.write(f, utf8);
    String line = text.substring(0, at);
    int lineNumber = (int) line.chars().filter(c -> c == '\n').count() + 1;
    int column = at - line.lastIndexOf('\n');
    assertThatThrownBy(() -> JSON.read(f)).isInstanceOf(InvalidPolicyException.class)
        .hasMessage("1 problem in the escalation policy:\nline " + lineNumber + ", column " + column
            + ": invalid UTF-8: byte C0");
  }

  @Test
  void read_bad_listsEveryProblemWithPathAndValue() {
    String json = """
        {"format": "okr-escalation-policy/1", "level": [], "levels": [
          {"level": 0, "to": "", "forDays": -3, "crossTeamCascade": "yes"},
          {"level": 2, "to": "vp", "statuses": ["late", 3], "forDays": 1.5, "fordays": 2},
          {"level": 2, "to": "ceo", "forDays": 30},
          {"level": 1, "to": "cto", "statuses": [], "forDays": 40},
          7
        ]}""";
    assertThatThrownBy(() -> JSON.read(json)).isInstanceOf(InvalidPolicyException.class).hasMessage("""
        13 problems in the escalation policy:
        level: unknown field (expected one of: format, graceDays, levels)
        levels[0].level: must be at least 1: 0
        levels[0].to: must not be blank
        levels[0].forDays: must not be negative: -3
        levels[0].crossTeamCascade: must be true or false: "yes"
        levels[1].fordays: unknown field (expected one of: belowProbability, cascadeForDays, crossTeamCascade, \
        forDays, level, statuses, to)
        levels[1].statuses[0]: unknown status "late" (expected one of: achieved, on-track, at-risk, off-track, \
        stale, not-started, no-data)
        levels[1].statuses[1]: must be a string: 3
        levels[1].forDays: must be a whole number: 1.5
        levels[3].statuses: must name at least one status
        levels[4]: must be an object: 7
        levels[2].level: must be greater than the level before it (2): 2
        levels[3].level: must be greater than the level before it (2): 1""");
  }

  @Test
  void read_unpairedSurrogateOrNoBreakSpace_refused() {
    assertThatThrownBy(() -> JSON.read("""
        {"levels": [{"level": 1, "to": "lead \\udc00", "forDays": 14}, {"level": 2, "to": "\u00a0", "forDays": 28}]}"""))
        .isInstanceOf(InvalidPolicyException.class).hasMessage("""
        2 problems in the escalation policy:
        levels[0].to: contains an unpaired surrogate (\\udc00)
        levels[1].to: must not be blank""");
  }

  @Test
  void read_otherFormatMalformedOrEmpty_rejected() {
    assertThatThrownBy(() -> JSON.read("{\"format\": \"okr-cycle/1\", \"levels\": []}")).hasMessage(
        "1 problem in the escalation policy:\nformat: unknown format \"okr-cycle/1\" (expected "
            + "\"okr-escalation-policy/1\")");
    assertThatThrownBy(() -> JSON.read("[1]")).hasMessageEndingWith("\ndocument must be an object");
    assertThatThrownBy(() -> JSON.read("{")).hasMessageStartingWith("1 problem in the escalation policy:\nline 1");
    assertThatThrownBy(() -> JSON.read("{}")).hasMessageEndingWith("\nlevels: missing");
    assertThatThrownBy(() -> JSON.read("{\"levels\": []}")).hasMessageEndingWith("\nlevels: must hold at least one "
        + "level");
  }

  @Test
  void builder_rules() {
    assertThatThrownBy(() -> EscalationPolicy.builder().build()).hasMessage("levels must not be empty");
    assertThatThrownBy(() -> EscalationPolicy.builder().level(2, "a", 1).level(1, "b", 2).build())
        .hasMessage("levels must be in strictly increasing order: 2 then 1");
    assertThatThrownBy(() -> EscalationPolicy.Level.of(1, "a", -1)).hasMessage("forDays must not be negative: -1");
    assertThatThrownBy(() -> EscalationPolicy.Level.of(0, "a", 1)).hasMessage("level must be at least 1: 0");
    assertThatThrownBy(() -> new EscalationPolicy.Level(1, "a", List.of(), 1, false))
        .hasMessage("statuses must not be empty");
    assertThat(new EscalationPolicy.Level(1, "a", null, 1, false).statuses())
        .isEqualTo(EscalationPolicy.DEFAULT_STATUSES);
    assertThatThrownBy(() -> EscalationPolicy.builder().graceDays(-1).level(1, "a", 1).build())
        .hasMessage("graceDays must not be negative: -1");
    assertThatThrownBy(() -> new EscalationPolicy.Level(1, "a", null, 1, false, 1.5, 0))
        .hasMessage("belowProbability must be above 0 and at most 1: 1.5");
    assertThatThrownBy(() -> new EscalationPolicy.Level(1, "a", null, 1, false, Double.NaN, 0))
        .hasMessage("belowProbability must be above 0 and at most 1: NaN");
    assertThatThrownBy(() -> new EscalationPolicy.Level(1, "a", null, 1, false, 0.0, 0))
        .hasMessage("belowProbability must be above 0 and at most 1: 0.0");
    assertThatThrownBy(() -> new EscalationPolicy.Level(1, "a", null, 1, true, null, -1))
        .hasMessage("cascadeForDays must not be negative: -1");
    assertThatThrownBy(() -> new EscalationPolicy.Level(1, "a", null, 1, false, null, 3))
        .hasMessage("cascadeForDays needs crossTeamCascade: 3");
    assertThat(new EscalationPolicy.Level(1, "a", null, 1, false, 1.0, 0).belowProbability()).isEqualTo(1.0);
  }
}
