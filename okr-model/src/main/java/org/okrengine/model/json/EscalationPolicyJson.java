package org.okrengine.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.InvalidPolicyException;
import org.okrengine.model.Problem;
import org.okrengine.model.Status;

/**
 * Reads and writes {@code okr-escalation-policy/1} documents:
 *
 * <pre>{@code
 * {
 *   "format": "okr-escalation-policy/1",
 *   "graceDays": 14,
 *   "levels": [
 *     { "level": 1, "to": "team-lead", "statuses": ["at-risk", "off-track", "stale"], "forDays": 14,
 *       "belowProbability": 0.25 },
 *     { "level": 2, "to": "leadership", "forDays": 28, "belowProbability": 0.25, "crossTeamCascade": true,
 *       "cascadeForDays": 7 }
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code format} may be left out; {@code graceDays} defaults to 0 (no grace period), {@code statuses} to at-risk,
 * off-track and stale, {@code belowProbability} to none (the status alone counts), {@code crossTeamCascade} to false
 * and {@code cascadeForDays} to 0, so a policy written before the newer fields reads as it always did. Reading lists
 * every problem with its JSON path and value; unknown fields are problems too (a misspelt field must not silently
 * change who is told). The format is specified in {@code docs/FORMAT.md}. Immutable and thread-safe.
 */
public final class EscalationPolicyJson {
  /** The format this class reads and writes. */
  public static final String FORMAT = "okr-escalation-policy/1";

  private static final EscalationPolicyJson DEFAULTS = new EscalationPolicyJson();
  /** Policies are small: 1 MiB is plenty. */
  private static final long MAX_BYTES = 1024L * 1024;

  private final JsonFactory factory = Jackson.factory(MAX_BYTES, CycleJson.DEFAULT_MAX_NESTING_DEPTH);

  private EscalationPolicyJson() {}

  /** The reader and writer. */
  public static EscalationPolicyJson withDefaults() {
    return DEFAULTS;
  }

  /**
   * Reads one policy document.
   *
   * @throws InvalidPolicyException listing every problem, each with its JSON path
   */
  public EscalationPolicy read(String json) {
    Objects.requireNonNull(json, "json must not be null");
    if (Utf8.exceeds(json, MAX_BYTES)) {
      throw new InvalidPolicyException(List.of(new Problem("", "document is larger than " + MAX_BYTES + " bytes")));
    }
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    List<Problem> problems = new ArrayList<>();
    Object root;
    try (JsonParser p = factory.createParser(text)) {
      root = JsonTree.parse(p, CycleJson.DEFAULT_MAX_NESTING_DEPTH, 0, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a string does not fail
    }
    EscalationPolicy policy = null;
    if (root != null) {
      PolicyReader reader = new PolicyReader(problems);
      policy = reader.read(root);
      problems = reader.problems;
    }
    if (!problems.isEmpty() || policy == null) {
      throw new InvalidPolicyException(problems.isEmpty() ? List.of(new Problem("", "invalid policy")) : problems);
    }
    return policy;
  }

  /**
   * Reads one policy file (UTF-8).
   *
   * @throws InvalidPolicyException listing every problem, each with its JSON path, or the line and column of bytes
   *     that are not UTF-8
   * @throws IOException when reading fails
   */
  public EscalationPolicy read(Path file) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new InvalidPolicyException(List.of(new Problem("", "document is larger than " + MAX_BYTES + " bytes")));
    }
    StringWriter text = new StringWriter();
    try (Reader in = new Utf8.Decoder(Files.newInputStream(file))) {
      in.transferTo(text);
    } catch (Utf8.MalformedException e) {
      throw new InvalidPolicyException(List.of(new Problem(e.where(), e.getMessage())));
    }
    return read(text.toString());
  }

  /**
   * The document for {@code policy}, pretty-printed, every field written ({@code belowProbability} only where a level
   * sets one); reading it gives an equal policy.
   */
  public String write(EscalationPolicy policy) {
    Objects.requireNonNull(policy, "policy must not be null");
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Jackson.generator(factory, out, true)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("graceDays", policy.graceDays());
      g.writeArrayFieldStart("levels");
      for (EscalationPolicy.Level l : policy.levels()) {
        g.writeStartObject();
        g.writeNumberField("level", l.level());
        g.writeStringField("to", l.to());
        g.writeArrayFieldStart("statuses");
        for (Status s : l.statuses()) {
          g.writeString(s.jsonName());
        }
        g.writeEndArray();
        g.writeNumberField("forDays", l.forDays());
        if (l.belowProbability() != null) {
          g.writeNumberField("belowProbability", l.belowProbability());
        }
        g.writeBooleanField("crossTeamCascade", l.crossTeamCascade());
        g.writeNumberField("cascadeForDays", l.cascadeForDays());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out + "\n";
  }
}
