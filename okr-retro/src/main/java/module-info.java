/** Retrospective aggregations over one or many cycles. */
module org.okrengine.retro {
  requires transitive org.okrengine.model;
  requires transitive org.okrengine.forecast;
  requires org.slf4j;

  exports org.okrengine.retro;
}
