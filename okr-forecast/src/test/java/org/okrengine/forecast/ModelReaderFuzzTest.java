package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes as an {@code okr-forecast-model/1} document: either {@link InvalidModelException} (what {@code okr} turns
 * into exit 2 naming the JSON path and value) or a model whose own document reads back as the same model and holds no
 * NaN or infinity; never another exception. The seeds (ModelReaderFuzzTestInputs) are the shipped model's document and
 * a refit's with {@code resultTiming} and warnings; without {@code JAZZER_FUZZ} they alone run, as a regression test.
 */
class ModelReaderFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void fromJson_anyDocument_readsBackOrRefuses(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    ForecastModel model;
    try {
      model = ForecastModel.fromJson(json);
    } catch (InvalidModelException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    String written = model.toJson();
    assertThat(written).doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(ForecastModel.fromJson(written)).isEqualTo(model);
    assertThat(ForecastModel.fromJson(written).toJson()).isEqualTo(written);
    // a forecaster takes it
    assertThat(Forecaster.withDefaults().withModel(model).model()).isEqualTo(model);
  }
}
