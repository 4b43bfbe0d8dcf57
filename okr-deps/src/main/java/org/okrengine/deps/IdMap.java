package org.okrengine.deps;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map from ids to numbers, sorted by id, held as two arrays: what a cascade reports for each of its
 * (possibly many thousands of) affected items without a map entry and a boxed number per item. Thread-safe.
 */
final class IdMap extends AbstractMap<String, Double> {
  private final String[] keys;
  private final double[] values;

  /** Takes ownership of the arrays; {@code keys} must be sorted and distinct. */
  IdMap(String[] keys, double[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** {@code map} itself when it is an {@code IdMap}, else a sorted copy; rejects null keys and values. */
  static IdMap copyOf(Map<String, Double> map) {
    if (map instanceof IdMap) {
      return (IdMap) map;
    }
    String[] k = new String[map.size()];
    int i = 0;
    for (String key : map.keySet()) {
      k[i++] = Objects.requireNonNull(key, "null key");
    }
    Arrays.sort(k);
    double[] v = new double[k.length];
    for (i = 0; i < k.length; i++) {
      v[i] = Objects.requireNonNull(map.get(k[i]), () -> "null value");
    }
    return new IdMap(k, v);
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String && Arrays.binarySearch(keys, key) >= 0;
  }

  @Override
  public Double get(Object key) {
    if (!(key instanceof String)) {
      return null;
    }
    int i = Arrays.binarySearch(keys, key);
    return i >= 0 ? values[i] : null;
  }

  @Override
  public Set<Entry<String, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Entry<String, Double>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Entry<String, Double> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }
    };
  }
}
