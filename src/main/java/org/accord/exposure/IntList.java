package org.accord.exposure;

import java.util.Arrays;

/** A growable list of primitive ints. Not thread-safe. */
final class IntList {
  private int[] values;
  private int size;

  IntList() {
    this(4);
  }

  IntList(int capacity) {
    values = new int[Math.max(1, capacity)];
  }

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = value;
  }

  int get(int index) {
    return values[index];
  }

  int size() {
    return size;
  }

  boolean removeValue(int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        return true;
      }
    }
    return false;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
