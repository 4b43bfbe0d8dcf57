package org.okrengine.connect;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.okrengine.model.CheckIn;
import org.okrengine.model.SafeText;
import org.okrengine.model.SourceStatus;

/*
 * The merge edits the document's JSON tree, not the model: the model drops fields it does not know (they are warnings
 * when read), and a sync must not lose them. Numbers are read as BigDecimal with their scale and written back as
 * read (1.0 stays 1.0, 1.2319 stays 1.2319), and the pretty printer is the okr-cycle/1 writer's (two spaces,
 * "a": 1, [] for empty arrays, \n line ends), so that a file the library wrote comes back byte for byte with the new
 * check-ins appended; a hand-written file comes back in that layout. Existing check-ins are never touched; new ones
 * go at the end of their key result's checkIns, in time order.
 */
/**
 * Adds check-ins to an {@code okr-cycle/1} document's text, keeping every other byte of meaning: fields the model
 * does not know, the order of fields and the numbers as written. Stateless and thread-safe.
 */
public final class CycleDocument {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();
  private static final DefaultPrettyPrinter PRETTY;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    PRETTY = new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }

  /**
   * The okr-cycle/1 writer's escapes (okr-model's {@code Jackson}): JSON's, and a backslash, {@code u} and four
   * lower-case hex digits for every other character {@link SafeText#isUnsafe unsafe} to show (DEL, C1, U+2028, U+2029,
   * the bidirectional controls, U+FEFF), so that a file the library wrote comes back byte for byte and no text a sync
   * writes (a check-in's note, a source's lastError) holds them raw, as docs/FORMAT.md says of every output.
   */
  private static final class Unsafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    Unsafe() {
      ascii[0x7f] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch > 0xffff || Character.isSurrogate((char) ch) || !SafeText.isUnsafe((char) ch)) {
        return null;
      }
      return new SerializedString(SafeText.appendEscape(new StringBuilder(6), (char) ch).toString());
    }
  }

  private static final CharacterEscapes UNSAFE = new Unsafe();

  private CycleDocument() {}

  /**
   * The document {@code json} with {@code additions} (key result id to its new check-ins) appended to each key
   * result's {@code checkIns}; the document itself when there is nothing to add. Each added check-in is written with
   * {@code at} (UTC), {@code value}, and its confidence, note, blockers and source where set.
   *
   * @throws IllegalArgumentException when {@code json} is not one JSON object, or a key result of
   *     {@code additions} is not in it
   */
  public static String withCheckIns(String json, Map<String, List<CheckIn>> additions) {
    if (additions.values().stream().allMatch(List::isEmpty)) {
      return json;
    }
    ObjectNode root = parse(json);
    Set<String> done = new HashSet<>();
    JsonNode objectives = root.get("objectives");
    if (objectives != null) {
      for (JsonNode o : objectives) {
        JsonNode krs = o.get("keyResults");
        if (krs == null) {
          continue;
        }
        for (JsonNode kr : krs) {
          JsonNode id = kr.get("id");
          List<CheckIn> add = id == null ? null : additions.get(id.asText());
          if (add != null && !add.isEmpty() && kr instanceof ObjectNode krObject) {
            append(krObject, add);
            done.add(id.asText());
          }
        }
      }
    }
    for (Map.Entry<String, List<CheckIn>> e : additions.entrySet()) {
      if (!e.getValue().isEmpty() && !done.contains(e.getKey())) {
        throw new IllegalArgumentException("no key result " + e.getKey() + " in the cycle");
      }
    }
    return write(root, json.endsWith("\n"));
  }

  /**
   * The document {@code json} with its {@code sources} section (the sources' health) holding {@code sources}, in
   * that order; the document itself when the section already says exactly that (as the model reads it). An entry of
   * the same name is updated in place, keeping fields the model does not know; one no longer listed is removed; a new
   * one is appended; the section is added at the end of the document when it had none. Each entry is written with
   * {@code name}, {@code state}, {@code since} (UTC), and {@code lastError} and {@code keyResults} where set.
   *
   * @param current the sources' health the document holds now ({@link org.okrengine.model.OkrCycle#sources()} of it
   *     as read)
   * @throws IllegalArgumentException when {@code json} is not one JSON object
   */
  public static String withSources(String json, List<SourceStatus> current, List<SourceStatus> sources) {
    if (current.equals(sources)) {
      return json;
    }
    ObjectNode root = parse(json);
    Map<String, ObjectNode> existing = new HashMap<>();
    if (root.get("sources") instanceof ArrayNode old) {
      for (JsonNode n : old) {
        if (n instanceof ObjectNode o && o.get("name") != null && o.get("name").isTextual()) {
          existing.putIfAbsent(o.get("name").asText(), o);
        }
      }
    }
    ArrayNode list = MAPPER.createArrayNode();
    for (SourceStatus st : sources) {
      ObjectNode n = existing.get(st.name());
      if (n == null) {
        n = MAPPER.createObjectNode();
      }
      n.put("name", st.name());
      n.put("state", st.state().jsonName());
      n.put("since", st.since().toString());
      if (st.lastError() != null) {
        n.put("lastError", st.lastError());
      } else {
        n.remove("lastError");
      }
      if (!st.keyResults().isEmpty()) {
        ArrayNode krs = n.putArray("keyResults");
        st.keyResults().forEach(krs::add);
      } else {
        n.remove("keyResults");
      }
      list.add(n);
    }
    if (sources.isEmpty()) {
      root.remove("sources");
    } else {
      root.set("sources", list); // in place when the field exists, else at the end
    }
    return write(root, json.endsWith("\n"));
  }

  private static ObjectNode parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the cycle is not JSON: " + e.getOriginalMessage(), e);
    }
    if (!(root instanceof ObjectNode o)) {
      throw new IllegalArgumentException("the cycle must be one JSON object");
    }
    return o;
  }

  /** The document as this class writes it, for checking that a file round-trips byte for byte. */
  static String rewrite(String json) throws IOException {
    return write(MAPPER.readTree(json), json.endsWith("\n"));
  }

  private static void append(ObjectNode kr, List<CheckIn> add) {
    JsonNode existing = kr.get("checkIns");
    ArrayNode list;
    if (existing instanceof ArrayNode a) {
      list = a;
    } else {
      // a key result without check-ins: put the list before "result", where the format's example has it
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      fields.addAll(kr.properties());
      kr.removeAll();
      list = MAPPER.createArrayNode();
      boolean placed = false;
      for (Map.Entry<String, JsonNode> f : fields) {
        if (f.getKey().equals("result") && !placed) {
          kr.set("checkIns", list);
          placed = true;
        }
        if (!f.getKey().equals("checkIns")) {
          kr.set(f.getKey(), f.getValue());
        }
      }
      if (!placed) {
        kr.set("checkIns", list);
      }
    }
    add.stream().sorted((a, b) -> a.at().compareTo(b.at())).forEach(c -> {
      ObjectNode n = list.addObject();
      n.put("at", c.at().toString());
      n.put("value", c.value());
      if (c.confidence() != null) {
        n.put("confidence", c.confidence());
      }
      if (c.note() != null) {
        n.put("note", c.note());
      }
      if (!c.blockers().isEmpty()) {
        ArrayNode b = n.putArray("blockers");
        c.blockers().forEach(b::add);
      }
      if (c.source() != null) {
        n.put("source", c.source());
      }
    });
  }

  private static String write(JsonNode root, boolean finalNewline) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(w)) {
      g.setPrettyPrinter(PRETTY.createInstance());
      g.setCharacterEscapes(UNSAFE);
      MAPPER.writeTree(g, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return finalNewline ? w + "\n" : w.toString();
  }
}
