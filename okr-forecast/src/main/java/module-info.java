/** Landing forecasts, probability of target, velocity, status and reasons, and backtesting. */
module org.okrengine.forecast {
  requires transitive org.okrengine.model;
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.numbers.gamma;
  requires org.slf4j;

  exports org.okrengine.forecast;
}
