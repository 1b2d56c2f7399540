package dev.tusk.rest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.query.Mutation;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.query.ResponseKind;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.request.Filter;
import dev.tusk.rest.request.MediaType;
import dev.tusk.rest.request.NodeParams;
import dev.tusk.rest.request.Operation;
import dev.tusk.rest.request.Operator;
import dev.tusk.rest.request.Preferences;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST, PATCH, PUT and DELETE on a table or view: the mutation, what it returns, and the
 * representation read over the returned rows (see {@link WriteFinisher}).
 */
final class WritePlanner {

  private final PayloadReader payloads;
  private final SchemaCache cache;
  private final PlanSettings settings;

  WritePlanner(PayloadReader payloads, SchemaCache cache, PlanSettings settings) {
    this.payloads = payloads;
    this.cache = cache;
    this.settings = settings;
  }

  QueryPlan insert(ApiRequest req, String relation) {
    WriteFinisher t = target(req, relation);
    Preferences p = req.preferences();
    Rows rows = payloads.rows(req.payload(), req.query().columns().isEmpty());
    List<String> columns = WriteColumns.choose(cache, t.table(), req.query().columns(), rows);
    boolean missingDefault =
        p.missing().orElse(Preferences.Missing.NULL) == Preferences.Missing.DEFAULT;
    Optional<Mutation.OnConflict> conflict =
        p.resolution().map(r -> onConflict(t.table(), req.query().onConflict(), r));
    Mutation m =
        new Mutation.Insert(
            t.table().name(),
            t.alias(),
            t.aliases().fresh("pgrst_payload"),
            WriteColumns.batches(columns, rows, missingDefault, payloads::write),
            conflict);
    return t.finish(req, m, ResponseKind.CREATE);
  }

  QueryPlan update(ApiRequest req, String relation) {
    WriteFinisher t = target(req, relation);
    Rows rows = payloads.rows(req.payload(), req.query().columns().isEmpty());
    List<String> columns = WriteColumns.choose(cache, t.table(), req.query().columns(), rows);
    Mutation m =
        columns.isEmpty()
            ? new Mutation.Nothing(t.table().name(), t.alias())
            : new Mutation.Update(
                t.table().name(),
                t.alias(),
                t.aliases().fresh("pgrst_payload"),
                columns,
                payloads.write(WriteColumns.array(rows.rows())),
                t.conditions(req));
    return t.finish(req, m, ResponseKind.UPDATE);
  }

  QueryPlan delete(ApiRequest req, String relation) {
    WriteFinisher t = target(req, relation);
    Mutation m = new Mutation.Delete(t.table().name(), t.alias(), t.conditions(req));
    return t.finish(req, m, ResponseKind.DELETE);
  }

  /**
   * PUT: the filters must be {@code eq} on every primary-key column and nothing else (PGRST105),
   * the body one object agreeing with them (PGRST115); then an insert that replaces on conflict.
   */
  QueryPlan put(ApiRequest req, String relation) {
    WriteFinisher t = target(req, relation);
    List<String> pk = t.table().primaryKey();
    Map<String, String> keys = keyFilters(req.query().root(), pk);
    Rows rows = payloads.rows(req.payload(), true);
    if (rows.rows().size() != 1) {
      throw PlanErrors.invalidBody(
          PayloadReader.INVALID_JSON, "PUT takes exactly one object, got " + rows.rows().size());
    }
    ObjectNode row = rows.rows().get(0);
    for (String column : pk) {
      JsonNode value = row.get(column);
      if (value == null || value.isNull() || !text(value).equals(keys.get(column))) {
        throw PlanErrors.putMismatch();
      }
    }
    List<String> columns = WriteColumns.choose(cache, t.table(), req.query().columns(), rows);
    Mutation m =
        new Mutation.Insert(
            t.table().name(),
            t.alias(),
            t.aliases().fresh("pgrst_payload"),
            WriteColumns.batches(columns, rows, false, payloads::write),
            Optional.of(new Mutation.OnConflict(pk, true)));
    return t.finish(req, m, ResponseKind.UPSERT);
  }

  private static Map<String, String> keyFilters(NodeParams root, List<String> pk) {
    if (pk.isEmpty() || !root.logic().isEmpty()) {
      throw PlanErrors.invalidPut();
    }
    Map<String, String> keys = new LinkedHashMap<>();
    for (Filter f : root.filters()) {
      if (f.negated()
          || f.field().hasJsonPath()
          || !(f.operation() instanceof Operation.Compare c)
          || c.operator() != Operator.EQ
          || c.quantifier().isPresent()
          || !pk.contains(f.field().name())
          || keys.put(f.field().name(), c.value()) != null) {
        throw PlanErrors.invalidPut();
      }
    }
    if (!keys.keySet().equals(new HashSet<>(pk))) {
      throw PlanErrors.invalidPut();
    }
    return keys;
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.toString();
  }

  private static Mutation.OnConflict onConflict(
      Table table, Optional<List<String>> columns, Preferences.Resolution resolution) {
    List<String> target = columns.orElse(table.primaryKey());
    boolean merge = resolution == Preferences.Resolution.MERGE_DUPLICATES;
    if (target.isEmpty() && merge) {
      throw PlanErrors.notImplemented(
          "resolution=merge-duplicates needs on_conflict= or a primary key on '"
              + table.name().name()
              + "'");
    }
    return new Mutation.OnConflict(target, merge);
  }

  private WriteFinisher target(ApiRequest req, String relation) {
    MediaType media = Media.choose(req, settings);
    Table table = ReadPlanner.table(cache, req.schema(), relation);
    Aliases aliases = new Aliases();
    String alias = aliases.claim(table.name().name());
    return new WriteFinisher(cache, settings, table, aliases, alias, media);
  }
}
