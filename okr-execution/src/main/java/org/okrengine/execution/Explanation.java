package org.okrengine.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.okrengine.model.CycleReport;
import org.okrengine.model.OkrCycle;

/**
 * Why an item of a cycle stands where it does: the chain of causes with their evidence, upstream items in the order a
 * reader walks back to the item that is late for its own reason; the content of an {@code okr-explain/1} document.
 * Immutable and thread-safe.
 *
 * @param cycleId the cycle's id
 * @param subject the id explained
 * @param kind {@code objective}, {@code key-result}, {@code team}, {@code initiative} or {@code milestone}
 * @param asOf the instant of the report explained
 * @param steps the sentences, each about one item with its evidence; never empty
 */
public record Explanation(String cycleId, String subject, String kind, Instant asOf, List<Step> steps) {
  /** The format's name. */
  public static final String FORMAT = "okr-explain/1";

  /** Validates and copies the steps. */
  public Explanation {
    Objects.requireNonNull(cycleId, "cycleId must not be null");
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(asOf, "asOf must not be null");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("steps must not be empty");
    }
  }

  /**
   * One sentence about one item.
   *
   * @param subject the item's id (or a blocker's tag)
   * @param title the item's title, or null when it has none
   * @param sentence a plain sentence with the evidence in words
   * @param evidence the numbers behind the sentence, by name, in a stable order
   */
  public record Step(String subject, String title, String sentence, Map<String, Double> evidence) {
    /** Validates and copies the evidence. */
    public Step {
      Objects.requireNonNull(subject, "subject must not be null");
      Objects.requireNonNull(sentence, "sentence must not be null");
      Map<String, Double> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Double> e : evidence.entrySet()) {
        if (!Double.isFinite(e.getValue())) {
          throw new IllegalArgumentException("evidence." + e.getKey() + " must be finite: " + e.getValue());
        }
        copy.put(e.getKey(), e.getValue());
      }
      evidence = Collections.unmodifiableMap(copy);
    }
  }

  /**
   * The explanation of {@code id} in {@code cycle} from {@code report} (the engine's report of that cycle):
   * <ul>
   *   <li>a key result: its status, then each late item it needs walking upstream to the one late for its own reason
   *       (a milestone past due, or a key result behind with nothing late upstream), then its other causes and the
   *       escalations of it and of the items named; last, when the report holds them ({@link Precedents#addTo}), its
   *       precedents;
   *   <li>an objective: its probability of meeting its commitment, then each key result needing attention briefly;
   *   <li>a team: its roll-up, then each of its key results needing attention briefly;
   *   <li>an initiative or milestone: how late it is, its late milestones, what it holds up downstream.
   * </ul>
   *
   * @throws IllegalArgumentException when {@code id} names no item of the cycle, naming it, or the report is of
   *     another cycle
   */
  public static Explanation of(OkrCycle cycle, CycleReport report, String id) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(report, "report must not be null");
    Objects.requireNonNull(id, "id must not be null");
    if (!report.cycleId().equals(cycle.cycle().id())) {
      throw new IllegalArgumentException("report must be of cycle " + cycle.cycle().id() + ": " + report.cycleId());
    }
    return Explainer.explain(cycle, report, id);
  }

  /** The sentences, one per line, each ending in a line break. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    for (Step s : steps) {
      out.append(s.sentence()).append('\n');
    }
    return out.toString();
  }

  /** The {@code okr-explain/1} document, pretty-printed, ending in a line break. */
  public String toJson() {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"format\": ").append(FreeText.quote(FORMAT))
        .append(",\n  \"cycle\": ").append(FreeText.quote(cycleId))
        .append(",\n  \"subject\": ").append(FreeText.quote(subject))
        .append(",\n  \"kind\": ").append(FreeText.quote(kind))
        .append(",\n  \"asOf\": ").append(FreeText.quote(asOf.toString()))
        .append(",\n  \"steps\": [");
    List<String> items = new ArrayList<>();
    for (Step s : steps) {
      items.add("\n    {\"subject\": " + FreeText.quote(s.subject()) + ", \"title\": " + FreeText.quote(s.title())
          + ",\n     \"sentence\": " + FreeText.sentence(s.sentence()) + ",\n     \"evidence\": "
          + JsonNumbers.object(s.evidence()) + "}");
    }
    out.append(String.join(",", items)).append("\n  ]\n}\n");
    return out.toString();
  }
}
