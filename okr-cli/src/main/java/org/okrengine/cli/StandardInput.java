package org.okrengine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Inputs that are streams: {@code -} (standard input) and files that are not regular files but can be read, such as
 * {@code /dev/stdin} or a shell's {@code <(...)}. A stream can be read once, and a command may read its inputs twice
 * (okr analyze checks every input before it writes anything), so each is spooled to a temporary file on first use,
 * deleted when the JVM exits. The spooled copy of a stream of several lines whose first (or most) are each one whole
 * JSON object by their look (their braces closed at their last '}') is read as JSON Lines, its bad lines reported each
 * by its number; anything else as one JSON document.
 * Not thread-safe (one command runs at a time).
 */
final class StandardInput {
  private static InputStream spooledFrom;
  private static Path spooledStdin;
  private static final java.util.Map<Path, Path> SPOOLED = new java.util.HashMap<>();

  private StandardInput() {}

  /** Whether {@code given} names a stream: {@code -}, or an existing file that is not a regular file. */
  static boolean isStream(Path given) {
    return given.toString().equals("-")
        || Files.exists(given) && !Files.isRegularFile(given) && !Files.isDirectory(given) && Files.isReadable(given);
  }

  /** The spooled copy of {@code given} (made on the first call for it, or for this standard input). */
  static synchronized Path spooled(Path given) throws IOException {
    if (given.toString().equals("-")) {
      if (spooledStdin == null || spooledFrom != System.in) {
        spooledStdin = spool(System.in);
        spooledFrom = System.in;
      }
      return spooledStdin;
    }
    Path done = SPOOLED.get(given);
    if (done == null) {
      try (InputStream in = Files.newInputStream(given)) {
        done = spool(in);
      }
      SPOOLED.put(given, done);
    }
    return done;
  }

  private static Path spool(InputStream in) throws IOException {
    Path tmp = Files.createTempFile("okr-stdin-", ".tmp");
    tmp.toFile().deleteOnExit();
    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    Path named = tmp.resolveSibling(tmp.getFileName().toString().replace(".tmp", jsonLines(tmp) ? ".jsonl" : ".json"));
    Files.move(tmp, named, StandardCopyOption.REPLACE_EXISTING);
    named.toFile().deleteOnExit();
    return named;
  }

  /**
   * Whether the spooled text is JSON Lines: two or more non-blank lines, the first of which looks like one whole JSON
   * object ({@link #wholeObject}), or more than half of which do. A document written over several lines begins with a
   * line that is not a whole object (its braces still open), and few of its lines are one (an array's last element); a
   * JSON Lines stream with a line cut short or otherwise bad is still JSON Lines, so that its good lines are read and
   * the bad one is reported by its number (before, one such line made the whole stream one document: "-:2:
   * unexpected content after the end of the document"). A byte order mark at the start is not part of the first
   * line, as the readers skip it.
   */
  private static boolean jsonLines(Path file) throws IOException {
    int nonBlank = 0;
    int objects = 0;
    boolean firstIsObject = false;
    try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      boolean first = true;
      while ((line = lines.readLine()) != null) {
        if (first && line.startsWith("\uFEFF")) {
          line = line.substring(1); // the stream's byte order mark, which the readers skip
        }
        first = false;
        String t = line.strip();
        if (t.isEmpty()) {
          continue;
        }
        boolean object = wholeObject(t);
        firstIsObject |= nonBlank == 0 && object;
        nonBlank++;
        objects += object ? 1 : 0;
      }
    } catch (java.nio.charset.MalformedInputException e) {
      return false; // not UTF-8: read as one document, whose reader says where
    }
    return nonBlank >= 2 && (firstIsObject || objects * 2 > nonBlank);
  }

  /**
   * Whether {@code t} (a stripped line) looks like one whole JSON object: it begins with '{', and its brackets and
   * braces outside strings close for the first time at its last character. Beginning with '{' and ending with '}' is
   * not enough: a document written comma-first opens with a line such as <code>{"cycle": {"id": "Q3"}</code>, whose
   * outer brace is still open.
   */
  private static boolean wholeObject(String t) {
    if (!t.startsWith("{")) {
      return false;
    }
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++; // the escaped character, whatever it is
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i == t.length() - 1;
      }
    }
    return false;
  }
}
