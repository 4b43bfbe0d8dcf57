/**
 * The OKR domain: cycles, teams, objectives, key results, metrics, plans, check-ins, initiatives, milestones and
 * dependencies; progress and scoring; and the {@code okr-cycle/1} and {@code okr-report/1} JSON formats.
 */
@SuppressWarnings("module") // the qualified export names modules built after this one
module org.okrengine.model {
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports org.okrengine.model;
  exports org.okrengine.model.json;
  exports org.okrengine.model.internal to org.okrengine.deps, org.okrengine.execution, org.okrengine.forecast,
      org.okrengine.connect;
}
