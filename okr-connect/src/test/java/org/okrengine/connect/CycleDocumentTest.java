package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.json.CycleJson;

class CycleDocumentTest {
  @Test
  void rewrite_exampleCycles_byteIdentical() throws Exception {
    Path root = Path.of(System.getProperty("okr.repo.root", "..")).resolve("examples");
    for (String name : List.of("acme-2026-q2.json", "acme-2026-q3.json")) {
      String text = Files.readString(root.resolve(name));
      assertThat(CycleDocument.rewrite(text)).as(name).isEqualTo(text);
    }
  }

  @Test
  void rewrite_aCycleTheLibraryWroteWithUnsafeCharactersInItsText_byteIdenticalAndEscaped() throws Exception {
    // a title with U+2028 (a line separator) and U+202E (a bidirectional override), a note with U+0085 (NEL): the
    // okr-cycle/1 writer writes each as a JSON escape ("\u2028"), and a sync must give the file back byte for byte;
    // before, the sync's writer put the raw characters back, so that okr sync rewrote every such file (and a
    // lastError it recorded went in raw), though docs/FORMAT.md says no output holds them raw
    String hand = Fixtures.CYCLE.replace("\"title\": \"Revenue\"", "\"title\": \"Evil\u2028Line\u202eTitle\"")
        .replace("\"note\": \"by hand\"", "\"note\": \"by\u0085hand\"");
    assertThat(hand).contains("\u2028").contains("\u0085");
    String written = CycleJson.withDefaults().write(CycleJson.withDefaults().read(hand).cycle());
    assertThat(written).contains("Evil\\u2028Line\\u202eTitle").doesNotContain("\u2028").doesNotContain("\u202e");
    assertThat(CycleDocument.rewrite(written)).isEqualTo(written);
    String synced = CycleDocument.withCheckIns(written, Map.of("KR-1", List.of(new CheckIn(
        Instant.parse("2026-07-20T00:00:00Z"), 1.3, null, "from\u2029the source", List.of(), "finance"))));
    assertThat(synced).contains("Evil\\u2028Line\\u202eTitle").contains("from\\u2029the source")
        .doesNotContain("\u2028").doesNotContain("\u2029").doesNotContain("\u202e").doesNotContain("\u0085");
    assertThat(CycleJson.withDefaults().read(synced).cycle().keyResult("KR-1").orElseThrow().title())
        .isEqualTo("Evil\u2028Line\u202eTitle");
  }

  @Test
  void withCheckIns_nothingToAdd_returnsTheSameText() {
    String odd = "{ \"format\" : \"okr-cycle/1\" }";
    assertThat(CycleDocument.withCheckIns(odd, Map.of("KR-1", List.of()))).isSameAs(odd);
  }

  @Test
  void withCheckIns_appendsInTimeOrder_keepsUnknownFieldsAndExistingCheckIns() {
    CheckIn late = new CheckIn(Instant.parse("2026-07-20T00:00:00Z"), 1.3, null, null, List.of(), "finance");
    CheckIn early = new CheckIn(Instant.parse("2026-07-13T00:00:00Z"), 1.2, null, null, List.of(), "finance");
    CheckIn first = CheckIn.of(Instant.parse("2026-07-13T00:00:00Z"), 7);
    String out = CycleDocument.withCheckIns(Fixtures.CYCLE,
        Map.of("KR-1", List.of(late, early), "KR-2", List.of(first)));
    assertThat(out).contains("\"vendorExtension\": {\n    \"kept\": true\n  }")
        .contains("\"customTag\": \"x\"")
        .contains("""
            "checkIns": [
                        {
                          "at": "2026-07-06T00:00:00Z",
                          "value": 1.10,
                          "note": "by hand"
                        },
                        {
                          "at": "2026-07-13T00:00:00Z",
                          "value": 1.2,
                          "source": "finance"
                        },
                        {
                          "at": "2026-07-20T00:00:00Z",
                          "value": 1.3,
                          "source": "finance"
                        }
                      ],
            """.strip());
    var kr2 = CycleJson.withDefaults().read(out).cycle().keyResult("KR-2").orElseThrow();
    assertThat(kr2.checkIns()).containsExactly(first);
    assertThat(CycleJson.withDefaults().read(out).cycle().keyResult("KR-1").orElseThrow().checkIns())
        .hasSize(3);
  }

  @Test
  void withCheckIns_unknownKeyResult_refused() {
    assertThatThrownBy(() -> CycleDocument.withCheckIns(Fixtures.CYCLE,
        Map.of("KR-9", List.of(CheckIn.of(Instant.parse("2026-07-13T00:00:00Z"), 7)))))
        .hasMessage("no key result KR-9 in the cycle");
    assertThatThrownBy(() -> CycleDocument.withCheckIns("[1]",
        Map.of("KR-9", List.of(CheckIn.of(Instant.parse("2026-07-13T00:00:00Z"), 7)))))
        .hasMessage("the cycle must be one JSON object");
  }
}
