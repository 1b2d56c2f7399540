package dev.tusk.rest.plan;

import dev.tusk.rest.query.Child;
import dev.tusk.rest.query.ReadTree;

/**
 * An embed whose tree is built but whose parent's conditions are not yet: whether they test it (and
 * so whether a count must join it) is known only after the parent's filters are resolved.
 */
final class PendingChild {

  final String name;
  final ReadTree tree;
  final String lateral;
  final boolean toOne;
  final boolean inner;
  boolean tested;

  PendingChild(String name, ReadTree tree, String lateral, boolean toOne, boolean inner) {
    this.name = name;
    this.tree = tree;
    this.lateral = lateral;
    this.toOne = toOne;
    this.inner = inner;
  }

  Child toChild() {
    return new Child(tree, lateral, toOne, inner || tested);
  }
}
