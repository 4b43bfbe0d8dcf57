package org.okrengine.forecast;

/** Writes a {@link BacktestReport} as {@code okr-backtest/1} JSON: what {@code okr backtest --format json} prints. */
public final class BacktestJson {
  /** The format this class writes. */
  public static final String FORMAT = "okr-backtest/1";

  private BacktestJson() {}

  /** The report as an {@code okr-backtest/1} document, ending in a newline. */
  public static String write(BacktestReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"format\": \"" + FORMAT + "\",\n");
    sb.append("  \"cycles\": ").append(r.cycles()).append(",\n");
    sb.append("  \"keyResults\": ").append(r.keyResults()).append(",\n");
    sb.append("  \"keyResultsFromLastCheckIn\": ").append(r.keyResultsFromLastCheckIn()).append(",\n");
    sb.append("  \"defaultMethod\": \"").append(r.defaultMethod().id()).append("\",\n");
    sb.append("  \"bestMethod\": ").append(r.bestMethod() == null ? "null" : "\"" + r.bestMethod().id() + "\"")
        .append(",\n");
    if (r.model() != null) {
      sb.append("  \"model\": ").append(ForecastModel.quote(r.model())).append(",\n");
    }
    sb.append("  \"resultTiming\": \"").append(r.resultTiming().id()).append("\",\n");
    if (r.evidence() != null) {
      sb.append("  \"resultTimingEvidence\": {\"compared\": ").append(r.evidence().compared())
          .append(", \"equal\": ").append(r.evidence().equal()).append("},\n");
    }
    sb.append("  \"scores\": [");
    boolean first = true;
    for (MethodScore s : r.scores()) {
      sb.append(first ? "\n" : ",\n");
      first = false;
      sb.append("    {\"method\": \"").append(s.method().id()).append("\", \"origin\": ").append(num(s.origin()))
          .append(", \"n\": ").append(s.n())
          .append(", \"brier\": ").append(num(s.brier()))
          .append(", \"logLoss\": ").append(num(s.logLoss()))
          .append(", \"intervals80\": ").append(s.intervals80())
          .append(", \"coverage80\": ").append(num(s.coverage80()))
          .append(", \"width80\": ").append(num(s.width80()))
          .append(", \"maeProgress\": ").append(num(s.maeProgress()))
          .append(", \"missesFlagged\": ").append(num(s.missesFlagged()))
          .append(", \"hitsFlagged\": ").append(num(s.hitsFlagged()))
          .append(", \"reliability\": [");
      boolean fb = true;
      for (ReliabilityBin b : s.reliability()) {
        sb.append(fb ? "" : ", ");
        fb = false;
        sb.append("{\"lower\": ").append(num(b.lower())).append(", \"upper\": ").append(num(b.upper()))
            .append(", \"count\": ").append(b.count()).append(", \"meanProbability\": ")
            .append(num(b.meanProbability())).append(", \"hitRate\": ").append(num(b.hitRate())).append('}');
      }
      sb.append("]}");
    }
    sb.append("\n  ]\n}\n");
    return sb.toString();
  }

  private static String num(Double v) {
    if (v == null || !Double.isFinite(v)) {
      return "null";
    }
    return Double.toString(v == 0 ? 0.0 : v); // never -0.0
  }
}
