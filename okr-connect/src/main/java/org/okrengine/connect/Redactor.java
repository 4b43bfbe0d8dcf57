package org.okrengine.connect;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Replaces secrets in a message with {@code ***}: each value given, and its Base64 form (an HTTP Basic header
 * carries user:token so encoded: give {@code user:token} too, as the connector does). Not thread-safe: one per fetch.
 */
final class Redactor {
  private final List<String> secrets = new ArrayList<>();

  void add(String secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
      secrets.add(Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
  }

  String redact(String message) {
    if (message == null) {
      return "(no message)";
    }
    String out = message;
    // longest first, so that a secret holding another is replaced whole
    List<String> sorted = new ArrayList<>(secrets);
    sorted.sort((a, b) -> b.length() - a.length());
    for (String s : sorted) {
      out = out.replace(s, "***");
    }
    return out;
  }
}
