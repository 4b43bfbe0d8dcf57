package org.okrengine.model.json;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.OkrCycle;

/**
 * Reads and writes {@code okr-cycle/1} documents, single or as JSON Lines. Immutable and thread-safe.
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

  private CycleJson(long maxDocumentBytes, int maxNestingDepth) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.maxNestingDepth = maxNestingDepth;
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
    throw new UnsupportedOperationException("stub: " + json.length() + maxDocumentBytes + maxNestingDepth);
  }

  /**
   * Reads one document from {@code in}; does not close it.
   *
   * @throws InvalidCycleException listing every problem, each with its JSON path
   * @throws IOException when reading fails
   */
  public ParsedCycle read(Reader in) throws IOException {
    throw new UnsupportedOperationException("stub" + in);
  }

  /**
   * Reads one document from a file.
   *
   * @throws InvalidCycleException listing every problem, each with its JSON path
   * @throws IOException when reading fails
   */
  public ParsedCycle read(Path file) throws IOException {
    throw new UnsupportedOperationException("stub" + file);
  }

  /**
   * Streams the documents of a JSON Lines input, one per non-blank line, reading lazily (never the whole input in
   * memory); a bad line does not stop the stream. Close the stream to close {@code in}.
   */
  public Stream<JsonLine> lines(Reader in) {
    throw new UnsupportedOperationException("stub" + in);
  }

  /** Streams the documents of a JSON Lines file; close the stream to close the file. */
  public Stream<JsonLine> lines(Path file) throws IOException {
    throw new UnsupportedOperationException("stub" + file);
  }

  /** The document for {@code cycle}, pretty-printed; reading it gives an equal cycle. */
  public String write(OkrCycle cycle) {
    throw new UnsupportedOperationException("stub" + cycle);
  }

  /** Writes the document for {@code cycle} to {@code out}, pretty-printed; does not close it. */
  public void write(OkrCycle cycle, Writer out) throws IOException {
    throw new UnsupportedOperationException("stub" + cycle + out);
  }

  /** Writes {@code cycle} as one compact line (ending in a newline) of a JSON Lines file. */
  public void writeLine(OkrCycle cycle, Writer out) throws IOException {
    throw new UnsupportedOperationException("stub" + cycle + out);
  }
}
