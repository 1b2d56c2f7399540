package dev.tusk.rest.query;

import dev.tusk.rest.request.RowRange;
import java.util.List;
import java.util.Objects;

/**
 * One SELECT of a read, and the model of the whole read: the root's rows, each embedded resource a
 * {@link Child} tree joined laterally. Resolved against the schema cache by the plan stage;
 * rendered to SQL by {@link TreeSql}.
 *
 * @param alias the source's alias, unique in the statement; every reference is qualified by it
 */
public record ReadTree(
    Source source,
    String alias,
    List<Junction> junctions,
    List<Output> outputs,
    List<Child> children,
    List<Cond> conditions,
    List<Sort> order,
    RowRange range) {

  public ReadTree {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(alias, "alias");
    junctions = List.copyOf(junctions);
    outputs = List.copyOf(outputs);
    children = List.copyOf(children);
    conditions = List.copyOf(conditions);
    order = List.copyOf(order);
    Objects.requireNonNull(range, "range");
  }

  /** Whether an aggregate in the select list makes the query GROUP BY the other outputs. */
  public boolean grouped() {
    return outputs.stream().anyMatch(o -> o instanceof Output.Aggregate);
  }

  public ReadTree withRange(RowRange r) {
    return new ReadTree(source, alias, junctions, outputs, children, conditions, order, r);
  }

  public ReadTree withConditions(List<Cond> c) {
    return new ReadTree(source, alias, junctions, outputs, children, c, order, range);
  }

  public ReadTree withoutOrder() {
    return new ReadTree(source, alias, junctions, outputs, children, conditions, List.of(), range);
  }

  public ReadTree withSource(Source s) {
    return new ReadTree(s, alias, junctions, outputs, children, conditions, order, range);
  }
}
