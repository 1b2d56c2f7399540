package dev.tusk.rest.request;

import java.util.List;

/**
 * The query parameters that apply to one resource of the request tree (the root or one embed):
 * filters and logic trees (ANDed together), ordering and row range.
 */
public record NodeParams(
    List<Filter> filters, List<LogicTree> logic, List<OrderTerm> order, RowRange range) {

  public NodeParams {
    filters = List.copyOf(filters);
    logic = List.copyOf(logic);
    order = List.copyOf(order);
  }

  public static NodeParams empty() {
    return new NodeParams(List.of(), List.of(), List.of(), RowRange.all());
  }
}
