package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;

class ConnectorTest {
  private static final Instant AS_OF = Instant.parse("2026-08-01T00:00:00Z");
  private static final String TWO = """
      {"format": "okr-sources/1", "bindings": [
        {"keyResult": "KR-1", "source": "finance", "kind": "csv",
         "query": {"file": "a.csv", "timeColumn": "t", "valueColumn": "v"}, "credentials": {"token": "FIN_TOKEN"}},
        {"keyResult": "KR-2", "source": "crm", "kind": "csv",
         "query": {"file": "b.csv", "timeColumn": "t", "valueColumn": "v"}}
      ]}
      """;

  private static Source returning(Observation... o) {
    return (b, c) -> List.of(o);
  }

  @Test
  void sync_sameInstantSameValue_unchanged_otherValue_conflict_newInstant_added() {
    Instant existing = Instant.parse("2026-07-06T00:00:00Z"); // KR-1 has 1.10 there
    Instant fresh = Instant.parse("2026-07-13T00:00:00Z");
    Source s = (b, c) -> b.keyResult().equals("KR-1")
        ? List.of(new Observation(existing, 1.10), new Observation(fresh, 1.2), new Observation(fresh, 1.2))
        : List.of(new Observation(existing, 5), new Observation(existing, 6));
    SyncResult r = Connector.withDefaults().withEnvironment(n -> "x").withSource("csv", s)
        .sync(Fixtures.cycle(), Fixtures.sources(TWO), AS_OF);
    SourceOutcome kr1 = r.outcomes().get(0);
    assertThat(kr1.added()).containsExactly(new CheckIn(fresh, 1.2, null, null, List.of(), "finance"));
    assertThat(kr1.unchanged()).isEqualTo(2); // the check-in by hand, and the repeated fresh one
    assertThat(kr1.conflicts()).isEmpty();
    SourceOutcome kr2 = r.outcomes().get(1);
    assertThat(kr2.added()).containsExactly(new CheckIn(existing, 5, null, null, List.of(), "crm"));
    assertThat(kr2.conflicts()).containsExactly(new Conflict("KR-2", existing, 5, 6));
    assertThat(r.additions()).containsOnlyKeys("KR-1", "KR-2");
    assertThat(r.addedCount()).isEqualTo(2);
    assertThat(r.failed()).isZero();
  }

  @Test
  void sync_differentValueForHandCheckIn_isConflictNotApplied() {
    Instant existing = Instant.parse("2026-07-06T00:00:00Z");
    SyncResult r = Connector.withDefaults().withEnvironment(n -> "x")
        .withSource("csv", returning(new Observation(existing, 1.15)))
        .sync(Fixtures.cycle(), Fixtures.sources(TWO), AS_OF);
    assertThat(r.outcomes().get(0).conflicts()).containsExactly(new Conflict("KR-1", existing, 1.10, 1.15));
    assertThat(r.outcomes().get(0).added()).isEmpty();
  }

  @Test
  void sync_oneSourceFails_othersGoOn_secretRedacted() {
    Source s = (b, c) -> {
      if (b.keyResult().equals("KR-1")) {
        throw new SourceException("server said: bad token " + c.credential("token") + " in header "
            + java.util.Base64.getEncoder().encodeToString(c.credential("token").getBytes()));
      }
      return List.of(new Observation(Instant.parse("2026-07-20T00:00:00Z"), 9));
    };
    SyncResult r = Connector.withDefaults().withEnvironment(n -> n.equals("FIN_TOKEN") ? "tok-123456" : null)
        .withSource("csv", s).sync(Fixtures.cycle(), Fixtures.sources(TWO), AS_OF);
    assertThat(r.outcomes().get(0).error()).isEqualTo("server said: bad token *** in header ***");
    assertThat(r.outcomes().get(1).ok()).isTrue();
    assertThat(r.outcomes().get(1).added()).hasSize(1);
    assertThat(r.failed()).isEqualTo(1);
  }

  @Test
  void sync_unsetCredential_failsThatBindingOnly() {
    SyncResult r = Connector.withDefaults().withEnvironment(n -> null)
        .withSource("csv", returning(new Observation(Instant.parse("2026-07-20T00:00:00Z"), 9)))
        .sync(Fixtures.cycle(), Fixtures.sources(TWO), AS_OF);
    assertThat(r.outcomes().get(0).error())
        .isEqualTo("environment variable not set for credential token (FIN_TOKEN)");
    assertThat(r.outcomes().get(1).added()).hasSize(1);
  }

  @Test
  void sync_observationsOutsideCycleStartToAsOf_ignored_runtimeErrorsContained() {
    SyncResult r = Connector.withDefaults().withEnvironment(n -> "x")
        .withSource("csv", (b, c) -> {
          if (b.keyResult().equals("KR-2")) {
            throw new IllegalStateException("driver bug");
          }
          return List.of(new Observation(Instant.parse("2026-06-01T00:00:00Z"), 1),
              new Observation(Instant.parse("2026-08-02T00:00:00Z"), 2),
              new Observation(Instant.parse("2026-07-31T23:59:59Z"), 1e300));
        })
        .sync(Fixtures.cycle(), Fixtures.sources(TWO), AS_OF);
    assertThat(r.outcomes().get(0).error()).isEqualTo("observation at 2026-07-31T23:59:59Z: value must be "
        + "within -1e15..1e15: 1.0E300");
    assertThat(r.outcomes().get(1).error()).isEqualTo("IllegalStateException: driver bug");
  }

  @Test
  void sync_unknownKeyResult_refusedBeforeFetching() {
    Sources s = Fixtures.sources("{\"format\": \"okr-sources/1\", \"bindings\": [{\"keyResult\": \"KR-9\", "
        + "\"kind\": \"csv\", \"query\": {\"file\": \"a.csv\", \"timeColumn\": \"t\", \"valueColumn\": \"v\"}}]}");
    assertThat(Connector.check(Fixtures.cycle(), s)).hasToString(
        "[bindings[0].keyResult: no key result \"KR-9\" in cycle T-1]");
    assertThatThrownBy(() -> Connector.withDefaults().sync(Fixtures.cycle(), s, AS_OF))
        .hasMessage("bindings[0].keyResult: no key result \"KR-9\" in cycle T-1");
  }
}
