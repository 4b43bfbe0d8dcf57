package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OkrTest {
  static final Path ROOT = Path.of(System.getProperty("okr.repo.root", "..")).toAbsolutePath().normalize();
  static final Path EXAMPLE = ROOT.resolve("examples/acme-2026-q3.json");

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Okr.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void analyze_example_text() {
    Run r = run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("Q3 2026 (2026-Q3), 2026-07-01 to 2026-09-30, Europe/Oslo\n"
        + "as of 2026-08-19 00:00 (Europe/Oslo), week 8 of 13, 53% of the cycle elapsed\n"
        + "Forecast model: okr-default-2 (movement-aware; fitted on 2,730 key results of 2,730 cycles from 2000-01-03 "
        + "to 2020-09-30)\n\n");
    assertThat(r.out()).contains("O-1  Become the preferred analytics partner for mid-market finance  "
        + "[growth, aspirational]");
    assertThat(r.out()).containsPattern("\\n  KR-1 +Segment revenue from 1.2M to 2.0M EUR +\\d+% of +53% plan");
    assertThat(r.out()).contains("Needs attention:");
    // the example's story: the late event pipeline about to cascade into Growth's objective through Product; only KR-7
    // needs I-3 by a date (10 Aug): it read "... need it by 10 Aug", as if every one did
    assertThat(r.out()).contains("Cascades (most impact first):\n  - I-3 (Event pipeline v2), of Data Platform, is 14 "
        + "days late; ")
        .contains("KR-3 (Launch self-serve finance dashboards) of Growth and KR-7 (Analytics module generally "
            + "available) and KR-6 (Weekly active analysts from 2,000 to 3,500) of Product need it, KR-7 by 10 Aug; "
            + "O-3 (Ship the analytics module customers ask for), O-5 (A data platform other teams can build on) and "
            + "O-1 (Become the preferred analytics partner for mid-market finance) are at risk through them.");
    assertThat(r.out()).containsPattern("\\n30 key results: .*\\.\\n$");
    // the summary, causes, escalations of the engine (issue 6)
    assertThat(r.out()).contains("\nIn short: As of 19 Aug, 7 of 30 key results are off track, 8 at risk and 2 stale")
        .contains("Customer Support: all 6 key results need attention, and \"hiring\" has been named as the blocker")
        .contains("      because: Upstream, I-6 (Support hiring) is 19 days late; that leaves KR-22 a 74% chance of "
            + "missing because of it.")
        .contains("\nEscalations (highest level first):\n")
        .contains("  - level 2, to leadership, since 2026-08-06: I-3 (Event pipeline v2) has fed a cascade across "
            + "teams since 6 Aug")
        .contains("  = O-9 (Customers get answers fast): 3 of 3 key results need attention");
  }

  @Test
  void analyze_example_atCycleEnd_brokenDataConnection() {
    Run r = run("analyze", EXAMPLE.toString(), "--as-of", "2026-10-01");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("Broken data connections:\n  - KR-14 (Availability at or above 99.9%) gets its "
        + "values from datadog, which sent the last one (");
  }

  @Test
  void analyze_policyFile_usedAndBadPolicyListsEveryProblem(@TempDir Path dir) throws IOException {
    Path quiet = dir.resolve("quiet.json");
    Files.writeString(quiet, "{\"levels\": [{\"level\": 1, \"to\": \"ceo\", \"statuses\": [\"stale\"], "
        + "\"forDays\": 5}]}");
    Run r = run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--policy", quiet.toString());
    assertThat(r.code()).isEqualTo(0);
    // the policy's one level, for key results stale 5 days or more: KR-9 and KR-27 (stale since 12 and 11 Aug)
    assertThat(r.out()).contains("Escalations (highest level first):\n  - level 1, to ceo, since ")
        .doesNotContain("to leadership");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"levels\": [{\"level\": 0, \"to\": \"x\", \"forDays\": \"two\"}]}");
    Run b = run("analyze", EXAMPLE.toString(), "--policy", bad.toString());
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.out()).isEmpty();
    assertThat(b.err()).isEqualTo(bad + ": levels[0].level: must be at least 1: 0\n"
        + bad + ": levels[0].forDays: must be a number: \"two\"\n");
    Run missing = run("analyze", EXAMPLE.toString(), "--policy", dir.resolve("none.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo(dir.resolve("none.json") + ": no such file\n");
  }

  @Test
  void analyze_badPolicyModelAndCycle_everyFilesProblemsAtOnce(@TempDir Path dir) throws IOException {
    // the policy's problems were listed alone (exit 2), the model's and the cycle's found only once it was fixed
    Path policy = dir.resolve("policy.json");
    Files.writeString(policy, "{\"levels\": [{\"level\": 0, \"to\": \"x\", \"forDays\": 14}]}");
    Path model = dir.resolve("model.json");
    Files.writeString(model, org.okrengine.forecast.ForecastModel.defaults().toJson()
        .replace("\"okr-default-2\"", "\" \""));
    Path cycle = dir.resolve("cycle.json");
    Files.writeString(cycle, Files.readString(EXAMPLE).replace("\"start\": \"2026-07-01\"", "\"start\": 1"));
    Run r = run("analyze", cycle.toString(), "--as-of", "2026-08-19", "--policy", policy.toString(), "--model",
        model.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(policy + ": levels[0].level: must be at least 1: 0\n"
        + model + ": name: must be 1 to 200 characters without control, format or separator characters: \" \"\n"
        + cycle + ": cycle.start: must be a string: 1\n");
  }

  @Test
  void backtestAndRetro_badModelAndCycle_bothFilesProblemsAtOnce(@TempDir Path dir) throws IOException {
    // the model's problems were listed alone (exit 2), the cycle's found only once the model was fixed
    Path model = dir.resolve("model.json");
    Files.writeString(model, org.okrengine.forecast.ForecastModel.defaults().toJson()
        .replace("\"okr-default-2\"", "\" \""));
    Path cycle = dir.resolve("cycle.json");
    Files.writeString(cycle, Files.readString(EXAMPLE).replace("\"start\": \"2026-07-01\"", "\"start\": 1"));
    String expected = model + ": name: must be 1 to 200 characters without control, format or separator characters: "
        + "\" \"\n" + cycle + ": cycle.start: must be a string: 1\n";
    for (String command : java.util.List.of("backtest", "retro")) {
      Run r = run(command, cycle.toString(), "--model", model.toString());
      assertThat(r.code()).as(command).isEqualTo(2);
      assertThat(r.out()).as(command).isEmpty();
      assertThat(r.err()).as(command).isEqualTo(expected);
      // with --rejects a bad document is skipped, listed in its file: the model's problem alone fails the run, and
      // nothing is written
      Path rejects = dir.resolve(command + "-rejects.txt");
      Run skipping = run(command, cycle.toString(), "--model", model.toString(), "--rejects", rejects.toString());
      assertThat(skipping.code()).as(command).isEqualTo(2);
      assertThat(skipping.err()).as(command).isEqualTo(model + ": name: must be 1 to 200 characters without control, "
          + "format or separator characters: \" \"\n");
      assertThat(rejects).doesNotExist();
    }
  }

  @Test
  void analyze_example_prompt() {
    Run r = run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--format", "prompt");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).startsWith("Facts about OKR cycle 2026-Q3 as of 2026-08-19 00:00 Europe/Oslo "
        + "(2026-08-18T22:00:00Z)")
        .contains("\nKey results that need attention:\n").contains("\nEscalations:\n")
        .doesNotContain("Broken data connections");
  }

  @Test
  void analyze_example_afterTheEnd_promptAndTableSayTheOutcome() {
    // 5 Oct, after the cycle's end (30 Sep): the summary says "the cycle is over"; its last check-in (26 Sep) is 5
    // days before the end, which is where silence is counted to after it, and said so (it read "9 days ago", to 5
    // Oct, then "5 days ago", which read the same months later); KR-1 ended
    // at its last check-in,
    // 1.85 M EUR from 1.2 M toward 2.0 M, (1.85 - 1.2) / 0.8 = 81% of the way, short of its target: not met. The
    // prompt's line and the text report's row say so, not "forecast to land at 81%, P(target) 0%"
    Run p = run("analyze", EXAMPLE.toString(), "--as-of", "2026-10-05", "--format", "prompt");
    assertThat(p.code()).isEqualTo(0);
    assertThat(p.out()).contains("As of 5 Oct, the cycle is over: ")
        .contains("- KR-1 \"Segment revenue from 1.2M to 2.0M EUR\" (team growth, objective O-1): off track; the "
            + "cycle is over: ended at 81%, not met; last check-in 5 days before the cycle ended.\n")
        .doesNotContain("forecast to", "P(target)");
    Run t = run("analyze", EXAMPLE.toString(), "--as-of", "2026-10-05");
    // nothing is at risk once the cycle is over: the list is of what missed or went silent
    assertThat(t.out()).contains("\nMissed or stale when the cycle ended:\n").doesNotContain("Needs attention:");
    // the teams likewise (was "Teams (most needing attention first)", "6 of  6 need attention")
    assertThat(t.out()).contains("\nTeams (most missed or stale first):\n  Customer Support (support)   6 of  6 missed "
        + "or stale     24% of  100% plan").doesNotContain("need attention  ");
    assertThat(run("analyze", EXAMPLE.toString(), "--as-of", "2026-09-29").out()).contains("\nNeeds attention:\n");
    assertThat(t.out()).contains("In short: As of 5 Oct, the cycle is over: ")
        .containsPattern("\n  KR-1 +Segment revenue from 1\\.2M to 2\\.0M EUR +81% of  100% plan +5d ago +off-track +"
            + "ended      81%  met no\n")
        .containsPattern("\n  KR-5 +Reach 1,500 qualified signups .*achieved +ended     100%  met yes\n")
        // an achieve key result not done ended "not done" (it read "ended     -")
        .containsPattern("\n  KR-3 +Launch self-serve finance dashboards .*off-track +ended not done  met no\n")
        .doesNotContain("lands ", "  P(target) ");
    // KR-14, stale (its data connection silent since 13 Aug) at 99.93% of a 99.9% threshold: held it as of its last
    // check-in, 13 Aug to the 1 Oct end instant 48 days, as the JSON's probability of target 1 has it (it read "met
    // unknown"; before that "met yes", and O-6 "3 of 3 hold their thresholds"). The objectives' lines in the past
    // tense, their commitment met or not (was "need attention", "is furthest behind", "P(commitment: every key result
    // at target) 0%"), O-6's not known with KR-14 stale
    assertThat(t.out())
        .containsPattern("\n  KR-14 +Availability at or above 99\\.9% .*stale +ended    above  met yes \\(as of its "
            + "last check-in, 48 days before the end\\)\n")
        .contains("  = O-6 (Reliable foundations): 1 of 4 key results was stale; the key result measured from a "
            + "baseline to a target ended 100% of the way against 100% planned; 2 of 2 held their thresholds. "
            + "Whether it met its commitment is not known: KR-14 (Availability at or above 99.9%) was stale when the "
            + "cycle ended.\n")
        .contains("  = O-2 (Make acquisition efficient): 2 of 3 key results missed their targets; together 88% of the "
            + "way against 100% planned. KR-30 (Grow organic visits from 80k to 120k a month) ended furthest behind "
            + "(78% against 100%). Commitment (every key result at target): not met.\n")
        .doesNotContain("P(commitment");
  }

  @Test
  void analyze_afterTheEnd_keyResultWithoutCheckIns_noOutcome(@TempDir Path dir) throws IOException {
    Path q = dir.resolve("q.json");
    Files.writeString(q, "{\"format\": \"okr-cycle/1\", \"cycle\": {\"id\": \"Q\", \"start\": \"2027-01-01\", "
        + "\"end\": \"2027-03-31\"}, \"teams\": [{\"id\": \"s\"}], \"objectives\": [{\"id\": \"O-1\", \"team\": \"s\", "
        + "\"keyResults\": [{\"id\": \"KR-1\", \"title\": \"Articles\", \"metric\": {\"baseline\": 120, \"target\": 200, "
        + "\"direction\": \"increase\"}}, {\"id\": \"KR-2\", \"title\": \"CSAT\", \"metric\": {\"baseline\": 82, "
        + "\"target\": 90, \"direction\": \"increase\"}, \"checkIns\": [{\"at\": \"2027-03-12\", \"value\": 86}]}]}]}");
    // KR-1 never checked in: it read "ended     100%  met no", its model's base rate taken for an outcome
    Run t = run("analyze", q.toString(), "--as-of", "2027-04-02");
    assertThat(t.code()).isEqualTo(0);
    assertThat(t.out()).containsPattern("\n  KR-1 +Articles +- of  100% plan +never +no-data +ended        -  met "
        + "unknown\n");
    // KR-2, stale at the end, in the past tense (it read "has had no check-in for 20 days; ... planned for now")
    assertThat(t.out()).contains("KR-2 had had no check-in for 20 days when the cycle ended; its last value was 50% "
        + "of the way, against 100% planned by the end.");
  }

  @Test
  void analyze_afterTheEnd_keyResultWithoutCheckInsWithFinalValue_endedThere(@TempDir Path dir) throws IOException {
    Path q = dir.resolve("q.json");
    Files.writeString(q, "{\"format\": \"okr-cycle/1\", \"cycle\": {\"id\": \"Q\", \"start\": \"2027-01-01\", "
        + "\"end\": \"2027-03-31\"}, \"teams\": [{\"id\": \"s\"}], \"objectives\": [{\"id\": \"O-1\", \"team\": \"s\", "
        + "\"keyResults\": [{\"id\": \"KR-1\", \"title\": \"Articles\", \"metric\": {\"baseline\": 120, \"target\": 200, "
        + "\"direction\": \"increase\"}, \"result\": {\"finalValue\": 144}}]}]}");
    // no check-in, final value 144: (144 - 120) / (200 - 120) = 30% of the way, short of the target. The JSON had
    // probabilityOfTarget 0 and landingValue 144 while the row read "ended        -  met unknown"
    Run t = run("analyze", q.toString(), "--as-of", "2027-04-02");
    assertThat(t.code()).isEqualTo(0);
    assertThat(t.out()).containsPattern("\n  KR-1 +Articles +- of  100% plan +never +no-data +ended +30%  met no\n")
        .contains("KR-1 had no check-in when the cycle ended on 31 Mar; its final value, 144, fell short of its "
            + "target of 200.");
  }

  @Test
  void analyze_afterTheEnd_staleWithFinalValueEqualToItsLastCheckIn_noQualifier(@TempDir Path dir)
      throws IOException {
    Path q = dir.resolve("q.json");
    Files.writeString(q, "{\"format\": \"okr-cycle/1\", \"cycle\": {\"id\": \"Q\", \"start\": \"2027-01-01\", "
        + "\"end\": \"2027-03-31\"}, \"teams\": [{\"id\": \"s\"}], \"objectives\": [{\"id\": \"O-1\", \"team\": \"s\", "
        + "\"keyResults\": [{\"id\": \"KR-1\", \"title\": \"Articles\", \"metric\": {\"baseline\": 120, \"target\": 200, "
        + "\"direction\": \"increase\"}, \"result\": {\"finalValue\": 144}, \"checkIns\": [{\"at\": \"2027-01-10\", "
        + "\"value\": 130}, {\"at\": \"2027-01-20\", \"value\": 144}]}]}]}");
    // stale (last check-in 20 Jan), final value 144 equal to it: (144 - 120) / 80 = 30%, met no, by the final value
    // (it read "met no (as of its last check-in, 70 days before the end)")
    Run t = run("analyze", q.toString(), "--as-of", "2027-04-02");
    assertThat(t.code()).isEqualTo(0);
    assertThat(t.out()).containsPattern("\n  KR-1 +Articles .* stale +ended +30%  met no\n");
  }

  @Test
  void analyze_example_json_isReport() {
    Run r = run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19T00:00:00+02:00", "--format", "json");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).startsWith("{\n  \"format\": \"okr-report/1\",\n  \"cycleId\": \"2026-Q3\",\n"
        + "  \"asOf\": \"2026-08-18T22:00:00Z\",");
    assertThat(r.out()).doesNotContain("NaN").doesNotContain("Infinity");
    // deterministic: the same input twice gives the same bytes
    assertThat(run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--format", "json").out())
        .isEqualTo(r.out());
  }

  @Test
  void analyze_example_html_toFile(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("report.html");
    Run r = run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--format", "html", "--out", page.toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("wrote " + page + "\n");
    String html = Files.readString(page);
    assertThat(html).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n").contains("<h1>Q3 2026 <small>(2026-Q3)");
    assertThat(html.split("<svg class=\"burnup\"", -1)).hasSize(31);
    // the same page on standard output without --out, byte for byte
    Run stdout = run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--format", "html");
    assertThat(stdout.code()).isEqualTo(0);
    assertThat(stdout.out()).isEqualTo(html);
  }

  @Test
  void analyze_outWorksForEveryFormat(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("report.json");
    assertThat(run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--format", "json", "--out",
        json.toString()).code()).isEqualTo(0);
    assertThat(Files.readString(json)).isEqualTo(
        run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--format", "json").out());
    Path text = dir.resolve("report.txt");
    assertThat(run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--out", text.toString()).code())
        .isEqualTo(0);
    assertThat(Files.readString(text)).startsWith("Q3 2026 (2026-Q3)");
  }

  @Test
  void analyze_html_badCombinations_exit2(@TempDir Path dir) throws IOException {
    Run toDir = run("analyze", EXAMPLE.toString(), "--format", "html", "--out", dir.toString());
    assertThat(toDir.code()).isEqualTo(2);
    assertThat(toDir.err()).isEqualTo("--out: " + dir + ": is a directory\n");
    Path missing = dir.resolve("no/such/report.html");
    Run noDir = run("analyze", EXAMPLE.toString(), "--format", "html", "--out", missing.toString());
    assertThat(noDir.code()).isEqualTo(2);
    assertThat(noDir.err()).startsWith("--out: " + missing + ": no such directory: ");
    // one page holds one cycle
    String good = Files.readString(ROOT.resolve("examples/acme-2026-q2.json")).replace("\n", " ");
    Path many = dir.resolve("many.jsonl");
    Files.writeString(many, good + "\n" + good + "\n");
    Path page = dir.resolve("many.html");
    Run two = run("analyze", many.toString(), "--format", "html", "--out", page.toString());
    assertThat(two.code()).isEqualTo(2);
    assertThat(two.err()).startsWith("--format html: writes one cycle, but the input holds more");
    assertThat(page).doesNotExist();
    // an invalid input writes no page
    Run bad = run("analyze", "no/such.json", "--format", "html", "--out", page.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(page).doesNotExist();
  }

  @Test
  void analyze_missingFile_exit2() {
    Run r = run("analyze", "no/such.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("no/such.json: no such file\n");
  }

  @Test
  void analyze_invalidDocument_listsEveryProblem(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"format\": \"okr-cycle/1\", \"cycle\": {\"id\": \"Q\", \"start\": \"2026-07-01\","
        + " \"end\": \"2026-06-01\"}, \"teams\": [{\"id\": \"t\"}], \"objectives\": [{\"id\": \"O\", \"title\": \"o\","
        + " \"team\": \"x\", \"keyResults\": []}]}");
    Run r = run("analyze", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(f + ": cycle.end: ").contains(f + ": objectives[0].team: unknown team \"x\"");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void analyze_unpairedSurrogateInATitle_exit2NamingThePathNothingWritten(@TempDir Path dir) throws IOException {
    // a lone surrogate as a JSON escape: read before, it broke every output ('?' on stdout, "cannot write" for --out)
    Path f = dir.resolve("bad.json");
    Files.writeString(f, Files.readString(EXAMPLE).replaceFirst("\"title\": \"Segment revenue",
        "\"title\": \"Pipeline \\\\ud800 Segment revenue"));
    Path out = dir.resolve("report.json");
    Run r = run("analyze", f.toString(), "--format", "json", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(f + ": objectives[0].keyResults[0].title: contains an unpaired surrogate (\\ud800)")
        .doesNotContain("cannot write").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void graph_jsonLinesWithBadLine_writesNothingAndExits2(@TempDir Path dir) throws IOException {
    String good = Files.readString(ROOT.resolve("examples/acme-2026-q3.json")).replace("\n", " ");
    Path f = dir.resolve("many.jsonl");
    Files.writeString(f, good + "\n{not json\n");
    Run r = run("graph", f.toString());
    assertThat(r.code()).isEqualTo(2);
    // the first line's graph was printed before the second line failed
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith(f + ":2: ");
    assertThat(run("graph", ROOT.resolve("examples/acme-2026-q3.json").toString()).out()).startsWith("digraph");
  }

  @Test
  void analyze_jsonLinesWithBadLine_writesNothingAndExits2(@TempDir Path dir) throws IOException {
    String good = Files.readString(ROOT.resolve("examples/acme-2026-q2.json")).replace("\n", " ");
    Path f = dir.resolve("many.jsonl");
    Files.writeString(f, good + "\n{not json\n" + good + "\n");
    Run r = run("analyze", f.toString(), "--format", "json");
    assertThat(r.code()).isEqualTo(2);
    // nothing half done: the good lines are not analysed either (they were, before the hardening issue)
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith(f + ":2: unexpected character ('n'").contains("start field name (column 2)\n");
  }

  @Test
  void analyze_unknownField_warnsOnStandardError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("w.json");
    Files.writeString(f, Files.readString(ROOT.resolve("examples/acme-2026-q2.json"))
        .replaceFirst("\"format\": \"okr-cycle/1\",", "\"format\": \"okr-cycle/1\", \"colour\": \"red\","));
    Run r = run("analyze", f.toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).isEqualTo(f + ": warning: colour: unknown field\n");
  }

  @Test
  void analyze_dependencyCycle_exit2(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("cyclic.json");
    Files.writeString(f, Files.readString(ROOT.resolve("examples/acme-2026-q2.json")).replaceFirst(
        "\"dependencies\": \\[", "\"dependencies\": [ { \"upstream\": \"KR-3\", \"downstream\": \"I-3\", "
            + "\"kind\": \"blocks\" },"));
    Run r = run("analyze", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(f + ": dependency cycle: I-3 -> KR-7 -> KR-3 -> I-3\n");
    // found as the file is loaded, by a command that makes no use of the graph too
    Run b = run("backtest", f.toString());
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err()).contains(f + ": dependency cycle: I-3 -> KR-7 -> KR-3 -> I-3\n");
  }

  @Test
  void analyze_badOptions_exit2() {
    assertThat(run("analyze", EXAMPLE.toString(), "--as-of", "soon").err())
        .isEqualTo("--as-of: not a date (2026-08-19) or an instant with offset (2026-08-19T09:00:00Z): 'soon'\n");
    assertThat(run("analyze", EXAMPLE.toString(), "--format", "xml").code()).isEqualTo(2);
    assertThat(run("analyze", EXAMPLE.toString(), "--bogus").code()).isEqualTo(2);
    assertThat(run("analyze").code()).isEqualTo(2);
  }

  @Test
  void backtest_previousCycle_tableAndJson() {
    Path q2 = ROOT.resolve("examples/acme-2026-q2.json");
    Run text = run("backtest", q2.toString());
    assertThat(text.code()).isEqualTo(0);
    assertThat(text.out()).startsWith("1 cycle, 30 key results with a final value\n");
    assertThat(text.out()).contains("plan-prior-bayes").contains("default method: movement-aware");
    // of the 30, the 3 achieve key results give no interval (22 increase or decrease and 5 maintain ones do):
    // coverage is over 27 forecasts, width over the 25 whose key result has a baseline (maintain KR-10 and KR-29 have
    // none); linear-pace gives intervals for the maintain ones only
    assertThat(text.out()).contains("method             origin       n  brier  logLoss     n80  cov80  width    mae  "
        + "misses   hits\n").contains("\nplan-prior-bayes      50%      30 ").contains("\nlinear-pace           50%"
        + "      30 ").contains("\nn80: forecasts that gave an 80% interval, the ones cov80 is over (n: every forecast, "
        + "one per key result).\nwidth: over the n80 whose key result has a baseline apart from its target, in "
        + "progress points.\n");
    assertThat(text.out().lines().filter(l -> l.startsWith("plan-prior-bayes ")).map(l -> l.substring(50, 57)))
        .containsExactly("     27", "     27", "     27");
    assertThat(text.out().lines().filter(l -> l.startsWith("linear-pace ")).map(l -> l.substring(50, 57)))
        .containsExactly("      5", "      5", "      5");
    Run json = run("backtest", q2.toString(), "--format", "json", "--method", "plan-prior-bayes");
    assertThat(json.code()).isEqualTo(0);
    assertThat(json.out()).contains("\"format\": \"okr-backtest/1\"").contains("\"defaultMethod\": \"movement-aware\"")
        .contains("\"brier\": ").contains("\"logLoss\": ").contains("\"coverage80\": ").contains("\"width80\": ")
        .contains("\"maeProgress\": ").contains("\"missesFlagged\": ").contains("\"hitsFlagged\": ")
        .contains("\"n\": 30").contains("\"intervals80\": 27, \"coverage80\": ");
    assertThat(run("backtest", q2.toString(), "--method", "magic").err())
        .isEqualTo("--method: unknown method 'magic' (expected all or one of linear-pace, ols-trend, "
            + "random-walk-drift, plan-prior-bayes, damped-trend, movement-aware)\n");
  }

  @Test
  void examples_committedFilesEqualTheGenerator(@TempDir Path dir) throws IOException {
    Run r = run("examples", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(0);
    for (String name : new String[] {"acme-2026-q3.json", "acme-2026-q2.json"}) {
      assertThat(Files.readString(dir.resolve(name))).as(name)
          .isEqualTo(Files.readString(ROOT.resolve("examples").resolve(name)));
    }
  }

  @Test
  void examples_roundTrip() throws IOException {
    org.okrengine.model.json.CycleJson json = org.okrengine.model.json.CycleJson.withDefaults();
    for (String name : new String[] {"acme-2026-q3.json", "acme-2026-q2.json"}) {
      var read = json.read(ROOT.resolve("examples").resolve(name));
      assertThat(read.warnings()).as(name).isEmpty();
      assertThat(json.read(json.write(read.cycle())).cycle()).as(name).isEqualTo(read.cycle());
    }
  }

  @Test
  void graph_example_dot() {
    Run r = run("graph", EXAMPLE.toString(), "--as-of", "2026-08-19");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).startsWith("digraph \"2026-Q3\" {").contains("label=\"Data Platform\";")
        .contains("\"I-3\" [label=\"I-3\\nEvent pipeline v2\", color=red");
    assertThat(run("graph", EXAMPLE.toString(), "--format", "png").code()).isEqualTo(2);
  }

  @Test
  void graph_openMilestonePastDue_drawnLateWithWhatNeedsIt(@TempDir Path dir) throws IOException {
    Run r = run("graph", EXAMPLE.toString(), "--as-of", "2026-08-19");
    assertThat(r.code()).isEqualTo(0);
    // open past due on 19 Aug: M-6 (5 Aug), M-10 (31 Jul), M-11 (15 Aug); they were drawn white, their edges uncoloured
    assertThat(r.out()).contains("\"M-6\" [label=\"M-6\\nStreaming ingestion (due 2026-08-05)\", color=red, "
            + "fillcolor=\"#fde0dc\", penwidth=2];")
        .contains("\"M-10\" [label=\"M-10\\nTwo agents hired (due 2026-07-31)\", color=red")
        .contains("\"M-11\" [label=\"M-11\\nTop 50 articles rewritten (due 2026-08-15)\", color=red")
        .contains("\"M-6\" -> \"I-2\" [label=\"blocks\\nneed by 2026-08-08\", color=red];")
        // a milestone's part-of its initiative is no dependency at risk (okr explain: I-6 "is late for its own
        // reason: its milestone M-10 ..."); it was red as if I-6 were blocked
        .contains("\"M-10\" -> \"I-6\" [label=\"part-of\", color=gray];")
        .contains("\"M-6\" -> \"I-3\" [label=\"part-of\", color=gray];")
        // completed (M-5) or not yet due (M-7, 1 Sep): not late
        .contains("\"M-5\" [label=\"M-5\\nSchema registry (due 2026-07-15)\"];")
        .contains("\"M-7\" [label=\"M-7\\nHistorical backfill (due 2026-09-01)\"];");
    // after the end lateness is counted to the day the cycle ended: a milestone due after it is not late
    Path f = dir.resolve("late-due.json");
    Files.writeString(f, Files.readString(EXAMPLE).replace("\"due\": \"2026-09-10\"", "\"due\": \"2026-10-05\""));
    Run after = run("graph", f.toString(), "--as-of", "2026-10-15");
    assertThat(after.code()).isEqualTo(0);
    assertThat(after.out()).contains("\"M-13\" [label=\"M-13\\nOnboarding flow live (due 2026-10-05)\"];")
        .contains("\"M-7\" [label=\"M-7\\nHistorical backfill (due 2026-09-01)\", color=red");
  }

  @Test
  void retro_twoExampleCycles_textHasEverySection() {
    Path q2 = ROOT.resolve("examples/acme-2026-q2.json");
    Run r = run("retro", q2.toString(), EXAMPLE.toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    // Q2 has results for its 30 key results; Q3 has none, so its 30 are scored from their last check-in
    assertThat(r.out()).startsWith("Retrospective of 2 cycles, 60 key results (30 scored from results, 30 from the "
        + "last check-in, 0 unscored)\n");
    assertThat(r.out()).contains("By team:").contains("Team trends").contains("  Customer Support  2026-Q2 ")
        .contains("Calibration").contains("Check-in cadence:").contains("Trajectory shapes").contains("Blockers")
        .contains("  hiring               5 KRs").contains("Forecast accountability").contains("Recommendations");
    assertThat(r.out()).contains("'hiring' blocked 5 KRs (Customer Support)");
    // Platform hit all 8 (the By team table above): no misses, said so rather than "a median - weeks ahead"; two of
    // its maintain key results broke their threshold for a while and were at risk then (a broken threshold is never
    // on track), which the replay counts as false alarms, as it would any hit flagged on the way
    assertThat(r.out()).contains("\n  Platform         no misses; hits 8: 2 false alarms\n")
        .doesNotContain("median - weeks");
    // a trend's change is that of the means as shown: Data Platform's 0.765131 then 0.763976 (meanScore in --format json)
    // read 0.77 then 0.76, a change of -0.01 (was "-0.00": the exact change, -0.001155, rounded)
    assertThat(r.out()).contains("\n  Data Platform     2026-Q2 0.77  2026-Q3 0.76 (-0.01)\n");
    // trajectory shapes no key result took are named on one line, not as rows of zeros
    assertThat(r.out()).contains("\n  none back-loaded, front-loaded-stalled, flat or regressing\n")
        .doesNotContainPattern("\n  flat +0 ");
  }

  @Test
  void retro_json_sameBytesHoweverTheInputIsSplit(@TempDir Path dir) throws IOException {
    Path q2 = ROOT.resolve("examples/acme-2026-q2.json");
    Run files = run("retro", q2.toString(), EXAMPLE.toString(), "--format", "json", "--by", "all");
    assertThat(files.code()).isEqualTo(0);
    assertThat(files.out()).startsWith("{\n  \"format\": \"okr-retro/1\",\n  \"cycles\": 2,")
        .doesNotContain("NaN").doesNotContain("Infinity");
    Path lines = dir.resolve("both.jsonl");
    Files.writeString(lines, Files.readString(EXAMPLE).replace("\n", " ") + "\n"
        + Files.readString(q2).replace("\n", " ") + "\n");
    assertThat(run("retro", lines.toString(), "--format", "json", "--by", "all").out()).isEqualTo(files.out());
    assertThat(run("retro", EXAMPLE.toString(), q2.toString(), "--format=json", "--by=team,objective,owner,tag,"
        + "direction,unit,commitment").out()).isEqualTo(files.out());
  }

  @Test
  void retro_badOptionsAndFiles_exit2() {
    Run r = run("retro", EXAMPLE.toString(), "--by", "colour");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("--by: unknown grouping 'colour'");
    assertThat(run("retro", EXAMPLE.toString(), "--format", "xml").code()).isEqualTo(2);
    assertThat(run("retro", "no/such.json").err()).isEqualTo("no/such.json: no such file\n");
    Run fast = run("retro", EXAMPLE.toString(), "--no-forecasts", "--by", "tag");
    assertThat(fast.code()).isEqualTo(0);
    assertThat(fast.out()).contains("By tag:").doesNotContain("By team:").contains("not replayed (--no-forecasts)");
  }

  @Test
  void retro_countCycles_linesOfJsonLinesOnePerOtherFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.jsonl");
    Files.writeString(f, "{}\n{}\n{}\n");
    assertThat(ProgressBar.countCycles(java.util.List.of(f, EXAMPLE))).isEqualTo(4);
    assertThat(ProgressBar.countCycles(java.util.List.of(dir.resolve("missing.jsonl")))).isZero();
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), "retro", 1000);
    bar.tick();
    bar.done();
    assertThat(err.toString()).isEmpty(); // not a terminal: no progress bar
  }

  @Test
  void help_listsCommands() {
    Run r = run("--help");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("analyze").contains("backtest").contains("retro").contains("fit")
        .contains("examples");
    assertThat(run().code()).isEqualTo(0);
  }

  @Test
  void engineSpark_withoutOkrSpark_saysHowToRunIt() {
    Path jsonl = ROOT.resolve("examples/acme-2026-q3.json");
    for (String command : new String[] {"backtest", "retro"}) {
      Run r = run(command, "--engine", "spark", jsonl.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith("--engine spark needs okr-spark and Spark on the class path")
          .contains("run okr-spark/run " + command + " --engine spark");
      Run bad = run(command, "--engine", "flink", jsonl.toString());
      assertThat(bad.code()).isEqualTo(2);
      assertThat(bad.err()).isEqualTo("--engine: must be local or spark: 'flink'\n");
    }
  }

  @Test
  void master_withoutEngineSpark_isExit2NotIgnored() {
    // the run went to this process, exit 0, as if yarn had been asked for nothing
    Path q2 = ROOT.resolve("examples/acme-2026-q2.json");
    for (String command : new String[] {"backtest", "retro"}) {
      Run r = run(command, q2.toString(), "--master", "yarn", "--format", "json");
      assertThat(r.code()).as(command).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEqualTo("--master: only with --engine spark (this run is local): 'yarn'\n");
      assertThat(run(command, q2.toString(), "--format", "json").code()).isZero();
    }
  }
}
