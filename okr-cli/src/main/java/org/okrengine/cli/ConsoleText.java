package org.okrengine.cli;

/**
 * Text from files made safe for the console: what could move the cursor, change colours, ring the bell, end a line or
 * reorder what is shown is written as backslash, u and four hex digits.
 */
final class ConsoleText {
  private ConsoleText() {}

  /**
   * {@code s} with every control character (C0 with newlines and escapes, DEL, C1), line and paragraph separator
   * (U+2028, U+2029), bidirectional control, byte order mark and unpaired surrogate written as backslash-u and hex.
   */
  static String printable(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (!pair && unsafe(c)) {
        if (b == null) {
          b = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
        if (pair) {
          b.append(s.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return b == null ? s : b.toString();
  }

  private static final java.util.regex.Pattern AT = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");

  /**
   * One problem of {@code file} in the form every command uses, {@code FILE[:LINE]: path: message}. {@code line} is the
   * line of a JSON Lines record (0 for a whole document). Malformed JSON and bytes that are not UTF-8, which the readers
   * place at {@code line L, column C} rather than at a path, become {@code FILE:L: message (column C)}, L counted in
   * the file. Control characters are escaped.
   */
  static String problem(Object file, long line, org.okrengine.model.Problem p) {
    java.util.regex.Matcher m = AT.matcher(p.path());
    String text;
    if (m.matches()) {
      text = file + ":" + m.group(1) + ": " + p.message() + " (column " + m.group(2) + ")";
    } else {
      text = (line > 0 ? file + ":" + line : String.valueOf(file)) + ": " + p;
    }
    return printable(text);
  }

  /** Whether {@code c} may not reach the console as itself (a surrogate: when it is not part of a pair). */
  static boolean unsafe(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u061c' || c == '\u200e'
        || c == '\u200f' || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\ufeff'
        || Character.isSurrogate(c);
  }
}
