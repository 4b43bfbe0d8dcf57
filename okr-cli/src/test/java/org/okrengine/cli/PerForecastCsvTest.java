package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.okrengine.forecast.BacktestForecast;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.model.PredictionInterval;

class PerForecastCsvTest {
  @Test
  void accept_quotesTextByRfc4180_numbersRoundTrip_emptyCellsForAMissingInterval() throws IOException {
    StringWriter out = new StringWriter();
    PerForecastCsv csv = new PerForecastCsv(out);
    csv.accept(new BacktestForecast("Q3, \"late\"", "KR\n1", 0.5, ForecastMethod.MOVEMENT_AWARE, "m=1+fit", 0.1 + 0.2,
        new PredictionInterval(0.8, -1.5, 2e-7), 1.0 / 3, 12, true));
    csv.accept(new BacktestForecast("Q", "KR-2", 0.25, ForecastMethod.LINEAR_PACE, "okr-default-2", 0, null,
        Double.NaN, 4.0, false, true));
    assertThat(out.toString()).isEqualTo(
        "cycle,keyResult,origin,method,model,probability,low,high,landing,final,hit,at\r\n"
        + "\"Q3, \"\"late\"\"\",\"KR\n1\",0.5,movement-aware,m=1+fit,0.30000000000000004,-1.5,2.0E-7,"
        + "0.3333333333333333,12.0,true,end\r\n"
        + "Q,KR-2,0.25,linear-pace,okr-default-2,0.0,,,,4.0,false,last-check-in\r\n");
  }

  @Test
  void field_quotesOnlyWhatMustBe() {
    assertThat(PerForecastCsv.field("plain text; with = and 'quotes'")).isEqualTo("plain text; with = and 'quotes'");
    assertThat(PerForecastCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(PerForecastCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(PerForecastCsv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    assertThat(PerForecastCsv.field("")).isEmpty();
  }
}
