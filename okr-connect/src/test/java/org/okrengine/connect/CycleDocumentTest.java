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
