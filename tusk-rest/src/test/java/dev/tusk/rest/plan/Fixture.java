package dev.tusk.rest.plan;

import dev.tusk.rest.schema.Cardinality;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Generated;
import dev.tusk.rest.schema.ParamMode;
import dev.tusk.rest.schema.QualifiedName;
import dev.tusk.rest.schema.RelationKind;
import dev.tusk.rest.schema.Relationship;
import dev.tusk.rest.schema.Relationship.ForeignKeyRel;
import dev.tusk.rest.schema.Routine;
import dev.tusk.rest.schema.RoutineParam;
import dev.tusk.rest.schema.RoutineReturn;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import dev.tusk.rest.schema.Volatility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The conformance fixture's schema (plus the shapes of schema/extras.sql the planner needs), built
 * by hand so plans are unit-tested without a server. Mirrors what the loader reads from the
 * fixture; the ITs check the same URLs against the real catalogs.
 */
final class Fixture {

  static final SchemaCache CACHE = build();

  private Fixture() {}

  static QualifiedName content(String name) {
    return new QualifiedName("content", name);
  }

  private static Column col(String name, String type, boolean nullable, String def) {
    return new Column(
        name,
        type,
        type,
        nullable,
        Optional.ofNullable(def),
        Generated.NONE,
        type.endsWith("[]"),
        List.of(),
        OptionalInt.empty(),
        Optional.empty());
  }

  private static Table table(QualifiedName name, List<String> pk, Column... columns) {
    return new Table(
        name, RelationKind.TABLE, List.of(columns), pk, true, true, true, true, Optional.empty());
  }

  private static SchemaCache build() {
    List<Table> tables = new ArrayList<>();
    tables.add(
        table(
            new QualifiedName("identity", "users"),
            List.of("id"),
            col("id", "uuid", false, null),
            col("email", "text", false, null),
            col("display_name", "text", false, null),
            col("created_at", "timestamp with time zone", false, "'2024-01-01'")));
    tables.add(
        table(
            content("categories"),
            List.of("id"),
            col("id", "integer", false, null),
            col("name", "text", false, null),
            col("parent_id", "integer", true, null)));
    tables.add(
        table(
            content("articles"),
            List.of("id"),
            col("id", "bigint", false, null),
            col("owner_id", "uuid", false, null),
            col("category_id", "integer", true, null),
            col("title", "text", false, null),
            col("body", "text", false, "''::text"),
            col("status", "text", false, "'draft'::text"),
            col("tags", "text[]", false, "'{}'::text[]"),
            col("metadata", "jsonb", false, "'{}'::jsonb"),
            col("word_count", "integer", true, null),
            col("published_at", "timestamp with time zone", true, null),
            col("created_at", "timestamp with time zone", false, null),
            col("search", "tsvector", true, null)));
    tables.add(
        table(
            content("comments"),
            List.of("id"),
            col("id", "bigint", false, null),
            col("article_id", "bigint", false, null),
            col("author", "text", false, null),
            col("body", "text", false, null)));
    tables.add(
        table(
            content("labels"),
            List.of("id"),
            col("id", "integer", false, null),
            col("name", "text", false, null)));
    tables.add(
        table(
            content("article_labels"),
            List.of("article_id", "label_id"),
            col("article_id", "bigint", false, null),
            col("label_id", "integer", false, null)));
    tables.add(
        table(
            content("orders"),
            List.of("id"),
            col("id", "integer", false, null),
            col("name", "text", true, null),
            col("billing_address_id", "integer", true, null),
            col("shipping_address_id", "integer", true, null)));
    tables.add(
        table(
            content("addresses"),
            List.of("id"),
            col("id", "integer", false, null),
            col("name", "text", false, null)));
    tables.add(table(content("logs"), List.of(), col("line", "text", true, null)));
    return new SchemaCache(
        List.of("content", "identity"),
        tables,
        Routines.all(),
        relationships(),
        Instant.EPOCH,
        Duration.ZERO);
  }

  private static ForeignKeyRel fk(
      String from, String col, QualifiedName to, String toCol, String name) {
    return new ForeignKeyRel(
        content(from), List.of(col), to, List.of(toCol), name, Cardinality.MANY_TO_ONE, true);
  }

  private static List<Relationship> relationships() {
    List<Relationship> out = new ArrayList<>();
    ForeignKeyRel articleCategory =
        fk("articles", "category_id", content("categories"), "id", "articles_category_id_fkey");
    ForeignKeyRel articleOwner =
        fk(
            "articles",
            "owner_id",
            new QualifiedName("identity", "users"),
            "id",
            "articles_owner_id_fkey");
    ForeignKeyRel commentArticle =
        fk("comments", "article_id", content("articles"), "id", "comments_article_id_fkey");
    ForeignKeyRel junctionArticle =
        fk(
            "article_labels",
            "article_id",
            content("articles"),
            "id",
            "article_labels_article_id_fkey");
    ForeignKeyRel junctionLabel =
        fk("article_labels", "label_id", content("labels"), "id", "article_labels_label_id_fkey");
    ForeignKeyRel parent =
        fk("categories", "parent_id", content("categories"), "id", "categories_parent_id_fkey");
    ForeignKeyRel billing =
        fk("orders", "billing_address_id", content("addresses"), "id", "billing");
    ForeignKeyRel shipping =
        fk("orders", "shipping_address_id", content("addresses"), "id", "shipping");
    for (ForeignKeyRel r :
        List.of(
            articleCategory,
            articleOwner,
            commentArticle,
            junctionArticle,
            junctionLabel,
            parent,
            billing,
            shipping)) {
      out.add(r);
      out.add(r.reversed());
    }
    out.add(
        new Relationship.ManyToMany(
            content("articles"),
            content("article_labels"),
            content("labels"),
            junctionArticle,
            junctionLabel));
    out.add(
        new Relationship.ManyToMany(
            content("labels"),
            content("article_labels"),
            content("articles"),
            junctionLabel,
            junctionArticle));
    out.add(
        new Relationship.Computed(
            content("articles"), content("first_comment"), content("comments"), true));
    out.add(
        new Relationship.Computed(
            content("articles"), content("long_comments"), content("comments"), false));
    return out;
  }

  /** The fixture's functions. */
  static final class Routines {
    private Routines() {}

    static Routine fn(String name, RoutineReturn returns, Volatility v, RoutineParam... params) {
      boolean variadic = List.of(params).stream().anyMatch(p -> p.mode() == ParamMode.VARIADIC);
      return new Routine(content(name), List.of(params), returns, v, variadic, Optional.empty());
    }

    static List<Routine> all() {
      RoutineReturn articlesRows = new RoutineReturn.Composite(content("articles"), true);
      return List.of(
          fn(
              "add",
              new RoutineReturn.Scalar("integer", false),
              Volatility.IMMUTABLE,
              RoutineParam.in("a", "integer"),
              RoutineParam.in("b", "integer")),
          fn(
              "add",
              new RoutineReturn.Scalar("text", false),
              Volatility.IMMUTABLE,
              RoutineParam.in("x", "text"),
              RoutineParam.in("y", "text")),
          fn("search_articles", articlesRows, Volatility.STABLE, RoutineParam.in("q", "text")),
          fn(
              "publish_article",
              new RoutineReturn.Composite(content("articles"), false),
              Volatility.VOLATILE,
              RoutineParam.in("article_id", "bigint")),
          fn("whoami", new RoutineReturn.Scalar("json", false), Volatility.STABLE),
          fn("payment_required", new RoutineReturn.Void(), Volatility.VOLATILE),
          fn(
              "sum_all",
              new RoutineReturn.Scalar("integer", false),
              Volatility.IMMUTABLE,
              new RoutineParam("nums", "integer[]", ParamMode.VARIADIC, false)),
          fn(
              "article_titles",
              new RoutineReturn.Record(true),
              Volatility.STABLE,
              new RoutineParam("min_words", "integer", ParamMode.IN, true),
              new RoutineParam("id", "bigint", ParamMode.TABLE, false),
              new RoutineParam("title", "text", ParamMode.TABLE, false)),
          fn("label_names", new RoutineReturn.Scalar("text", true), Volatility.STABLE),
          fn(
              "split",
              new RoutineReturn.Record(false),
              Volatility.IMMUTABLE,
              RoutineParam.in("s", "text"),
              new RoutineParam("head", "text", ParamMode.OUT, false),
              new RoutineParam("tail", "text", ParamMode.OUT, false)),
          fn(
              "echo",
              new RoutineReturn.Scalar("json", false),
              Volatility.IMMUTABLE,
              RoutineParam.in("", "json")),
          fn(
              "upper_text",
              new RoutineReturn.Scalar("text", false),
              Volatility.IMMUTABLE,
              RoutineParam.in("", "text")),
          fn(
              "take_object",
              new RoutineReturn.Scalar("jsonb", false),
              Volatility.IMMUTABLE,
              RoutineParam.in("payload", "jsonb")));
    }
  }
}
