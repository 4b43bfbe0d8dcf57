package org.okrengine.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written whole or not at all: the text goes to a temporary file beside the target (same folder, so the same
 * file system), which {@link #commit()} renames over the target; {@link #close()} without a commit deletes it. A
 * reader never sees half a file, and a failed or refused run leaves the target as it was. Not thread-safe.
 */
final class AtomicFile implements Closeable {
  private final Path target;
  private final Path temporary;
  private final BufferedWriter writer;
  private boolean committed;

  private AtomicFile(Path target, Path temporary, BufferedWriter writer) {
    this.target = target;
    this.temporary = temporary;
    this.writer = writer;
  }

  /**
   * Starts writing {@code target} (UTF-8). The temporary file is created with the permissions of any new file.
   *
   * @throws IOException when the temporary file cannot be created
   */
  static AtomicFile open(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    for (int attempt = 0; ; attempt++) {
      Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
          + ".tmp");
      try {
        return new AtomicFile(abs, tmp, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  /** Writes {@code text} to {@code target} whole or not at all. */
  static void write(Path target, String text) throws IOException {
    try (AtomicFile f = open(target)) {
      f.writer().write(text);
      f.commit();
    }
  }

  /** Where the text goes until {@link #commit()}. */
  Writer writer() {
    return writer;
  }

  /** Flushes and renames the temporary file over the target. */
  void commit() throws IOException {
    writer.close();
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        writer.close();
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /**
   * The problems of writing a file to {@code file} for the option {@code option} (empty when none): a folder there,
   * or no folder to hold it. Checked before any work, so a run that cannot write its output stops at once.
   */
  /**
   * The problems of writing {@code file} for {@code option} ({@link #problems(String, Path)}), and that it is one of
   * the command's {@code inputs}, which it would overwrite.
   */
  static List<String> problems(String option, Path file, List<Path> inputs) {
    List<String> out = problems(option, file);
    for (Path in : inputs) {
      if (sameFile(in, file)) {
        out.add(option + ": " + file + ": is one of the inputs, which it would overwrite");
        break;
      }
    }
    return out;
  }

  /** Whether {@code a} and {@code b} are one file (by path, or by the file system when both exist). */
  static boolean sameFile(Path a, Path b) {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  static List<String> problems(String option, Path file) {
    List<String> out = new ArrayList<>();
    Path parent = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      out.add(option + ": " + file + ": is a directory");
    } else if (parent != null && !Files.isDirectory(parent)) {
      out.add(option + ": " + file + ": no such directory: " + parent);
    }
    return out;
  }
}
