package org.okrengine.execution;

import java.util.Locale;

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
      } else if (unsafe(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * Whether {@code c} must not reach a reader as itself: a control character (C0, DEL, C1), a line or paragraph
   * separator, a bidirectional control (which reorders what is displayed), the byte order mark, or a surrogate (the
   * caller passes well-formed pairs through).
   */
  static boolean unsafe(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u061c' || c == '\u200e'
        || c == '\u200f' || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\ufeff'
        || Character.isSurrogate(c);
  }
}
