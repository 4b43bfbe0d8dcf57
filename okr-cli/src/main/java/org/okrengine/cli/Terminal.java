package org.okrengine.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.okrengine.model.Status;

/**
 * How text reaches the console: {@link #NONE} for files and pipes (the text as written, byte for byte), or a
 * terminal's width and whether it takes colour. Immutable and thread-safe.
 *
 * <p>Text given to {@link #render} may mark a status word as {@link #status(Status)} does: the word between the
 * control characters U+0001 and U+0002, which no text from a file can hold (every such text goes through
 * {@link ConsoleText#printable}, which writes control characters as escapes). Rendering drops the marks, or (with
 * colour) turns them into ANSI colours, and wraps lines longer than the width at spaces, continuing them indented
 * under the line's text (after its leading spaces and a {@code - } or {@code = } bullet).
 *
 * @param width the width to wrap to, in characters (code points); 0 for no wrapping
 * @param colour whether statuses are coloured with ANSI escapes
 */
record Terminal(int width, boolean colour) {
  /** Files and pipes: no wrapping, no colour. */
  static final Terminal NONE = new Terminal(0, false);
  /** The width when the terminal's cannot be found. */
  static final int DEFAULT_WIDTH = 80;
  /** No wrapping below this width: the text would be one word a line. */
  static final int MIN_WIDTH = 40;

  private static final char OPEN = '\u0001';
  private static final char CLOSE = '\u0002';
  private static final String RESET = "\u001b[0m";

  /**
   * The terminal standard output is, or {@link #NONE}: only when {@code console} (a console is attached, as
   * {@code System.console() != null} says) and output goes to standard output (not {@code --out}). The width is
   * {@code COLUMNS} when it is a whole number, else what {@code stty size} says of {@code /dev/tty}, else 80; no
   * colour when {@code NO_COLOR} is set and not empty (https://no-color.org) or {@code TERM} is {@code dumb}.
   */
  static Terminal detect(boolean console, Map<String, String> env) {
    if (!console) {
      return NONE;
    }
    int width = columns(env.get("COLUMNS"));
    if (width <= 0) {
      width = stty();
    }
    if (width <= 0) {
      width = DEFAULT_WIDTH;
    }
    String noColor = env.get("NO_COLOR");
    boolean colour = (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    return new Terminal(width, colour);
  }

  /** The whole number in {@code COLUMNS}, or 0. */
  static int columns(String value) {
    if (value == null) {
      return 0;
    }
    try {
      int n = Integer.parseInt(value.trim());
      return n > 0 ? n : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The columns {@code stty size} reports for {@code /dev/tty}, or 0 when it cannot tell within a second. */
  private static int stty() {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return 0;
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(tty).redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return 0;
      }
      String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
      return p.exitValue() == 0 && parts.length == 2 ? columns(parts[1]) : 0;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** {@code s}'s status word, marked for colour. */
  static String status(Status s) {
    return OPEN + s.jsonName() + CLOSE;
  }

  /** {@code text} (lines ending in {@code \n}) for this terminal: marks dropped or coloured, long lines wrapped. */
  String render(String text) {
    StringBuilder out = new StringBuilder(text.length() + 256);
    int at = 0;
    while (at < text.length()) {
      int nl = text.indexOf('\n', at);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(at, end);
      if (width >= MIN_WIDTH && visible(line) > width) {
        wrap(line, out);
      } else {
        out.append(paint(line));
      }
      if (nl >= 0) {
        out.append('\n');
      }
      at = end + 1;
    }
    return out.toString();
  }

  /** Appends {@code line} wrapped at spaces to the width, continuation lines indented under its text. */
  private void wrap(String line, StringBuilder out) {
    int lead = 0;
    while (lead < line.length() && line.charAt(lead) == ' ') {
      lead++;
    }
    int indent = lead;
    if (line.startsWith("- ", lead) || line.startsWith("= ", lead)) {
      indent += 2;
    } else if (line.startsWith("because: ", lead)) {
      indent += "because: ".length();
    }
    if (indent > width / 2) {
      indent = lead;
    }
    String pad = " ".repeat(indent);
    String[] words = line.substring(lead).split(" ", -1);
    StringBuilder current = new StringBuilder(line.substring(0, lead));
    int used = lead;
    boolean empty = true;
    for (String w : words) {
      int len = visible(w);
      if (!empty && used + 1 + len > width) {
        out.append(paint(current.toString())).append('\n');
        current.setLength(0);
        current.append(pad);
        used = indent;
        empty = true;
        if (w.isEmpty()) {
          continue; // a run of spaces at the break
        }
      }
      if (!empty) {
        current.append(' ');
        used++;
      }
      current.append(w);
      used += len;
      empty = false;
    }
    out.append(paint(current.toString()));
  }

  /** {@code s} with its marks turned into colours, or dropped. */
  private String paint(String s) {
    if (s.indexOf(OPEN) < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf(OPEN, i);
      int close = open < 0 ? -1 : s.indexOf(CLOSE, open);
      if (open < 0 || close < 0) {
        b.append(s, i, s.length());
        break;
      }
      b.append(s, i, open);
      String word = s.substring(open + 1, close);
      String code = colour ? ansi(word) : null;
      b.append(code == null ? word : code + word + RESET);
      i = close + 1;
    }
    return b.toString();
  }

  /** The ANSI colour of a status word, or null. */
  private static String ansi(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "off-track":
        return "\u001b[31m";
      case "at-risk":
        return "\u001b[33m";
      case "stale":
        return "\u001b[35m";
      case "on-track":
        return "\u001b[32m";
      case "achieved":
        return "\u001b[36m";
      default:
        return null;
    }
  }

  /** The width of {@code s} on screen: its code points, marks left out. */
  static int visible(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != OPEN && c != CLOSE && !Character.isLowSurrogate(c)) {
        n++;
      }
    }
    return n;
  }
}
