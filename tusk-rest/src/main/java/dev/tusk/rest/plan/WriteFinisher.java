package dev.tusk.rest.plan;

import dev.tusk.rest.query.Body;
import dev.tusk.rest.query.Cond;
import dev.tusk.rest.query.Expr;
import dev.tusk.rest.query.Mutation;
import dev.tusk.rest.query.Output;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.query.ReadStatement;
import dev.tusk.rest.query.ReadTree;
import dev.tusk.rest.query.ResponseKind;
import dev.tusk.rest.query.ResponseShape;
import dev.tusk.rest.query.Returning;
import dev.tusk.rest.query.Source;
import dev.tusk.rest.query.SqlStatement;
import dev.tusk.rest.query.WriteStatement;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.request.EmbedPath;
import dev.tusk.rest.request.MediaType;
import dev.tusk.rest.request.NodeParams;
import dev.tusk.rest.request.Preferences;
import dev.tusk.rest.request.RowRange;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target table of one write and what every write does alike: its filters (with {@code
 * limit}/{@code order}, through the rows' ctids), what the mutation returns for the requested
 * {@code return=}, the representation read, and the response shape. max-affected and singular media
 * are checked by the transaction on {@code page_total} before it commits (see {@link QueryPlan}).
 */
final class WriteFinisher {

  private final SchemaCache cache;
  private final PlanSettings settings;
  private final Table table;
  private final Aliases aliases;
  private final String alias;
  private final MediaType media;

  WriteFinisher(
      SchemaCache cache,
      PlanSettings settings,
      Table table,
      Aliases aliases,
      String alias,
      MediaType media) {
    this.cache = cache;
    this.settings = settings;
    this.table = table;
    this.aliases = aliases;
    this.alias = alias;
    this.media = media;
  }

  Table table() {
    return table;
  }

  Aliases aliases() {
    return aliases;
  }

  String alias() {
    return alias;
  }

  /** The root filters on the target; a range limits the rows through a ctid subselect. */
  List<Cond> conditions(ApiRequest req) {
    NodeParams root = req.query().root();
    Scope scope = scope(new Source.Relation(table.name()), alias);
    if (root.range().isAll()) {
      return NodeFilters.conditions(scope, root, Map.of());
    }
    String limited = aliases.fresh(table.name().name());
    Scope ls = scope(new Source.Relation(table.name()), limited);
    ReadTree rows =
        new ReadTree(
            ls.source(),
            limited,
            List.of(),
            List.of(new Output.Value(Expr.ColumnRef.of(limited, "ctid"), Optional.empty(), "ctid")),
            List.of(),
            NodeFilters.conditions(ls, root, Map.of()),
            NodeFilters.order(ls, root, Map.of()),
            root.range());
    return List.of(new Cond.InRows(alias, rows));
  }

  QueryPlan finish(ApiRequest req, Mutation m, ResponseKind kind) {
    Preferences.Return ret = req.preferences().returning().orElse(Preferences.Return.MINIMAL);
    boolean headersOnly = ret == Preferences.Return.HEADERS_ONLY && kind == ResponseKind.CREATE;
    Returning returning =
        switch (ret) {
          case REPRESENTATION -> new Returning.Rows();
          case HEADERS_ONLY ->
              headersOnly ? new Returning.Keys(table.primaryKey()) : new Returning.Count();
          case MINIMAL -> new Returning.Count();
        };
    // Built for every write, as PostgREST plans the read of every write: a select, embed, filter
    // or order that could not be read is an error even when no row is returned.
    Scope scope = scope(new Source.Cte(ReadStatement.ROWS), alias);
    TreeBuilder builder = new TreeBuilder(cache, settings, req.query(), aliases);
    ReadTree read =
        builder.build(scope, req.query().select(), List.of(), List.of(), false, RowRange.all());
    builder.checkAllUsed();
    Optional<ReadTree> representation =
        returning instanceof Returning.Rows ? Optional.of(read) : Optional.empty();
    Body body = representation.isPresent() ? Media.body(media) : new Body.None();
    SqlStatement main = WriteStatement.main(m, returning, representation, body);
    if (media instanceof MediaType.Plan plan) {
      main = ReadStatement.explain(main, plan);
    }
    ResponseShape shape =
        Shapes.of(req, kind, media, 0, representation.isPresent(), headersOnly, false);
    return new QueryPlan(main, false, Optional.empty(), shape);
  }

  private Scope scope(Source source, String a) {
    return new Scope(source, a, Optional.of(table), table.name(), EmbedPath.root());
  }
}
