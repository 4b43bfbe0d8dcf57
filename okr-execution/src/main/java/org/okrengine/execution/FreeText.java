package org.okrengine.execution;

import org.okrengine.model.SafeText;

/**
 * Free text written by the teams (titles, notes, tags, names, ids) made safe for the texts this module writes: what
 * may not reach a reader as itself, and a JSON string for the grounded prompt. Stateless and thread-safe.
 */
final class FreeText {
  private FreeText() {}

  /**
   * {@code s} as a JSON string (RFC 8259): in double quotes, with {@code "} and {@code \} escaped, and every control
   * character, U+2028, U+2029, bidirectional control, U+FEFF and unpaired surrogate as {@code \}{@code uXXXX}
   * (or {@code \n}, {@code \r}, {@code \t}); {@code null} for null.
   */
  static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (SafeText.isUnsafe(c)) {
        SafeText.appendEscape(out, c);
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * A sentence of the engine (which holds the teams' free text: titles, names) as a JSON string: {@link #quote} of
   * {@code s} {@link SafeText#printable printable}, so that decoding the JSON gives an unsafe character as the six
   * characters backslash, {@code u} and four hex digits (as the text outputs show it), never the character itself;
   * {@code null} for null.
   */
  static String sentence(String s) {
    return quote(s == null ? null : SafeText.printable(s));
  }

}
