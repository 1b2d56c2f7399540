package dev.tusk.rest.openapi;

import static dev.tusk.rest.openapi.OpenApiFixtures.column;
import static dev.tusk.rest.openapi.OpenApiFixtures.foreignKey;
import static dev.tusk.rest.openapi.OpenApiFixtures.notNull;
import static dev.tusk.rest.openapi.OpenApiFixtures.qn;
import static dev.tusk.rest.openapi.OpenApiFixtures.routine;
import static dev.tusk.rest.openapi.OpenApiFixtures.table;
import static dev.tusk.rest.openapi.OpenApiFixtures.view;
import static dev.tusk.rest.openapi.OpenApiFixtures.withFlags;

import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Generated;
import dev.tusk.rest.schema.ParamMode;
import dev.tusk.rest.schema.QualifiedName;
import dev.tusk.rest.schema.Relationship;
import dev.tusk.rest.schema.Routine;
import dev.tusk.rest.schema.RoutineParam;
import dev.tusk.rest.schema.RoutineReturn;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import dev.tusk.rest.schema.Volatility;
import java.util.ArrayList;
import java.util.List;

/** The unit tests' schema. */
final class OpenApiBlog {

  private OpenApiBlog() {}

  /**
   * A small blog in schema {@code api} (and one table in {@code other}) with every column and
   * function shape the writer treats differently.
   */
  static SchemaCache cache() {
    QualifiedName authors = qn("api", "authors");
    QualifiedName posts = qn("api", "posts");
    QualifiedName feed = qn("api", "feed");
    QualifiedName authorCards = qn("api", "author_cards");
    List<Table> tables =
        List.of(
            table(
                authors,
                List.of(
                    notNull("id", "integer"),
                    notNull("name", "text"),
                    column(
                        "email",
                        "character varying(100)",
                        true,
                        null,
                        Generated.NONE,
                        List.of(),
                        100,
                        null),
                    column(
                        "bio", "text", true, null, Generated.NONE, List.of(), null, "About them")),
                List.of("id"),
                "Authors\n\nPeople who write"),
            table(
                posts,
                List.of(
                    column(
                        "id",
                        "bigint",
                        false,
                        null,
                        Generated.IDENTITY_BY_DEFAULT,
                        List.of(),
                        null,
                        null),
                    notNull("author_id", "integer"),
                    column(
                        "title",
                        "character varying(200)",
                        false,
                        null,
                        Generated.NONE,
                        List.of(),
                        200,
                        "The headline"),
                    column(
                        "status",
                        "api.status",
                        false,
                        "'draft'::api.status",
                        Generated.NONE,
                        List.of("draft", "published"),
                        null,
                        null),
                    column(
                        "tags",
                        "text[]",
                        false,
                        "'{}'::text[]",
                        Generated.NONE,
                        List.of(),
                        null,
                        null),
                    Column.of("meta", "jsonb"),
                    column(
                        "score",
                        "numeric(10,2)",
                        true,
                        "1.5",
                        Generated.NONE,
                        List.of(),
                        null,
                        null),
                    column(
                        "published",
                        "boolean",
                        true,
                        "false",
                        Generated.NONE,
                        List.of(),
                        null,
                        null),
                    column(
                        "created",
                        "timestamp with time zone",
                        false,
                        "now()",
                        Generated.NONE,
                        List.of(),
                        null,
                        null),
                    Column.of("ref", "uuid"),
                    Column.of("day", "date"),
                    column(
                        "doubled", "integer", true, null, Generated.STORED, List.of(), null, null)),
                List.of("id"),
                "Posts"),
            view(
                feed,
                List.of(Column.of("id", "bigint"), Column.of("author_id", "integer")),
                List.of("id")),
            view(authorCards, List.of(Column.of("id", "integer")), List.of("id")),
            withFlags(
                table(
                    qn("api", "readonly_things"), List.of(Column.of("x", "text")), List.of(), null),
                false,
                true,
                false),
            table(qn("other", "hidden"), List.of(Column.of("id", "integer")), List.of("id"), null));
    List<Relationship> rels = new ArrayList<>();
    rels.addAll(foreignKey(posts, "author_id", authors, "id", "posts_author_id_fkey"));
    // The view's column reaches both a view and the table: the table wins the note.
    rels.addAll(foreignKey(feed, "author_id", authorCards, "id", "posts_author_id_fkey"));
    rels.addAll(foreignKey(feed, "author_id", authors, "id", "posts_author_id_fkey"));
    List<Routine> routines =
        List.of(
            routine(
                qn("api", "add"),
                List.of(RoutineParam.in("a", "integer"), RoutineParam.in("b", "integer")),
                new RoutineReturn.Scalar("integer", false),
                Volatility.IMMUTABLE,
                "Adds\nTwo numbers"),
            routine(
                qn("api", "add"),
                List.of(
                    RoutineParam.in("x", "text"),
                    new RoutineParam("y", "text", ParamMode.IN, true)),
                new RoutineReturn.Scalar("text", false),
                Volatility.IMMUTABLE,
                null),
            routine(
                qn("api", "bump"),
                List.of(RoutineParam.in("id", "bigint")),
                new RoutineReturn.Composite(posts, true),
                Volatility.VOLATILE,
                null),
            routine(
                qn("api", "sum_all"),
                List.of(new RoutineParam("nums", "integer[]", ParamMode.VARIADIC, false)),
                new RoutineReturn.Scalar("integer", false),
                Volatility.IMMUTABLE,
                null),
            routine(
                qn("api", "echo"),
                List.of(RoutineParam.in("", "json")),
                new RoutineReturn.Scalar("json", false),
                Volatility.IMMUTABLE,
                null),
            routine(
                qn("api", "split"),
                List.of(
                    RoutineParam.in("s", "text"),
                    new RoutineParam("head", "text", ParamMode.OUT, false),
                    new RoutineParam("tail", "text", ParamMode.OUT, false)),
                new RoutineReturn.Record(false),
                Volatility.IMMUTABLE,
                null),
            routine(
                qn("api", "noop"), List.of(), new RoutineReturn.Void(), Volatility.VOLATILE, null),
            routine(
                qn("other", "elsewhere"),
                List.of(),
                new RoutineReturn.Void(),
                Volatility.STABLE,
                null));
    return OpenApiFixtures.cache(List.of("api", "other"), tables, routines, rels);
  }
}
