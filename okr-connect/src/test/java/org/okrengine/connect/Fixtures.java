package org.okrengine.connect;

import java.nio.file.Path;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;

/** A small cycle for the tests: two key results, one with check-ins, and a field the model does not know. */
final class Fixtures {
  static final String CYCLE = """
      {
        "format": "okr-cycle/1",
        "cycle": {
          "id": "T-1",
          "start": "2026-07-01",
          "end": "2026-09-30",
          "zone": "Europe/Oslo"
        },
        "vendorExtension": {
          "kept": true
        },
        "teams": [
          {
            "id": "t",
            "name": "Team"
          }
        ],
        "objectives": [
          {
            "id": "O-1",
            "title": "Grow",
            "team": "t",
            "keyResults": [
              {
                "id": "KR-1",
                "title": "Revenue",
                "team": "t",
                "metric": {
                  "baseline": 1.0,
                  "target": 2.0,
                  "direction": "increase",
                  "unit": "M EUR"
                },
                "checkIns": [
                  {
                    "at": "2026-07-06T00:00:00Z",
                    "value": 1.10,
                    "note": "by hand"
                  }
                ],
                "customTag": "x"
              },
              {
                "id": "KR-2",
                "title": "Signups",
                "team": "t",
                "metric": {
                  "baseline": 0,
                  "target": 100,
                  "direction": "increase"
                }
              }
            ]
          }
        ]
      }
      """;

  private Fixtures() {}

  static OkrCycle cycle() {
    return CycleJson.withDefaults().read(CYCLE).cycle();
  }

  static Sources sources(String json) {
    return SourcesJson.read(json, Path.of("/tmp"));
  }
}
