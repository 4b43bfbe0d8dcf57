/** The dependency graph: cycle errors, cascade detection, contention and critical paths. */
module org.okrengine.deps {
  requires transitive org.okrengine.model;
  requires org.slf4j;

  exports org.okrengine.deps;
}
