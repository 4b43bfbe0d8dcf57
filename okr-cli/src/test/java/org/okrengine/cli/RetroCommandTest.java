package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code okr retro}'s text. */
class RetroCommandTest {
  /** One cycle whose only key result ends at {@code finalValue} of 0 -> 100. */
  static Path cycle(Path dir, double finalValue) throws IOException {
    return Files.writeString(dir.resolve("c.json"), "{\"format\": \"okr-cycle/1\", \"cycle\": {\"id\": \"C\", "
        + "\"start\": \"2026-01-01\", \"end\": \"2026-03-31\", \"zone\": \"UTC\"}, \"teams\": [{\"id\": \"t\", "
        + "\"name\": \"T\"}], \"objectives\": [{\"id\": \"O-1\", \"team\": \"t\", \"keyResults\": [{\"id\": \"KR-1\", "
        + "\"team\": \"t\", \"metric\": {\"baseline\": 0, \"target\": 100, \"direction\": \"increase\"}, "
        + "\"checkIns\": [{\"at\": \"2026-02-01T00:00:00Z\", \"value\": 20}], \"result\": {\"finalValue\": "
        + finalValue + "}}]}]}");
  }

  /**
   * A team's name is the team's own text: an ESC that would recolour the terminal, a BEL and a CR in it are written
   * escaped in every table of the text (the tables show names since they name teams as the recommendations do; the
   * escaped form is SafeText's, as okr analyze writes it).
   */
  @Test
  void retro_controlCharactersInATeamName_areEscaped(@TempDir Path dir) throws IOException {
    Path c = Files.writeString(dir.resolve("c.json"), Files.readString(cycle(dir, 37))
        .replace("\"name\": \"T\"", "\"name\": \"Bad\\u001b[31mRED\\u0007\\r team\""));
    OkrTest.Run r = OkrTest.run("retro", c.toString(), "--by", "team,tag,owner");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r")
        .contains("\n  Bad\\u001b[31mRED\\u0007\\u000d team")
        .contains("\n  Bad\\u001b[31mRED\\u0007\\u000d team  C 0.37\n");
  }

  /**
   * Two teams with one display name are told apart by their ids in the tables ("Platform (a)", "Platform (b)"); they
   * read as one team named twice.
   */
  @Test
  void retro_twoTeamsOfOneName_theTablesAddTheirIds(@TempDir Path dir) throws IOException {
    String kr = "{\"id\": \"KR-%s\", \"team\": \"%s\", \"metric\": {\"baseline\": 0, \"target\": 100, "
        + "\"direction\": \"increase\"}, \"checkIns\": [{\"at\": \"2026-02-01T00:00:00Z\", \"value\": 20}], "
        + "\"result\": {\"finalValue\": %d}}";
    Path c = Files.writeString(dir.resolve("c.json"), "{\"format\": \"okr-cycle/1\", \"cycle\": {\"id\": \"C\", "
        + "\"start\": \"2026-01-01\", \"end\": \"2026-03-31\", \"zone\": \"UTC\"}, \"teams\": [{\"id\": \"a\", "
        + "\"name\": \"Platform\"}, {\"id\": \"b\", \"name\": \"Platform\"}, {\"id\": \"c\", \"name\": \"Data\"}], "
        + "\"objectives\": [{\"id\": \"O-1\", \"team\": \"a\", \"keyResults\": [" + String.format(kr, "1", "a", 37)
        + ", " + String.format(kr, "2", "b", 90) + ", " + String.format(kr, "3", "c", 50) + "]}]}");
    OkrTest.Run r = OkrTest.run("retro", c.toString(), "--no-forecasts");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("\n  Platform (a)                  1 ").contains("\n  Platform (b)                  1 ")
        .contains("\n  Data                          1 ").contains("\n  Platform (a)      C 0.37\n")
        .doesNotContain("\n  Platform                      1 ");
  }

  /**
   * The recommendations name two teams of one display name as the tables do, with their ids ("Platform (a) hit 0 of
   * 2 KRs"); both read "Platform hit 0 of 2 KRs".
   */
  @Test
  void retro_twoTeamsOfOneName_theRecommendationsAddTheirIds(@TempDir Path dir) throws IOException {
    String kr = "{\"id\": \"KR-%s\", \"team\": \"%s\", \"metric\": {\"baseline\": 0, \"target\": 100, "
        + "\"direction\": \"increase\"}, \"checkIns\": [{\"at\": \"2026-02-01T00:00:00Z\", \"value\": 20}], "
        + "\"result\": {\"finalValue\": 30}}";
    StringBuilder objectives = new StringBuilder();
    for (String t : new String[] {"a", "b"}) {
      objectives.append(objectives.length() == 0 ? "" : ", ").append("{\"id\": \"O-").append(t)
          .append("\", \"team\": \"").append(t).append("\", \"keyResults\": [").append(String.format(kr, t + "1", t))
          .append(", ").append(String.format(kr, t + "2", t)).append("]}");
    }
    Path c = Files.writeString(dir.resolve("c.json"), "{\"format\": \"okr-cycle/1\", \"cycle\": {\"id\": \"C\", "
        + "\"start\": \"2026-01-01\", \"end\": \"2026-03-31\", \"zone\": \"UTC\"}, \"teams\": [{\"id\": \"a\", "
        + "\"name\": \"Platform\"}, {\"id\": \"b\", \"name\": \"Platform\"}], \"objectives\": [" + objectives + "]}");
    OkrTest.Run r = OkrTest.run("retro", c.toString(), "--no-forecasts");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("\n  - Platform (a) hit 0 of 2 KRs, median score 0.30")
        .contains("\n  - Platform (b) hit 0 of 2 KRs, median score 0.30").doesNotContain("- Platform hit");
  }

  /** A score of 0.37 is counted in the lowest band: its column and the title say below 0.4, not "0-.3". */
  @Test
  void retro_scoreBetweenTheOldBandLabels_theBandsSayWhatTheyCount(@TempDir Path dir) throws IOException {
    OkrTest.Run r = OkrTest.run("retro", cycle(dir, 37).toString(), "--no-forecasts");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("Completion (score bands: below 0.4 / 0.4 to below 0.7 / 0.7 and above):\n"
        + "  group                       KRs scored  hits  hit%   mean median   <.4 .4-.7  >=.7\n"
        + "  all                           1      1     0    0%   0.37   0.37     1     0     0\n");
  }

  /**
   * A count of one reads in the singular: a blocker on 1 KR, named once ("1 KRs, 1 mentions"), and the one team
   * beyond the 20 trends shown ("... and 1 more teams").
   */
  @Test
  void retro_countsOfOne_singular(@TempDir Path dir) throws IOException {
    StringBuilder teams = new StringBuilder();
    StringBuilder objectives = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      String t = String.format("t%02d", i);
      teams.append(i == 0 ? "" : ", ").append("{\"id\": \"").append(t).append("\"}");
      objectives.append(i == 0 ? "" : ", ").append("{\"id\": \"O-").append(i).append("\", \"team\": \"").append(t)
          .append("\", \"keyResults\": [{\"id\": \"KR-").append(i).append("\", \"team\": \"").append(t)
          .append("\", \"metric\": {\"baseline\": 0, \"target\": 100, \"direction\": \"increase\"}, "
              + "\"checkIns\": [{\"at\": \"2026-02-01T00:00:00Z\", \"value\": 20")
          .append(i == 0 ? ", \"blockers\": [\"vendor\"]" : "").append("}], \"result\": {\"finalValue\": 50}}]}");
    }
    Path c = Files.writeString(dir.resolve("c.json"), "{\"format\": \"okr-cycle/1\", \"cycle\": {\"id\": \"C\", "
        + "\"start\": \"2026-01-01\", \"end\": \"2026-03-31\", \"zone\": \"UTC\"}, \"teams\": [" + teams
        + "], \"objectives\": [" + objectives + "]}");
    OkrTest.Run r = OkrTest.run("retro", c.toString(), "--no-forecasts");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("\n  ... and 1 more team\n")
        .contains("\n  vendor               1 KR, 1 mention, ");
  }

  /**
   * The calibration table counts the check-ins with a confidence, the cadence table all check-ins: on the Q2 and Q3
   * examples 293 and 589, both under a column named "checkIns" before; the calibration's is "withConf", as the JSON's
   * {@code checkInsWithConfidence}.
   */
  @Test
  void retro_calibrationCountsCheckInsWithConfidence_namedSo() {
    OkrTest.Run r = OkrTest.run("retro", OkrTest.EXAMPLE.getParent().resolve("acme-2026-q2.json").toString(),
        OkrTest.EXAMPLE.toString(), "--no-forecasts");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("  team             withConf  brier   conf    hit    over  self selfSc  score\n"
        + "  all                   293 ")
        .contains("  team               KRs checkIns gapDays weeks%  silence  longest silence at\n"
            + "  all                 60      589 ");
  }
  /**
   * Every table names a team as the recommendations do, by its display name: "Customer Support" in the completion by
   * team, the trends, calibration, cadence, blockers and forecasts (they read "support", the id, where the
   * recommendations read "Customer Support").
   */
  @Test
  void retro_tablesNameTeamsAsTheRecommendationsDo() {
    OkrTest.Run r = OkrTest.run("retro", OkrTest.EXAMPLE.getParent().resolve("acme-2026-q2.json").toString(),
        OkrTest.EXAMPLE.toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out())
        .contains("\n  Customer Support             12     12     1    8%   0.53   0.53     6     0     6\n")
        .contains("\n  Customer Support  2026-Q2 0.86  2026-Q3 0.20 (-0.66)\n")
        .contains("\n  Customer Support       66  0.404 ")
        .contains("\n  Customer Support    12      128 ")
        .contains("\n  Data Platform        8       67 ")
        .contains("; teams: Data Platform 2, Product 1\n")
        .contains("; teams: Customer Support 5\n")
        .contains("\n  Customer Support misses 11: 11 flagged ")
        .contains("\n  - Customer Support hit 1 of 12 KRs, median score 0.53 ")
        .doesNotContain("\n  support ").doesNotContain("teams: support").doesNotContain("\n  data ");
  }
  /**
   * A history whose objectives declare no commitment (the TAWOS file's) is judged by no commitment: the text says
   * none was declared, and nothing recommends on "committed objectives" (it read "committed objectives: 1, scored 1"
   * and "Committed objectives met 0 of 1 (all are expected to)").
   */
  @Test
  void retro_noCommitmentDeclared_saysSoAndDoesNotJudgeCommitments(@TempDir Path dir) throws IOException {
    OkrTest.Run r = OkrTest.run("retro", cycle(dir, 37).toString(), "--no-forecasts", "--by", "team,commitment");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("\n  no objective declared its commitment (committed or aspirational): none judged by "
        + "it\n").doesNotContain("committed objectives").doesNotContain("Committed objectives")
        .contains("\nBy commitment:\n  commitment ").doesNotContainPattern("\n  committed +1 ");
  }
}
