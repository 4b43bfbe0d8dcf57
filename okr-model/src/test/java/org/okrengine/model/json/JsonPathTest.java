package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPathTest {
  @Test
  void toString_fieldsAndIndexes_dottedWithBrackets() {
    JsonPath p = JsonPath.ROOT.field("objectives").at(2).field("keyResults").at(0).field("metric").field("target");
    assertThat(p).hasToString("objectives[2].keyResults[0].metric.target");
  }

  @Test
  void toString_root_empty() {
    assertThat(JsonPath.ROOT).hasToString("");
    assertThat(JsonPath.ROOT.field("format")).hasToString("format");
  }
}
