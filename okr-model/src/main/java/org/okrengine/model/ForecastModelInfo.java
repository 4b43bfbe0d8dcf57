package org.okrengine.model;

import static org.okrengine.model.internal.Checks.optionalId;
import static org.okrengine.model.internal.Checks.requireId;

/**
 * Which forecast model made a report: its name, its method and what it was fitted on, as the report's {@code model}
 * field carries them. Immutable and thread-safe.
 *
 * @param name the model's name, as its model file or the library names it
 * @param method the forecasting method's name
 * @param fittedOn what its parameters were fitted on, as a sentence ("the library's defaults, fitted on 2,731
 *     shared cycles"), or null
 * @param atLastCheckIn whether its forecasts are of each key result's value at its expected last check-in (a model
 *     fitted on a history whose results were its last check-ins) rather than at the cycle's end: the landing values,
 *     intervals and probabilities of the report are taken there
 */
public record ForecastModelInfo(String name, String method, String fittedOn, boolean atLastCheckIn) {
  /**
   * Validates.
   *
   * @throws NullPointerException when {@code name} or {@code method} is null
   * @throws IllegalArgumentException when {@code name}, {@code method} or a given {@code fittedOn} is blank
   */
  public ForecastModelInfo {
    requireId(name, "name");
    requireId(method, "method");
    optionalId(fittedOn, "fittedOn");
  }

  /** A model whose forecasts are at the cycle's end (the record before it said where). */
  public ForecastModelInfo(String name, String method, String fittedOn) {
    this(name, method, fittedOn, false);
  }
}
