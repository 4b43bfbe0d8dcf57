package org.okrengine.model.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.okrengine.model.Problem;

/**
 * A JSON document read into plain values, with the problems that kept it from being read. Objects are
 * {@link Obj}, arrays {@code List<Object>}, strings {@code String}, numbers {@link Num}, booleans {@code Boolean} and
 * JSON null {@link #NULL}. Not thread-safe while parsing; the values are not shared.
 */
final class JsonTree {
  /** JSON {@code null}, distinct from an absent field (Java null). */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /**
   * A JSON number.
   *
   * @param value its value as a double (infinite when out of range, 0 when below it)
   * @param text its text as written when {@code value} is not finite or is 0 for a number that is not, else null
   */
  record Num(double value, String text) {
    /** Characters of a long number's text shown at each end in {@link #describe()}. */
    static final int SHOWN = 16;

    /** Whether the number written reads as 0 though it is not (below the range of a double). */
    boolean underflows() {
      return value == 0 && text != null;
    }

    /**
     * The text as written, or the value. A text longer than {@code 2 * SHOWN + 3} characters (a number of up to 1,000
     * digits is accepted by the parser) is shortened to its first and last {@code SHOWN} with its length:
     * {@code 1000000000000000...0000000000000000 (401 characters)}.
     */
    String describe() {
      if (text == null) {
        return Double.toString(value);
      }
      int n = text.length();
      return n <= 2 * SHOWN + 3 ? text
          : text.substring(0, SHOWN) + "..." + text.substring(n - SHOWN) + " (" + n + " characters)";
    }
  }

  /**
   * A JSON object; keys in document order, the first of repeated keys kept.
   *
   * @param fields the fields
   */
  record Obj(Map<String, Object> fields) {
    Object get(String key) {
      return fields.get(key);
    }
  }

  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
  private static final Pattern ENABLE_HINT = Pattern.compile(": enable `[^`]*` to allow$");
  private static final Pattern SETTING_HINT = Pattern.compile(", from `[^`]*`");

  private JsonTree() {}

  /** Whether the current number token's digits before any exponent include one other than 0. */
  static boolean nonZeroDigit(JsonParser p) throws IOException {
    char[] c = p.getTextCharacters();
    int end = p.getTextOffset() + p.getTextLength();
    for (int i = p.getTextOffset(); i < end && c[i] != 'e' && c[i] != 'E'; i++) {
      if (c[i] >= '1' && c[i] <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads one JSON value from {@code p}, which must be followed by nothing but whitespace.
   *
   * @param p the parser, positioned before the document
   * @param maxDepth the deepest nesting allowed (the root object is depth 1)
   * @param lineOffset added to every line number in a problem (for a line of a JSON Lines file)
   * @param problems where problems go: duplicate keys (reading goes on), or the single problem that stopped it
   * @return the value, or null when reading stopped
   * @throws IOException when the source fails (not when the JSON is malformed)
   */
  static Object parse(JsonParser p, int maxDepth, long lineOffset, List<Problem> problems) throws IOException {
    try {
      return parseValue(p, maxDepth, lineOffset, problems);
    } catch (JsonProcessingException e) {
      problems.add(malformed(e, e.getLocation() != null ? e.getLocation() : p.currentLocation(), lineOffset));
      return null;
    }
  }

  /**
   * The problem for malformed JSON: at {@code line L, column C}, Jackson's message starting in lower case, without
   * its source excerpt or its hints about Jackson's own settings.
   */
  static Problem malformed(JsonProcessingException e, JsonLocation location, long lineOffset) {
    String message = e.getOriginalMessage();
    if (message == null || message.isBlank()) {
      message = "malformed json";
    }
    int nl = message.indexOf('\n');
    if (nl >= 0) {
      message = message.substring(0, nl);
    }
    Matcher m = SOURCE.matcher(message);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      long line = Long.parseLong(m.group(1)) + lineOffset;
      m.appendReplacement(sb, Matcher.quoteReplacement("line " + line + ", column " + m.group(2)));
    }
    m.appendTail(sb);
    message = ENABLE_HINT.matcher(sb.toString().strip()).replaceFirst("");
    message = SETTING_HINT.matcher(message).replaceAll("");
    if (!message.isEmpty()) {
      message = message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
    return new Problem(where(location, lineOffset), message);
  }

  /** {@code line L, column C} for a location, or empty when unknown. */
  static String where(JsonLocation loc, long lineOffset) {
    if (loc == null || loc.getLineNr() < 1) {
      return "";
    }
    return "line " + (loc.getLineNr() + lineOffset) + ", column " + loc.getColumnNr();
  }

  private static Object parseValue(JsonParser p, int maxDepth, long lineOffset, List<Problem> problems)
      throws IOException {
    // Iterative, so that a deep document cannot overflow the stack whatever the configured depth.
    List<Object> stack = new ArrayList<>();
    List<Object> keys = new ArrayList<>(); // key (String) or index holder of each open container in its parent
    String field = null;
    Object root = null;
    boolean done = false;
    JsonToken t = p.nextToken();
    if (t == null) {
      problems.add(new Problem("", "document is empty"));
      return null;
    }
    while (!done) {
      Object value;
      switch (t) {
        case FIELD_NAME:
          field = p.currentName();
          t = p.nextToken();
          continue;
        case START_OBJECT:
        case START_ARRAY:
          if (stack.size() >= maxDepth) {
            problems.add(new Problem(where(p.currentTokenLocation(), lineOffset),
                "nesting depth exceeds the limit of " + maxDepth));
            return null;
          }
          value = t == JsonToken.START_OBJECT ? new Obj(new LinkedHashMap<>()) : new ArrayList<>();
          break;
        case END_OBJECT:
        case END_ARRAY:
          value = null;
          break;
        case VALUE_STRING:
          value = p.getText();
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          double d = p.getDoubleValue();
          // the text kept where the value is not the number written: beyond a double's range, or below it (a
          // literal with a digit other than 0 that reads as 0, such as 1e-400)
          value = new Num(d, Double.isFinite(d) && !(d == 0 && nonZeroDigit(p)) ? null : p.getText());
          break;
        case VALUE_TRUE:
          value = Boolean.TRUE;
          break;
        case VALUE_FALSE:
          value = Boolean.FALSE;
          break;
        case VALUE_NULL:
          value = NULL;
          break;
        default:
          problems.add(new Problem(where(p.currentTokenLocation(), lineOffset), "unexpected token " + t));
          return null;
      }
      if (value == null) {
        stack.remove(stack.size() - 1);
        keys.remove(keys.size() - 1);
        done = stack.isEmpty();
      } else {
        Object key = null;
        if (stack.isEmpty()) {
          root = value;
        } else {
          Object parent = stack.get(stack.size() - 1);
          if (parent instanceof Obj o) {
            key = field;
            if (o.fields().putIfAbsent(field, value) != null) {
              problems.add(new Problem(join(path(stack, keys), field), "duplicate key"));
            }
          } else {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) parent;
            key = list.size();
            list.add(value);
          }
        }
        if (value instanceof Obj || value instanceof List) {
          stack.add(value);
          keys.add(key);
        } else {
          done = stack.isEmpty();
        }
      }
      if (!done) {
        t = p.nextToken();
      }
    }
    JsonToken extra = p.nextToken();
    if (extra != null) {
      problems.add(new Problem(where(p.currentTokenLocation(), lineOffset),
          "unexpected content after the end of the document"));
      return null;
    }
    return root;
  }

  private static String path(List<Object> stack, List<Object> keys) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < stack.size(); i++) {
      Object k = keys.get(i);
      if (k instanceof String s) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(s);
      } else {
        sb.append('[').append(k).append(']');
      }
    }
    return sb.toString();
  }

  /** {@code path.key}, or {@code key} at the root. */
  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
