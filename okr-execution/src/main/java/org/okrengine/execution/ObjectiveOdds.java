package org.okrengine.execution;

import java.util.Objects;
import org.okrengine.model.Commitment;

/**
 * The probability that one objective meets its commitment, from {@link CommitmentSimulation}. Immutable and
 * thread-safe.
 *
 * @param objectiveId the objective's id
 * @param commitment what counts as meeting it: committed, every key result at its target; aspirational, a weighted
 *     score of at least 0.7
 * @param probability the share (0..1) of the simulation's draws in which it is met
 * @param draws how many draws the probability is the share of
 */
public record ObjectiveOdds(String objectiveId, Commitment commitment, double probability, int draws) {
  /** Validates. */
  public ObjectiveOdds {
    Objects.requireNonNull(objectiveId, "objectiveId must not be null");
    Objects.requireNonNull(commitment, "commitment must not be null");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be within 0..1: " + probability);
    }
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be at least 1: " + draws);
    }
  }
}
