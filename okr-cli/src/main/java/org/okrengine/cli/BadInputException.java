package org.okrengine.cli;

import java.util.List;

/** Bad input: every problem, one line each, printed to standard error; exit code 2. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> messages;

  BadInputException(List<String> messages) {
    super(String.join("\n", messages));
    this.messages = List.copyOf(messages);
  }

  List<String> messages() {
    return messages;
  }
}
