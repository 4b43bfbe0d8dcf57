package org.okrengine.model.json;

/**
 * A JSON path such as {@code objectives[2].keyResults[0].metric}, built cheaply while reading and turned into text
 * only when a problem names it. Immutable and thread-safe.
 */
final class JsonPath {
  /** The document itself (the empty path). */
  static final JsonPath ROOT = new JsonPath(null, null, -1);

  private final JsonPath parent;
  private final String key;
  private final int index;

  private JsonPath(JsonPath parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  /** The path of field {@code name} of the object here. */
  JsonPath field(String name) {
    return new JsonPath(this, name, -1);
  }

  /** The path of element {@code i} of the array here. */
  JsonPath at(int i) {
    return new JsonPath(this, null, i);
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    append(sb);
    return sb.toString();
  }

  private void append(StringBuilder sb) {
    if (parent == null) {
      return;
    }
    parent.append(sb);
    if (key != null) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(key);
    } else {
      sb.append('[').append(index).append(']');
    }
  }
}
