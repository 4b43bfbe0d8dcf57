/**
 * Sources of key result values: the {@code okr-sources/1} bindings, the sources that fetch dated observations (CSV,
 * SQL over JDBC, Jira) and the merge of new observations into a cycle as check-ins.
 */
module org.okrengine.connect {
  requires transitive org.okrengine.model;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires java.net.http;
  requires java.sql;

  exports org.okrengine.connect;
}
