package dev.tusk.rest.request;

import java.util.List;

/**
 * A boolean combination of filters: {@code or=(a.eq.1,and(b.gt.2,c.lt.3))} is an {@code Or} node
 * holding a leaf and an {@code And} node. Depth is capped by {@link RequestLimits#maxDepth()}.
 */
public sealed interface LogicTree {

  /** {@code [not.]and(...)} or {@code [not.]or(...)}; never empty. */
  record Node(boolean negated, Connective connective, List<LogicTree> children)
      implements LogicTree {
    public Node {
      children = List.copyOf(children);
    }
  }

  /** A single filter inside a logic tree. */
  record Leaf(Filter filter) implements LogicTree {}

  /** The boolean connective of a {@link Node}. */
  enum Connective {
    AND,
    OR
  }
}
