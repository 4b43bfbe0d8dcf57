package org.okrengine.model;

/**
 * Free text from a document (titles, notes, tags, names, ids) made safe to show: the one rule every output of the
 * library and the {@code okr} command uses for characters that may not reach a reader as themselves. Such a character
 * would move a terminal's cursor, change its colours, ring its bell, end a line (and so forge the next one), or
 * reorder what is displayed. Stateless and thread-safe.
 */
public final class SafeText {
  private SafeText() {}

  /**
   * Whether {@code c} may not be shown as itself: a control character (C0 with tab and line ends, DEL, C1), a line or
   * paragraph separator (U+2028, U+2029), a bidirectional control (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
   * U+2069), the byte order mark (U+FEFF) or a surrogate. A surrogate is safe only as part of a well-formed pair,
   * which the caller passes through; {@link #printable(String)} does.
   *
   * @param c a UTF-16 code unit
   * @return true when {@code c} must be escaped
   */
  public static boolean isUnsafe(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u061c' || c == '\u200e'
        || c == '\u200f' || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\ufeff'
        || Character.isSurrogate(c);
  }

  /**
   * {@code s} with every character {@link #isUnsafe(char) unsafe} written as a backslash, {@code u} and four lower-case
   * hex digits (an ESC becomes the six characters backslash, u, 0, 0, 1, b); well-formed
   * surrogate pairs are kept. Returns {@code s} itself when nothing needs escaping.
   *
   * @param s text, not null
   * @return the text safe to show on one line
   */
  public static String printable(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (!pair && isUnsafe(c)) {
        if (out == null) {
          out = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        appendEscape(out, c);
      } else if (out != null) {
        out.append(c);
        if (pair) {
          out.append(s.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * Appends {@code c} as a backslash, {@code u} and four lower-case hex digits.
   *
   * @param out where to append
   * @param c the character
   * @return {@code out}
   */
  public static StringBuilder appendEscape(StringBuilder out, char c) {
    out.append('\\').append('u');
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(Character.forDigit((c >> shift) & 0xf, 16));
    }
    return out;
  }
}
