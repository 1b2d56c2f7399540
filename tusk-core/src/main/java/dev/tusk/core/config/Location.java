package dev.tusk.core.config;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A place in the config file, 1-based and printed the way compilers print it ({@code
 * tusk.yaml:3:9}), so an editor or a terminal can jump straight to it. snakeyaml's marks are
 * 0-based; this is the one place that converts.
 */
record Location(String file, int line, int column) {

  static Location of(String file, Optional<Mark> mark) {
    return mark.map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(new Location(file, 0, 0));
  }

  static Location of(String file, Node node) {
    return of(file, node.getStartMark());
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
