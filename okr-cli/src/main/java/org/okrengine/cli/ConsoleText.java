package org.okrengine.cli;

/** Text from files made safe for the console: control characters written as backslash, u and four hex digits. */
final class ConsoleText {
  private ConsoleText() {}

  /** {@code s} with every ISO control character (newlines and escapes included) written as backslash-u and hex. */
  static String printable(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        if (b == null) {
          b = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }
}
