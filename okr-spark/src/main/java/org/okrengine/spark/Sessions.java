package org.okrengine.spark;

import org.apache.spark.sql.SparkSession;

/** Spark sessions for the okr command and the jobs. */
final class Sessions {
  private Sessions() {}

  /** A session, stopped on close only when this opened it (an application's own session is left running). */
  static final class Handle implements AutoCloseable {
    final SparkSession spark;
    private final boolean owned;

    private Handle(SparkSession spark, boolean owned) {
      this.spark = spark;
      this.owned = owned;
    }

    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }

  /**
   * The running session, or a new one on {@code master} (null: what spark-submit set), without the web UI, named
   * {@code app}.
   */
  static Handle start(String master, String app) {
    if (SparkSession.getDefaultSession().isDefined()) {
      return new Handle(SparkSession.getDefaultSession().get(), false);
    }
    SparkSession.Builder b = SparkSession.builder().appName(app).config("spark.ui.enabled", "false");
    if (master != null) {
      b = b.master(master);
    }
    return new Handle(b.getOrCreate(), true);
  }
}
