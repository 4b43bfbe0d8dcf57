package org.okrengine.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Problem;

/**
 * Reads and writes {@code okr-cycle/1} documents, single or as JSON Lines. Immutable and thread-safe.
 *
 * <p>Reading checks the whole document and lists every problem, each with its JSON path
 * ({@code objectives[2].keyResults[0].metric.target: must differ from baseline (both 40.0)}), or
 * {@code line L, column C} for malformed JSON; nothing is half-loaded. Unknown fields are warnings, and so is a
 * measured value (check-in or final value) outside its metric's {@code min}..{@code max} or not one of its
 * {@code levels} (the value is kept as given). Besides the rules of the format, a document is rejected when it
 * repeats a key within one object, is larger than {@linkplain #withMaxDocumentBytes the size limit} (UTF-8 bytes),
 * nests deeper than {@linkplain #withMaxNestingDepth the depth limit}, names another {@code format} (then only
 * that is reported), or, read from a file, holds bytes that are not UTF-8.
 *
 * <p>Writing gives a document that reads back to an equal {@link OkrCycle}: fields in the order of the format's
 * example, nulls and empty optional lists left out, instants in UTC ({@code 2026-07-08T09:00:00Z}).
 */
public final class CycleJson {
  /** The format this class reads and writes. */
  public static final String FORMAT = "okr-cycle/1";
  /** The default size limit of one document, in bytes (64 MiB). */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;
  /** The default limit of nesting depth of one document. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  private static final CycleJson DEFAULTS = new CycleJson(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_NESTING_DEPTH);

  private final long maxDocumentBytes;
  private final int maxNestingDepth;
  private final JsonFactory factory;

  private CycleJson(long maxDocumentBytes, int maxNestingDepth) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.maxNestingDepth = maxNestingDepth;
    this.factory = Jackson.factory(maxDocumentBytes, maxNestingDepth);
  }

  /** A reader and writer with the default limits. */
  public static CycleJson withDefaults() {
    return DEFAULTS;
  }

  /** A copy that rejects documents larger than {@code bytes}. */
  public CycleJson withMaxDocumentBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("bytes must be at least 1: " + bytes);
    }
    return new CycleJson(bytes, maxNestingDepth);
  }

  /** A copy that rejects documents nested deeper than {@code depth}. */
  public CycleJson withMaxNestingDepth(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1: " + depth);
    }
    return new CycleJson(maxDocumentBytes, depth);
  }

  /**
   * Reads one document.
   *
   * @throws InvalidCycleException listing every problem, each with its JSON path
   */
  public ParsedCycle read(String json) {
    Objects.requireNonNull(json, "json must not be null");
    return parse(json, 0).toParsed();
  }

  /**
   * Reads one document from {@code in}; does not close it.
   *
   * @throws InvalidCycleException listing every problem, each with its JSON path
   * @throws IOException when reading fails
   */
  public ParsedCycle read(Reader in) throws IOException {
    Objects.requireNonNull(in, "in must not be null");
    List<Problem> problems = new ArrayList<>();
    Object root;
    try (JsonParser p = factory.createParser(new Utf8.LimitedReader(Utf8.skipBom(in), maxDocumentBytes))) {
      root = JsonTree.parse(p, maxNestingDepth, 0, problems);
    } catch (Utf8.TooLargeException e) {
      return CycleReader.Outcome.failed(List.of(tooLarge())).toParsed();
    } catch (Utf8.MalformedException e) {
      return CycleReader.Outcome.failed(List.of(new Problem(e.where(), e.getMessage()))).toParsed();
    }
    return validate(root, problems).toParsed();
  }

  /**
   * Reads one document from a file of UTF-8 text; bytes that are not UTF-8 (overlong forms, surrogates, stray or
   * truncated sequences) are a problem at their line and column ({@code line 2, column 5: invalid UTF-8: bytes C0
   * AF}).
   *
   * @throws InvalidCycleException listing every problem, each with its JSON path
   * @throws IOException when reading fails
   */
  public ParsedCycle read(Path file) throws IOException {
    if (Files.size(file) > maxDocumentBytes) {
      return CycleReader.Outcome.failed(List.of(tooLarge())).toParsed();
    }
    try (Reader in = new Utf8.Decoder(Files.newInputStream(file))) {
      return read(in);
    }
  }

  /**
   * Streams the documents of a JSON Lines input, one per non-blank line, reading lazily (never the whole input in
   * memory); a bad line does not stop the stream. Close the stream to close {@code in}. A line larger than the size
   * limit is skipped to its end and reported as an error. The stream's operations throw
   * {@link UncheckedIOException} when reading fails.
   */
  public Stream<JsonLine> lines(Reader in) {
    Objects.requireNonNull(in, "in must not be null");
    return linesOf(in instanceof BufferedReader b ? b : new BufferedReader(in));
  }

  /**
   * Streams the documents of a JSON Lines file of UTF-8 text; close the stream to close the file. A line with bytes
   * that are not UTF-8 is an error at their line and column ({@code line 7, column 40: invalid UTF-8: bytes C0
   * AF}), and the lines after it are read. The stream's operations throw {@link UncheckedIOException} when reading
   * fails.
   */
  public Stream<JsonLine> lines(Path file) throws IOException {
    return linesOf(new Utf8.Decoder(Files.newInputStream(file)));
  }

  /** The lines of {@code buffered}, which reads ahead itself; closing the stream closes it. */
  private Stream<JsonLine> linesOf(Reader buffered) {
    LineSource source = new LineSource(buffered, maxDocumentBytes);
    Spliterator<JsonLine> lines = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super JsonLine> action) {
        try {
          LineSource.Line line;
          do {
            line = source.next();
            if (line == null) {
              return false;
            }
          } while (line.text() != null && isBlank(line));
          action.accept(line(line));
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    return StreamSupport.stream(lines, false).onClose(() -> {
      try {
        buffered.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The document for {@code cycle}, pretty-printed; reading it gives an equal cycle. */
  public String write(OkrCycle cycle) {
    StringWriter out = new StringWriter();
    try {
      write(cycle, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** Writes the document for {@code cycle} to {@code out}, pretty-printed; does not close it. */
  public void write(OkrCycle cycle, Writer out) throws IOException {
    Objects.requireNonNull(cycle, "cycle must not be null");
    try (JsonGenerator g = Jackson.generator(factory, out, true)) {
      CycleWriter.write(g, cycle);
    }
    out.write('\n');
  }

  /** Writes {@code cycle} as one compact line (ending in a newline) of a JSON Lines file. */
  public void writeLine(OkrCycle cycle, Writer out) throws IOException {
    Objects.requireNonNull(cycle, "cycle must not be null");
    try (JsonGenerator g = Jackson.generator(factory, out, false)) {
      CycleWriter.write(g, cycle);
    }
    out.write('\n');
  }

  /**
   * Whether {@code line} is blank, its text on line 1 after the byte order mark that {@link #line(long, String)}
   * skips there: a file saved with a mark and beginning with a blank line (Spark, whose reader drops the mark, skips
   * it too).
   */
  private static boolean isBlank(LineSource.Line line) {
    String t = line.text();
    return (line.number() == 1 && t.startsWith("\uFEFF") ? t.substring(1) : t).isBlank();
  }

  private JsonLine line(LineSource.Line line) {
    if (line.text() == null) {
      return CycleReader.Outcome.failed(List.of(line.problem())).toLine(line.number());
    }
    return line(line.number(), line.text());
  }

  /**
   * Reads line {@code lineNumber} of a JSON Lines input, its line end removed, exactly as {@link #lines} reads it
   * (positions of malformed JSON name that line; a byte order mark is skipped on line 1): for readers that split the
   * input themselves, such as a distributed job. Blank lines are the caller's to skip, as {@link #lines} does.
   *
   * @throws IllegalArgumentException when {@code lineNumber} is below 1
   */
  public JsonLine line(long lineNumber, String text) {
    Objects.requireNonNull(text, "text must not be null");
    if (lineNumber < 1) {
      throw new IllegalArgumentException("lineNumber must be at least 1: " + lineNumber);
    }
    if (lineNumber == 1 && text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return parse(text, lineNumber - 1).toLine(lineNumber);
  }

  /**
   * Reads line {@code lineNumber} of a JSON Lines input given as its UTF-8 bytes, its line end removed, exactly as
   * {@link #lines(Path)} reads it: bytes that are not UTF-8 are the line's error at their column
   * ({@code line 7, column 40: invalid UTF-8: bytes C0 AF}), never replaced. For readers that split the input
   * themselves and keep its bytes, such as a distributed job (decoding the bytes leniently first would accept such a
   * line). Blank lines are the caller's to skip.
   *
   * @throws IllegalArgumentException when {@code lineNumber} is below 1
   */
  public JsonLine line(long lineNumber, byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8 must not be null");
    if (lineNumber < 1) {
      throw new IllegalArgumentException("lineNumber must be at least 1: " + lineNumber);
    }
    String text;
    try {
      text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(utf8)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      // the file reader's own decoder names the first bad bytes and their column; the line is this one. After line
      // 1 the bytes follow a line end, as in the file: a byte order mark there is a character of the line (counted in
      // the column), not the mark of a file's start
      try {
        byte[] in = utf8;
        if (lineNumber > 1) {
          in = new byte[utf8.length + 1];
          in[0] = '\n';
          System.arraycopy(utf8, 0, in, 1, utf8.length);
        }
        LineSource source = new LineSource(new Utf8.Decoder(new java.io.ByteArrayInputStream(in)), maxDocumentBytes);
        LineSource.Line l = lineNumber > 1 ? skipOne(source) : source.next();
        Problem p = l.problem();
        String at = "line " + l.number() + ", ";
        if (p != null && p.path().startsWith(at)) {
          p = new Problem("line " + lineNumber + ", " + p.path().substring(at.length()), p.message());
        }
        if (p != null) {
          return CycleReader.Outcome.failed(List.of(p)).toLine(lineNumber);
        }
      } catch (IOException io) {
        throw new UncheckedIOException(io); // reading bytes in memory does not fail
      }
      throw new IllegalStateException("the strict decoder accepted what it refused", e);
    }
    return line(lineNumber, text);
  }

  /** The line after the next one of {@code source} (the empty line before the bytes of a line after line 1). */
  private static LineSource.Line skipOne(LineSource source) throws IOException {
    source.next();
    return source.next();
  }

  /** Parses and validates one document held in memory; {@code lineOffset} shifts line numbers in problems. */
  private CycleReader.Outcome parse(String json, long lineOffset) {
    if (Utf8.exceeds(json, maxDocumentBytes)) {
      return CycleReader.Outcome.failed(List.of(tooLarge()));
    }
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    List<Problem> problems = new ArrayList<>();
    Object root;
    try (JsonParser p = factory.createParser(text)) {
      root = JsonTree.parse(p, maxNestingDepth, lineOffset, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a string does not fail
    }
    return validate(root, problems);
  }

  private static CycleReader.Outcome validate(Object root, List<Problem> parseProblems) {
    if (root == null) {
      return CycleReader.Outcome.failed(parseProblems);
    }
    return CycleReader.read(root, parseProblems);
  }

  private Problem tooLarge() {
    return new Problem("", Utf8.tooLarge(maxDocumentBytes));
  }
}
