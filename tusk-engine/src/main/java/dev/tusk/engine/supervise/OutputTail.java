package dev.tusk.engine.supervise;

import java.util.ArrayDeque;
import java.util.List;

/** The last lines a process printed, kept for error messages. */
final class OutputTail {

  private final int capacity;
  private final ArrayDeque<String> lines = new ArrayDeque<>();

  OutputTail(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(String line) {
    if (lines.size() == capacity) {
      lines.removeFirst();
    }
    lines.addLast(line);
  }

  synchronized List<String> last(int n) {
    List<String> all = List.copyOf(lines);
    return all.subList(Math.max(0, all.size() - n), all.size());
  }
}
