/** The execution engine: health report, insights in plain language, escalation. */
module org.okrengine.execution {
  requires transitive org.okrengine.model;
  requires transitive org.okrengine.forecast;
  requires transitive org.okrengine.deps;
  requires transitive org.okrengine.retro;
  requires org.slf4j;

  exports org.okrengine.execution;
}
