package org.okrengine.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;
import org.okrengine.model.SafeText;

/**
 * The one place Jackson is configured: factories with our limits, and the pretty printer (two spaces, {@code "a": 1},
 * {@code []} for empty arrays, {@code \n} line ends on every platform). Stateless and thread-safe.
 */
final class Jackson {
  private static final DefaultPrettyPrinter PRETTY;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    PRETTY = new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }

  private Jackson() {}

  /**
   * A factory that neither closes what it reads or writes, and enforces {@code maxDocumentLength} (bytes for byte
   * input, chars for char input) and a nesting depth above {@code maxNestingDepth}, as a backstop to our own checks.
   */
  static JsonFactory factory(long maxDocumentLength, int maxNestingDepth) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxDocumentLength(maxDocumentLength)
        .maxNestingDepth(maxNestingDepth == Integer.MAX_VALUE ? maxNestingDepth : maxNestingDepth + 1)
        .maxStringLength((int) Math.min(Integer.MAX_VALUE, Math.max(maxDocumentLength,
            StreamReadConstraints.DEFAULT_MAX_STRING_LEN)))
        .build();
    return JsonFactory.builder()
        .streamReadConstraints(constraints)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();
  }

  /**
   * JSON's escapes, and a backslash, {@code u} and four lower-case hex digits for every other character
   * {@link SafeText#isUnsafe unsafe} to show (DEL, C1, U+2028, U+2029, the bidirectional controls, U+FEFF; a
   * surrogate pair passes): JSON allows those raw, but a JSON Lines reader splitting on U+2028 or U+0085 cuts the line,
   * and a bidirectional control reorders what an editor shows. Decoding gives every character back.
   */
  private static final class Unsafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    Unsafe() {
      ascii[0x7f] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch > 0xffff || Character.isSurrogate((char) ch) || !SafeText.isUnsafe((char) ch)) {
        return null;
      }
      StringBuilder sb = new StringBuilder(6);
      SafeText.appendEscape(sb, (char) ch);
      return new SerializedString(sb.toString());
    }
  }

  private static final CharacterEscapes UNSAFE = new Unsafe();

  /** A generator on {@code out}, pretty-printed or compact, escaping what {@link Unsafe} escapes. */
  static JsonGenerator generator(JsonFactory factory, Writer out, boolean pretty) throws IOException {
    JsonGenerator g = factory.createGenerator(out);
    g.setCharacterEscapes(UNSAFE);
    if (pretty) {
      g.setPrettyPrinter(PRETTY.createInstance());
    }
    return g;
  }
}
