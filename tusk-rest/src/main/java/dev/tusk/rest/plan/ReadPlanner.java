package dev.tusk.rest.plan;

import dev.tusk.rest.query.Body;
import dev.tusk.rest.query.Count;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.query.ReadStatement;
import dev.tusk.rest.query.ReadTree;
import dev.tusk.rest.query.ResponseKind;
import dev.tusk.rest.query.ResponseShape;
import dev.tusk.rest.query.Source;
import dev.tusk.rest.query.SqlStatement;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.request.EmbedPath;
import dev.tusk.rest.request.MediaType;
import dev.tusk.rest.request.Preferences;
import dev.tusk.rest.request.RowRange;
import dev.tusk.rest.schema.Lookup;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * GET and HEAD on a table or view: the read tree, its count and its body, in one statement (plus
 * the estimate statement for planned and estimated counts).
 */
final class ReadPlanner {

  private ReadPlanner() {}

  static QueryPlan plan(
      ApiRequest req, String relation, boolean head, SchemaCache cache, PlanSettings settings) {
    MediaType media = Media.choose(req, settings);
    Table table = table(cache, req.schema(), relation);
    Aliases aliases = new Aliases();
    String alias = aliases.claim(table.name().name());
    Scope scope =
        new Scope(
            new Source.Relation(table.name()),
            alias,
            Optional.of(table),
            table.name(),
            EmbedPath.root());
    TreeBuilder builder = new TreeBuilder(cache, settings, req.query(), aliases);
    RowRange range = capped(req.query().root().range(), settings.maxRows());
    ReadTree root = builder.build(scope, req.query().select(), List.of(), List.of(), true, range);
    builder.checkAllUsed();
    ResponseShape shape =
        Shapes.of(req, ResponseKind.READ, media, range.offset(), true, false, head);
    Body body = head ? new Body.None() : Media.body(media);
    return finish(root, body, media, req.preferences(), settings, shape, true);
  }

  /** The main statement (or its EXPLAIN) and the estimate statement for a read-like tree. */
  static QueryPlan finish(
      ReadTree root,
      Body body,
      MediaType media,
      Preferences prefs,
      PlanSettings settings,
      ResponseShape shape,
      boolean readOnly) {
    Count count = new Count.None();
    Optional<SqlStatement> estimate = Optional.empty();
    if (prefs.count().isPresent()) {
      switch (prefs.count().get()) {
        case EXACT -> count = new Count.Exact();
        case PLANNED -> estimate = Optional.of(ReadStatement.estimate(root));
        case ESTIMATED -> {
          if (settings.maxRows().isPresent()) {
            count = new Count.UpTo(settings.maxRows().get());
            estimate = Optional.of(ReadStatement.estimate(root));
          } else {
            count = new Count.Exact();
          }
        }
      }
    }
    SqlStatement main = ReadStatement.main(root, body, count);
    if (media instanceof MediaType.Plan plan) {
      return new QueryPlan(ReadStatement.explain(main, plan), readOnly, Optional.empty(), shape);
    }
    return new QueryPlan(main, readOnly, estimate, shape);
  }

  /** {@code api.max_rows} lowers the root's limit; it never raises one. */
  static RowRange capped(RowRange range, Optional<Integer> maxRows) {
    if (maxRows.isEmpty()) {
      return range;
    }
    long max = maxRows.get();
    long limit = range.limit().isPresent() ? Math.min(range.limit().getAsLong(), max) : max;
    return new RowRange(range.offset(), OptionalLong.of(limit));
  }

  static Table table(SchemaCache cache, String schema, String relation) {
    return switch (cache.findTable(schema, relation)) {
      case Lookup.Found<Table> f -> f.value();
      case Lookup.Failed<Table> f -> throw PlanErrors.fail(new PlanError.Lookup(f.error()));
    };
  }
}
