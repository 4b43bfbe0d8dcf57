package org.okrengine.connect;

import java.util.List;

/**
 * The contract of a source kind: fetch the observations one binding asks for. Implementations must be thread-safe;
 * the built-in ones ({@code csv}, {@code sql}, {@code jira}) are.
 */
public interface Source {
  /**
   * The observations of {@code binding} from {@code context.from()} up to and including {@code context.upTo()},
   * with the binding's value mapping applied, in any order.
   *
   * @throws SourceException when the source cannot deliver; the message must not hold a credential
   */
  List<Observation> fetch(Binding binding, FetchContext context) throws SourceException;
}
