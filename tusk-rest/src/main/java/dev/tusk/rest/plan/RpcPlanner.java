package dev.tusk.rest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.query.Body;
import dev.tusk.rest.query.Expr;
import dev.tusk.rest.query.Output;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.query.ReadStatement;
import dev.tusk.rest.query.ReadTree;
import dev.tusk.rest.query.ResponseKind;
import dev.tusk.rest.query.ResponseShape;
import dev.tusk.rest.query.Source;
import dev.tusk.rest.query.SqlStatement;
import dev.tusk.rest.request.Action;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.request.EmbedPath;
import dev.tusk.rest.request.MediaType;
import dev.tusk.rest.request.Payload;
import dev.tusk.rest.request.RowRange;
import dev.tusk.rest.schema.Lookup;
import dev.tusk.rest.schema.QualifiedName;
import dev.tusk.rest.schema.Routine;
import dev.tusk.rest.schema.RoutineReturn;
import dev.tusk.rest.schema.RpcPayload;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /rpc/fn}: picks the overload the arguments fit (PGRST202/203), calls it in FROM, and reads
 * the result like a table: functions returning rows get select, filters, order, range and embeds
 * (through the relationships of the table type they return); a scalar is one JSON value (an array
 * of them for SETOF); void returns nothing. GET and HEAD run read-only, so a volatile function
 * writing there fails in PostgreSQL with 25006, as in PostgREST.
 */
final class RpcPlanner {

  private final PayloadReader payloads;
  private final SchemaCache cache;
  private final PlanSettings settings;

  RpcPlanner(PayloadReader payloads, SchemaCache cache, PlanSettings settings) {
    this.payloads = payloads;
    this.cache = cache;
    this.settings = settings;
  }

  QueryPlan plan(ApiRequest req, Action.CallRpc call) {
    MediaType media = Media.choose(req, settings);
    Aliases aliases = new Aliases();
    RpcCall rpc =
        call.method() == Action.RpcMethod.POST
            ? post(req, call.function(), aliases)
            : new RpcCall(
                find(
                    req,
                    call.function(),
                    RpcArguments.names(req.query().rpcArguments()),
                    RpcPayload.QUERY),
                null);
    Routine r = rpc.routine();
    Source.CallArgs args =
        rpc.args() != null ? rpc.args() : RpcArguments.fromQuery(r, req.query().rpcArguments());
    String name = r.name().name();
    String alias = aliases.claim(name);
    RoutineReturn ret = r.returns();
    boolean scalar = ret instanceof RoutineReturn.Scalar || ret instanceof RoutineReturn.Void;
    Source.Call source =
        new Source.Call(r.name(), args, scalar ? Optional.of(name) : Optional.empty());
    boolean head = call.method() == Action.RpcMethod.HEAD;
    ResponseKind kind =
        ret instanceof RoutineReturn.Void ? ResponseKind.RPC_VOID : ResponseKind.RPC;
    ResponseShape shape =
        Shapes.of(req, kind, media, req.query().root().range().offset(), true, false, head);
    RowRange range = ReadPlanner.capped(req.query().root().range(), settings.maxRows());
    if (ret instanceof RoutineReturn.Void) {
      ReadTree tree =
          new ReadTree(
              source, alias, List.of(), List.of(), List.of(), List.of(), List.of(), RowRange.all());
      SqlStatement main = ReadStatement.voidCall(tree);
      if (media instanceof MediaType.Plan plan) {
        main = ReadStatement.explain(main, plan);
      }
      return new QueryPlan(main, call.readOnly(), Optional.empty(), shape);
    }
    if (scalar) {
      Output value = new Output.Value(Expr.ColumnRef.of(alias, name), Optional.empty(), name);
      ReadTree tree =
          new ReadTree(
              source, alias, List.of(), List.of(value), List.of(), List.of(), List.of(), range);
      Body body = head ? new Body.None() : scalarBody(media, ret.setOf(), name);
      return ReadPlanner.finish(
          tree, body, media, req.preferences(), settings, shape, call.readOnly());
    }
    Optional<Table> table = Optional.empty();
    QualifiedName origin = r.name();
    if (ret instanceof RoutineReturn.Composite c) {
      table = cache.table(c.type());
      origin = c.type();
    }
    Scope scope = new Scope(source, alias, table, origin, EmbedPath.root());
    TreeBuilder builder = new TreeBuilder(cache, settings, req.query(), aliases);
    ReadTree tree = builder.build(scope, req.query().select(), List.of(), List.of(), true, range);
    builder.checkAllUsed();
    Body body = head ? new Body.None() : rowsBody(media, ret.setOf());
    return ReadPlanner.finish(
        tree, body, media, req.preferences(), settings, shape, call.readOnly());
  }

  private static Body scalarBody(MediaType media, boolean setOf, String column) {
    Body rows = Media.body(media);
    return switch (rows) {
      case Body.JsonArray a -> setOf ? new Body.ScalarArray(column) : new Body.ScalarValue(column);
      case Body.JsonObject o -> new Body.ScalarValue(column);
      default -> rows;
    };
  }

  /** A function returning one row (not SETOF) answers with that row as an object. */
  private static Body rowsBody(MediaType media, boolean setOf) {
    Body rows = Media.body(media);
    return rows instanceof Body.JsonArray a && !setOf ? new Body.JsonObject(a.stripNulls()) : rows;
  }

  private RpcCall post(ApiRequest req, String function, Aliases aliases) {
    Payload p = req.payload().orElse(new Payload(new MediaType.Json(), new byte[0]));
    RpcPayload kind =
        switch (p.contentType()) {
          case MediaType.Json j -> RpcPayload.JSON;
          case MediaType.UrlEncoded u -> RpcPayload.JSON;
          case MediaType.TextPlain t -> RpcPayload.TEXT;
          case MediaType.TextXml x -> RpcPayload.XML;
          case MediaType.OctetStream o -> RpcPayload.BINARY;
          default -> throw PayloadReader.unsupported(p.contentType());
        };
    if (kind != RpcPayload.JSON) {
      Routine r = find(req, function, List.of(), kind);
      String value = kind == RpcPayload.BINARY ? hex(p.bytes()) : PayloadReader.text(p);
      String type = r.inputs().get(0).type();
      return new RpcCall(r, new Source.CallArgs.Whole(Optional.empty(), type, value));
    }
    JsonNode body =
        p.contentType() instanceof MediaType.UrlEncoded
            ? payloads.object(FormReader.read(PayloadReader.text(p)))
            : payloads.json(p.bytes());
    String json = payloads.write(body);
    if (req.preferences().paramsSingleObject()) {
      Optional<Routine> single = singleJsonParam(req, function);
      if (single.isPresent()) {
        Routine r = single.get();
        String param = r.inputs().get(0).name();
        return new RpcCall(
            r,
            new Source.CallArgs.Whole(
                param.isEmpty() ? Optional.empty() : Optional.of(param),
                r.inputs().get(0).type(),
                json));
      }
    }
    // An array of objects is one call with its first object, as in PostgREST 11 and later
    // (json_to_recordset ... LIMIT 1). Prefer: params=multiple-objects, one call per element, was
    // removed in PostgREST 11.0 and is an unknown preference here too.
    ObjectNode args =
        switch (body) {
          case ObjectNode o -> o;
          case ArrayNode a when !a.isEmpty() && a.get(0) instanceof ObjectNode first -> first;
          default -> payloads.object(Map.of());
        };
    Optional<PlanException> badArray =
        body instanceof ArrayNode a ? PayloadReader.callsProblem(a) : Optional.empty();
    List<String> keys = PayloadReader.fieldNames(args);
    Routine r;
    try {
      r = find(req, function, keys, RpcPayload.JSON);
    } catch (PlanException e) {
      throw badArray.orElse(e);
    }
    if (takesWholeBody(r)) {
      // The one unnamed json parameter takes any JSON, arrays of anything included.
      return new RpcCall(
          r, new Source.CallArgs.Whole(Optional.empty(), r.inputs().get(0).type(), json));
    }
    if (badArray.isPresent()) {
      throw badArray.get();
    }
    return new RpcCall(
        r, RpcArguments.fromJson(r, keys, payloads.write(args), aliases.fresh("pgrst_args")));
  }

  private static boolean takesWholeBody(Routine r) {
    return r.inputs().size() == 1
        && r.inputs().get(0).name().isEmpty()
        && List.of("json", "jsonb").contains(r.inputs().get(0).type());
  }

  private Optional<Routine> singleJsonParam(ApiRequest req, String function) {
    List<Routine> candidates =
        cache.routines(req.schema(), function).stream()
            .filter(r -> r.inputs().size() == 1)
            .filter(r -> List.of("json", "jsonb").contains(r.inputs().get(0).type()))
            .toList();
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  private Routine find(ApiRequest req, String function, List<String> keys, RpcPayload kind) {
    return switch (cache.findRoutine(req.schema(), function, keys, kind)) {
      case Lookup.Found<Routine> f -> f.value();
      case Lookup.Failed<Routine> f -> throw PlanErrors.fail(new PlanError.Lookup(f.error()));
    };
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder("\\x");
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }

  /** The overload to call and, for a POST, its arguments (null: from the query string). */
  private record RpcCall(Routine routine, Source.CallArgs args) {}
}
