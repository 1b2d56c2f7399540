package dev.tusk.rest.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.query.Mutation;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Lookup;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which columns a write sets: {@code columns=} if given (extra body keys ignored), else the first
 * row's keys. Either way each must be a column of the target (PGRST204). Under {@code
 * missing=default} rows lacking some of the columns go to their own batch, which leaves those
 * columns to their defaults; otherwise a missing key inserts NULL.
 */
final class WriteColumns {

  private WriteColumns() {}

  static List<String> choose(
      SchemaCache cache, Table table, Optional<List<String>> columns, Rows rows) {
    List<String> chosen = columns.orElse(rows.keys());
    for (String c : chosen) {
      if (cache.findColumn(table.name(), c) instanceof Lookup.Failed<Column> f) {
        throw PlanErrors.fail(new PlanError.Lookup(f.error()));
      }
    }
    return List.copyOf(new LinkedHashSet<>(chosen));
  }

  static List<Mutation.Batch> batches(
      List<String> columns, Rows rows, boolean missingDefault, Function<ArrayNode, String> json) {
    if (!missingDefault) {
      return List.of(new Mutation.Batch(columns, json.apply(array(rows.rows()))));
    }
    Map<List<String>, List<ObjectNode>> groups = new LinkedHashMap<>();
    for (ObjectNode row : rows.rows()) {
      List<String> present = new ArrayList<>();
      for (String c : columns) {
        if (row.has(c)) {
          present.add(c);
        }
      }
      groups.computeIfAbsent(present, k -> new ArrayList<>()).add(row);
    }
    if (groups.isEmpty()) {
      return List.of(new Mutation.Batch(columns, json.apply(array(List.of()))));
    }
    List<Mutation.Batch> out = new ArrayList<>();
    groups.forEach((cols, group) -> out.add(new Mutation.Batch(cols, json.apply(array(group)))));
    return out;
  }

  static ArrayNode array(List<ObjectNode> rows) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    rows.forEach(a::add);
    return a;
  }
}
