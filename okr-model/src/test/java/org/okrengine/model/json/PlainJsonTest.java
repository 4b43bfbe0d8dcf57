package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.model.InvalidInputException;
import org.okrengine.model.Problem;

class PlainJsonTest {
  static List<String> problems(String json) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> PlainJson.parse(json));
    assertThat(e).as("no exception for %s", json).isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void parse_object_plainValuesInDocumentOrder() {
    Object v = PlainJson.parse("""
        {"zeta": 1, "alpha": [true, false, null, "s\\u00e9", 2.5, {}, []], "mid": {"b": -0.0, "a": "x"}}
        """);
    assertThat(v).isInstanceOf(LinkedHashMap.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) v;
    assertThat(map.keySet()).containsExactly("zeta", "alpha", "mid");
    assertThat(map.get("zeta")).isEqualTo(1.0);
    assertThat(map.get("alpha")).isEqualTo(List.of(true, false, PlainJson.NULL, "s\u00e9", 2.5, Map.of(), List.of()));
    @SuppressWarnings("unchecked")
    Map<String, Object> mid = (Map<String, Object>) map.get("mid");
    assertThat(mid.keySet()).containsExactly("b", "a");
    assertThat(mid.get("b")).isEqualTo(-0.0);
    assertThat(map.get("absent")).isNull();
  }

  @Test
  void parse_scalarRoots() {
    assertThat(PlainJson.parse(" 3 ")).isEqualTo(3.0);
    assertThat(PlainJson.parse("\"x\"")).isEqualTo("x");
    assertThat(PlainJson.parse("true")).isEqualTo(Boolean.TRUE);
    assertThat(PlainJson.parse("null")).isSameAs(PlainJson.NULL);
    assertThat(PlainJson.NULL).hasToString("null");
    // whole numbers are doubles; beyond 2^53 they round as a double does
    assertThat(PlainJson.parse("12345678901234567890")).isEqualTo(12345678901234567890.0);
    assertThat(PlainJson.parse("1e308")).isEqualTo(1e308);
    assertThat(PlainJson.parse("\uFEFF[1]")).isEqualTo(List.of(1.0));
  }

  @Test
  void parse_malformed_lineAndColumn() {
    // the closing brace is the 9th character of the line
    assertThat(problems("{\"a\": 1,}")).containsExactly(
        "line 1, column 9: unexpected character ('}' (code 125)): was expecting double-quote to start field name");
    // the bad token starts at the 8th character of line 2
    assertThatThrownBy(() -> PlainJson.parse("{\n  \"a\": tru\n}")).isInstanceOf(InvalidInputException.class)
        .hasMessage("1 problem:\nline 2, column 8: unrecognized token 'tru': was expecting"
            + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    assertThat(problems("{\"a\": NaN}")).containsExactly("line 1, column 10: non-standard token 'NaN'");
    assertThat(problems("   ")).containsExactly("document is empty");
  }

  @Test
  void parse_trailingContent_rejected() {
    // the second document starts at the 4th character
    assertThat(problems("{} {}")).containsExactly("line 1, column 4: unexpected content after the end of the document");
  }

  @Test
  void parse_unpairedSurrogates_everyOneListedWithItsPath() {
    assertThat(problems("{\"name\": \"m\\ud800\", \"a\": [\"ok\\ud83d\\ude00\", \"\\udc00\"], \"k\": 1e400}"))
        .containsExactly("name: contains an unpaired surrogate (\\ud800)",
            "a[1]: contains an unpaired surrogate (\\udc00)", "k: must be finite: 1e400");
    assertThat(problems("\"\\ud800\"")).containsExactly("contains an unpaired surrogate (\\ud800)");
    assertThat(PlainJson.parse("\"\\ud83d\\ude00\"")).isEqualTo("\ud83d\ude00");
  }

  @Test
  void parse_duplicateKeysAndNumbersOutOfRange_everyProblemListed() {
    assertThat(problems("{\"a\": {\"b\": 1, \"b\": 2}, \"c\": [{\"d\": 1e400, \"d\": 1}, -1E999], \"a\": 3}"))
        .containsExactly("a.b: duplicate key", "c[0].d: duplicate key", "a: duplicate key",
            "c[0].d: must be finite: 1e400", "c[1]: must be finite: -1E999");
    assertThat(problems("1e400")).containsExactly("must be finite: 1e400");
    // a long number is echoed by its ends and length, not in full (the parser accepts up to 1,000 digits)
    assertThat(problems("[1" + "0".repeat(400) + ", -" + "9".repeat(34) + ".5e999]")).containsExactly(
        "[0]: must be finite: 1000000000000000...0000000000000000 (401 characters)",
        "[1]: must be finite: -999999999999999...9999999999.5e999 (41 characters)");
    // 35 characters are shown as written
    assertThat(problems("1" + "0".repeat(30) + "e999")).containsExactly(
        "must be finite: 1" + "0".repeat(30) + "e999");
    assertThatThrownBy(() -> PlainJson.parse("[1e400]")).hasMessage("1 problem:\n[0]: must be finite: 1e400");
  }

  /**
   * A number other than 0 below a double's range (4.9E-324, Double.MIN_VALUE) reads as 0, a value other than the one
   * written, as one above it reads as infinity: refused as written, with its path (it was read as 0). 0 in any
   * spelling, and the smallest doubles, are read.
   */
  @Test
  void parse_numbersBelowTheRangeOfADouble_refusedAsWritten() {
    assertThat(problems("{\"w\": {\"moved\": -1.65e-400}, \"a\": [0.0000000001e-320, 1e-400, 2.5E-324]}"))
        .containsExactly("w.moved: must be 0 or at least 4.9E-324 in size: -1.65e-400",
            "a[0]: must be 0 or at least 4.9E-324 in size: 0.0000000001e-320",
            "a[1]: must be 0 or at least 4.9E-324 in size: 1e-400");
    // 2.5E-324 rounds up to the least double, 4.9E-324: read, as 1e-310 (a subnormal) is
    List<?> read = (List<?>) PlainJson.parse("[0, -0, 0.0, 0e-400, -0.000E+7, 2.5E-324, 1e-310, 4.9e-324]");
    assertThat(read.subList(0, 5)).allSatisfy(v -> assertThat((double) (Double) v).isZero());
    assertThat(read.subList(5, 8)).isEqualTo(List.of(Double.MIN_VALUE, 1e-310, Double.MIN_VALUE));
  }

  @Test
  void parse_tooDeep_rejected() {
    assertThat(PlainJson.parse("[".repeat(PlainJson.MAX_NESTING_DEPTH) + "]".repeat(PlainJson.MAX_NESTING_DEPTH)))
        .isInstanceOf(List.class);
    // the 65th bracket's 0-based index is 64, its column 65
    assertThat(problems("[".repeat(65) + "]".repeat(65)))
        .containsExactly("line 1, column 65: nesting depth exceeds the limit of 64");
  }

  @Test
  void parse_file_sameAsString(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.json");
    String json = "{\"name\": \"acme\", \"weights\": [0.5, 0.25]}";
    Files.writeString(file, json);
    assertThat(PlainJson.parse(file)).isEqualTo(PlainJson.parse(json));
  }

  @Test
  void parse_fileWithBadUtf8_malformed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.json");
    Files.write(file, "{\"x\": \"a\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> PlainJson.parse(file));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).toString()).startsWith("line 1, column ").contains("invalid UTF-8");
  }

  @Test
  void parse_fileWithOverlongUtf8_rejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.json");
    // C0 AF: an overlong '/', which a lenient decoder reads as "a/"
    Files.write(file, new byte[] {'{', '"', 'x', '"', ':', ' ', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"', '}'});
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> PlainJson.parse(file));
    assertThat(e).isNotNull();
    assertThat(e.problems()).extracting(Problem::toString)
        .containsExactly("line 1, column 9: invalid UTF-8: bytes C0 AF");
  }

  @Test
  void parse_null_rejected() {
    assertThatThrownBy(() -> PlainJson.parse((String) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("text must not be null");
    assertThatThrownBy(() -> PlainJson.parse((Path) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("file must not be null");
  }
}
