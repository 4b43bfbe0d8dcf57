package org.okrengine.cli;

import org.okrengine.model.SafeText;

/**
 * Text from files made safe for the console: what could move the cursor, change colours, ring the bell, end a line or
 * reorder what is shown is written as backslash, u and four hex digits.
 */
final class ConsoleText {
  private ConsoleText() {}

  /** {@code s} safe for the console: {@link SafeText#printable(String)}. */
  static String printable(String s) {
    return SafeText.printable(s);
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

}
