package org.okrengine.deps;

/**
 * A binary min-heap of node numbers in a caller's array, ordered by {@code key[node]}, or by the node number itself
 * when the key is null: no boxing, no allocation per operation. Static helpers; thread-safe as the arrays are.
 */
final class IntHeap {
  private IntHeap() {}

  /** Adds {@code v} to the heap of {@code size} nodes in {@code heap}; returns the new size. */
  static int push(int[] heap, int size, int v, int[] key) {
    int kv = key == null ? v : key[v];
    int i = size;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int p = heap[parent];
      if ((key == null ? p : key[p]) <= kv) {
        break;
      }
      heap[i] = p;
      i = parent;
    }
    heap[i] = v;
    return size + 1;
  }

  /** Removes the smallest node, {@code heap[0]} (read it first); returns the new size. */
  static int pop(int[] heap, int size, int[] key) {
    int last = heap[--size];
    int kl = key == null ? last : key[last];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      int c = heap[child];
      int kc = key == null ? c : key[c];
      if (child + 1 < size) {
        int d = heap[child + 1];
        int kd = key == null ? d : key[d];
        if (kd < kc) {
          child++;
          c = d;
          kc = kd;
        }
      }
      if (kc >= kl) {
        break;
      }
      heap[i] = c;
      i = child;
    }
    if (size > 0) {
      heap[i] = last;
    }
    return size;
  }
}
