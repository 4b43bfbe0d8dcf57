package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.model.CheckIn;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;

/**
 * The sync lock holds across processes: while an {@code okr sync} in another JVM is fetching, a sync of the same
 * file in this JVM cannot start (with {@code --wait 0} it gives up at once, having written nothing) and, told to
 * wait, starts only after the other has written, so that each merges into what the other wrote and nothing is lost.
 */
class SyncLockProcessTest {
  @TempDir
  Path dir;

  @Test
  void syncInAnotherJvm_holdsTheLock_secondSyncRefusedOrWaits_bothMergesKept() throws Exception {
    Files.copy(OkrTest.ROOT.resolve("examples/sync/acme-growth-2026-q3.json"), dir.resolve("cycle.json"));
    Files.copy(OkrTest.ROOT.resolve("examples/sync/conversion.csv"), dir.resolve("conversion.csv"));
    Path cycle = dir.resolve("cycle.json");
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/slow.csv", ex -> {
      asked.countDown();
      try {
        answer.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] b = "t,v\n2026-09-01T08:00:00Z,1.5\n".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    Process other = null;
    try {
      Path slow = dir.resolve("slow.json");
      Files.writeString(slow, """
          {"format": "okr-sources/1", "bindings": [
            {"keyResult": "KR-1", "source": "slow", "kind": "csv", "retries": 0, "timeoutSeconds": 120,
             "query": {"url": "http://127.0.0.1:%d/slow.csv", "timeColumn": "t", "valueColumn": "v"}}
          ]}
          """.formatted(server.getAddress().getPort()));
      Path local = dir.resolve("local.json");
      Files.writeString(local, """
          {"format": "okr-sources/1", "bindings": [
            {"keyResult": "KR-2", "source": "bi-export", "kind": "csv",
             "query": {"file": "conversion.csv", "timeColumn": "measured_at", "valueColumn": "trial_to_paid_pct"}}
          ]}
          """);
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", System.getProperty("java.class.path"), Okr.class.getName(), "sync", cycle.toString(),
          "--sources", slow.toString(), "--as-of", "2026-09-30"));
      Path out = dir.resolve("other.out");
      Path err = dir.resolve("other.err");
      other = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      // the other JVM has the lock once it asks the source for its values
      assertThat(asked.await(90, TimeUnit.SECONDS)).as("the other sync asked for its values").isTrue();
      byte[] before = Files.readAllBytes(cycle);

      OkrTest.Run refused = OkrTest.run("sync", cycle.toString(), "--sources", local.toString(), "--as-of",
          "2026-09-30", "--wait", "0");
      assertThat(refused.code()).isEqualTo(2);
      assertThat(refused.err()).isEqualTo(dir.resolve(".cycle.json.lock") + ": another okr sync of this file still "
          + "holds the lock after 0 s; nothing fetched or written (try again, or --wait longer)\n");
      assertThat(Files.readAllBytes(cycle)).isEqualTo(before);

      CompletableFuture<OkrTest.Run> waiting = CompletableFuture.supplyAsync(() -> OkrTest.run("sync",
          cycle.toString(), "--sources", local.toString(), "--as-of", "2026-09-30", "--wait", "60"));
      Thread.sleep(1500);
      assertThat(waiting).as("the waiting sync has not started while the other holds the lock").isNotDone();
      assertThat(Files.readAllBytes(cycle)).isEqualTo(before);

      answer.countDown();
      assertThat(other.waitFor(90, TimeUnit.SECONDS)).isTrue();
      assertThat(other.exitValue()).as(Files.readString(err)).isEqualTo(0);
      assertThat(Files.readString(out)).contains("KR-1 from slow (csv, bindings[0]): 1 new, 0 already there\n");
      OkrTest.Run second = waiting.get(90, TimeUnit.SECONDS);
      assertThat(second.err()).isEmpty();
      assertThat(second.code()).isEqualTo(0);
      assertThat(second.out()).contains("KR-2 from bi-export (csv, bindings[0]): 5 new, 1 already there\n");

      // both merges are in the file: the other's check-in of KR-1 and this one's five of KR-2
      OkrCycle synced = CycleJson.withDefaults().read(cycle).cycle();
      assertThat(synced.keyResult("KR-1").orElseThrow().checkIns()).extracting(CheckIn::source, CheckIn::value)
          .contains(org.assertj.core.groups.Tuple.tuple("slow", 1.5));
      assertThat(synced.keyResult("KR-2").orElseThrow().checkIns()).filteredOn(c -> "bi-export".equals(c.source()))
          .hasSize(5);
      assertThat(synced.sources()).extracting(s -> s.name()).containsExactly("slow", "bi-export");
    } finally {
      answer.countDown();
      if (other != null && other.isAlive()) {
        other.destroyForcibly();
      }
      server.stop(0);
    }
  }
}
