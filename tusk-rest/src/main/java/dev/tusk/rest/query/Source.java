package dev.tusk.rest.query;

import dev.tusk.rest.schema.QualifiedName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where a read's rows come from; rendered as one FROM item with the tree's alias. */
public sealed interface Source {

  /** A table or view. */
  record Relation(QualifiedName name) implements Source {}

  /** A CTE of the same statement, e.g. the rows a write returned. */
  record Cte(String name) implements Source {}

  /**
   * A function call. A scalar-returning function names its one column {@code scalarColumn}, so the
   * select list can refer to it.
   */
  record Call(QualifiedName function, CallArgs args, Optional<String> scalarColumn)
      implements Source {
    public Call {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(args, "args");
    }
  }

  /** A computed relationship: {@code function(parent.*)} returning the embedded rows. */
  record Computed(QualifiedName function, String parentAlias) implements Source {}

  /** How a call passes its arguments. */
  sealed interface CallArgs {

    /** {@code fn()}. */
    record None() implements CallArgs {}

    /** {@code fn("a" := ?::integer, VARIADIC "v" := ?::text[])}: text values, cast in SQL. */
    record Named(List<Arg> args) implements CallArgs {
      public Named {
        args = List.copyOf(args);
      }
    }

    /**
     * Arguments from one JSON object: {@code json_to_record(?::json) AS "recordAlias"("a" integer)}
     * joined before the call, which reads {@code "recordAlias"."a"}. PostgreSQL converts JSON
     * arrays, objects and scalars to the declared types.
     */
    record FromJson(String json, String recordAlias, List<Param> params) implements CallArgs {
      public FromJson {
        params = List.copyOf(params);
      }
    }

    /** {@code fn(?::type)} or {@code fn("name" := ?::type)}: the whole body as one argument. */
    record Whole(Optional<String> name, String type, String value) implements CallArgs {}
  }

  /** One named argument: its value is text (null for SQL NULL) cast to the declared type. */
  record Arg(String name, String type, boolean variadic, String value) {}

  /** A declared parameter: name, type as format_type prints it, and whether it is VARIADIC. */
  record Param(String name, String type, boolean variadic) {}
}
