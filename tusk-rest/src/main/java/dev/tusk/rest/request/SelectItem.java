package dev.tusk.rest.request;

import java.util.List;
import java.util.Optional;

/**
 * One element of {@code select=}. Columns and aggregates are leaves; embeds and spreads carry the
 * select list of the related resource, so the whole parameter is a tree. Names are kept verbatim;
 * whether a name is a column, a computed column or a relationship is the planner's question.
 */
public sealed interface SelectItem {

  /** {@code *}: every column. */
  record Star() implements SelectItem {}

  /**
   * {@code alias:col->json::cast} and the aggregate form {@code alias:col::cast.sum()::cast}. The
   * first cast applies to the column, the second to the aggregate's result.
   */
  record Column(
      Field field,
      Optional<String> alias,
      Optional<String> cast,
      Optional<AggregateFunction> aggregate,
      Optional<String> aggregateCast)
      implements SelectItem {

    public static Column of(String name) {
      return new Column(
          Field.of(name), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** {@code alias:count()::cast}: count of rows, no column. */
  record CountAll(Optional<String> alias, Optional<String> cast) implements SelectItem {}

  /** {@code alias:relation!hint!inner(children)}: a related resource nested under a key. */
  record Embed(
      String relation,
      Optional<String> alias,
      Optional<String> hint,
      Optional<JoinType> join,
      List<SelectItem> children)
      implements SelectItem {
    public Embed {
      children = List.copyOf(children);
    }

    /** The key the embed is reachable by in filters such as {@code alias.col=eq.1}. */
    public String pathName() {
      return alias.orElse(relation);
    }
  }

  /** {@code ...relation!hint(children)}: a related resource's columns lifted into the parent. */
  record Spread(
      String relation, Optional<String> hint, Optional<JoinType> join, List<SelectItem> children)
      implements SelectItem {
    public Spread {
      children = List.copyOf(children);
    }
  }
}
