package org.okrengine.model;

import static org.okrengine.model.internal.Checks.optionalId;
import static org.okrengine.model.internal.Checks.requireId;

import java.util.Map;
import org.okrengine.model.internal.Checks;

/**
 * A likely cause of a key result's trouble, with the numbers behind it and one plain sentence, for example
 * {@code blocker-named} about {@code hiring} with {@code {"weeks": 6}}. Immutable and thread-safe.
 *
 * @param code a lower-case, hyphenated code: {@code pace-fell}, {@code silent}, {@code source-silent},
 *     {@code upstream-late}, {@code blocker-named}, {@code confidence-falling} or {@code values-backwards}
 * @param subject what the cause names (an upstream item's id, a blocker tag, an integration), or null
 * @param evidence named finite numbers, sorted by name
 * @param sentence one or two plain sentences built from the evidence
 */
public record Cause(String code, String subject, Map<String, Double> evidence, String sentence) {
  /** Validates and copies the evidence into name order. */
  public Cause {
    requireId(code, "code");
    optionalId(subject, "subject");
    evidence = Checks.evidence(evidence);
    requireId(sentence, "sentence");
  }
}
