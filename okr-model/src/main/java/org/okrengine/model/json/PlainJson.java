package org.okrengine.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.okrengine.model.InvalidInputException;
import org.okrengine.model.Problem;
import org.okrengine.model.internal.Checks;

/**
 * Parses any JSON document into plain Java values, with the strictness of the library's own readers: for modules and
 * callers that read a JSON format of their own without a JSON library. Stateless and thread-safe.
 *
 * <p>What a JSON value becomes:
 * <ul>
 *   <li>object: {@code Map<String, Object>} (a {@link LinkedHashMap}, keys in document order);
 *   <li>array: {@code List<Object>};
 *   <li>string: {@code String};
 *   <li>number: {@code Double} (whole numbers too; beyond 2^53 they lose precision as any double does);
 *   <li>{@code true}, {@code false}: {@code Boolean};
 *   <li>{@code null}: {@link #NULL}, so that a field set to null differs from an absent one ({@code map.get}
 *       returning Java null).
 * </ul>
 * The maps and lists are new and belong to the caller.
 *
 * <p>A document is rejected, with every problem listed, when it is malformed JSON ({@code line L, column C: ...}),
 * empty, followed by anything but whitespace, repeats a key within one object ({@code path.key: duplicate key}),
 * holds a number beyond the range of a double ({@code path: must be finite: 1e400}) or below it, one other than 0
 * that a double reads as 0 ({@code path: must be 0 or at least 4.9E-324 in size: -1.65e-400}), holds a string
 * with a surrogate that is not half of a pair, which no UTF-8 text can hold
 * (<code>path: contains an unpaired surrogate (&#92;ud800)</code>), nests deeper than {@value #MAX_NESTING_DEPTH}
 * levels, or is larger than {@value #MAX_DOCUMENT_BYTES} bytes in UTF-8; a file that is
 * not UTF-8 is malformed. A leading byte order mark is skipped.
 */
public final class PlainJson {
  /** JSON {@code null}; its {@code toString} is {@code "null"}. */
  public static final Object NULL = JsonTree.NULL;
  /** The largest document read, in UTF-8 bytes (64 MiB). */
  public static final long MAX_DOCUMENT_BYTES = CycleJson.DEFAULT_MAX_DOCUMENT_BYTES;
  /** The deepest nesting read (the root object or array is depth 1). */
  public static final int MAX_NESTING_DEPTH = CycleJson.DEFAULT_MAX_NESTING_DEPTH;

  /** The problem of a number other than 0 that a double reads as 0, before the number as written. */
  static final String UNDERFLOW = "must be 0 or at least " + Double.MIN_VALUE + " in size: ";

  private static final JsonFactory FACTORY = Jackson.factory(MAX_DOCUMENT_BYTES, MAX_NESTING_DEPTH);

  private PlainJson() {}

  /**
   * The value of the JSON document {@code text}.
   *
   * @return a {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean} or
   *     {@link #NULL}, as the class description says
   * @throws InvalidInputException listing every problem, each with its line and column or its JSON path
   * @throws NullPointerException when {@code text} is null
   */
  public static Object parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    if (Utf8.exceeds(text, MAX_DOCUMENT_BYTES)) {
      throw invalid(List.of(tooLarge()));
    }
    String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Problem> problems = new ArrayList<>();
    Object root;
    try (JsonParser p = FACTORY.createParser(json)) {
      root = JsonTree.parse(p, MAX_NESTING_DEPTH, 0, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a string does not fail
    }
    return plain(root, problems);
  }

  /**
   * The value of the JSON document in {@code file}, read as UTF-8 bytes (invalid UTF-8 is reported with its
   * position).
   *
   * @return as {@link #parse(String)}
   * @throws InvalidInputException listing every problem, each with its line and column or its JSON path
   * @throws IOException when the file cannot be read
   */
  public static Object parse(Path file) throws IOException {
    Objects.requireNonNull(file, "file must not be null");
    if (Files.size(file) > MAX_DOCUMENT_BYTES) {
      throw invalid(List.of(tooLarge()));
    }
    List<Problem> problems = new ArrayList<>();
    Object root;
    try (Reader in = new Utf8.Decoder(Files.newInputStream(file)); JsonParser p = FACTORY.createParser(Utf8.skipBom(in))) {
      root = JsonTree.parse(p, MAX_NESTING_DEPTH, 0, problems);
    } catch (Utf8.MalformedException e) {
      throw invalid(List.of(new Problem(e.where(), e.getMessage())));
    }
    return plain(root, problems);
  }

  private static Object plain(Object root, List<Problem> problems) {
    Object value = root == null ? null : convert(root, "", problems);
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return value;
  }

  /**
   * The plain value of a tree value; numbers out of range and strings with an unpaired surrogate are recorded at
   * {@code path}. Depth is bounded.
   */
  private static Object convert(Object v, String path, List<Problem> problems) {
    if (v instanceof JsonTree.Obj o) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : o.fields().entrySet()) {
        map.put(e.getKey(), convert(e.getValue(), JsonTree.join(path, e.getKey()), problems));
      }
      return map;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(convert(list.get(i), path + "[" + i + "]", problems));
      }
      return out;
    }
    if (v instanceof JsonTree.Num n) {
      if (!Double.isFinite(n.value())) {
        problems.add(new Problem(path, "must be finite: " + n.describe()));
      } else if (n.underflows()) {
        problems.add(new Problem(path, UNDERFLOW + n.describe()));
      }
      return n.value();
    }
    if (v instanceof String s) {
      String bad = Checks.unpairedSurrogateProblem(s);
      if (bad != null) {
        problems.add(new Problem(path, bad));
      }
    }
    return v; // String, Boolean or NULL
  }

  private static Problem tooLarge() {
    return new Problem("", "document is larger than the limit of " + MAX_DOCUMENT_BYTES + " bytes");
  }

  private static InvalidInputException invalid(List<Problem> problems) {
    return new InvalidJsonException(problems);
  }

  /** The exception {@link PlainJson} throws; callers catch {@link InvalidInputException}. */
  private static final class InvalidJsonException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    InvalidJsonException(List<Problem> problems) {
      super("", problems);
    }
  }
}
