package dev.tusk.rest.plan;

import dev.tusk.rest.query.Cond;
import dev.tusk.rest.query.Junction;
import dev.tusk.rest.query.Source;
import dev.tusk.rest.request.EmbedPath;
import dev.tusk.rest.schema.Lookup;
import dev.tusk.rest.schema.Relationship;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import dev.tusk.rest.schema.TableNotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an embedded resource joins its parent, from the one relationship the schema cache resolves
 * for {@code target!hint} (PGRST200/201 otherwise): the child's scope, the junction of a
 * many-to-many, and the join conditions, which go into the child's WHERE (its lateral subquery sees
 * the parent's alias).
 */
record EmbedLink(Scope child, List<Junction> junctions, List<Cond> conditions, boolean toOne) {

  static EmbedLink resolve(
      SchemaCache cache,
      Aliases aliases,
      Scope parent,
      String target,
      Optional<String> hint,
      EmbedPath childPath) {
    Relationship rel =
        switch (cache.resolve(parent.origin(), target, hint)) {
          case Lookup.Found<Relationship> f -> f.value();
          case Lookup.Failed<Relationship> f ->
              throw PlanErrors.fail(new PlanError.Lookup(f.error()));
        };
    Table table =
        cache
            .table(rel.to())
            .orElseThrow(
                () ->
                    PlanErrors.fail(
                        new PlanError.Lookup(new TableNotFound(rel.to(), Optional.empty()))));
    String alias = aliases.fresh(table.name().name());
    List<Junction> junctions = new ArrayList<>();
    List<Cond> link = new ArrayList<>();
    Source source = new Source.Relation(table.name());
    switch (rel) {
      case Relationship.ForeignKeyRel fk -> {
        for (int i = 0; i < fk.fromColumns().size(); i++) {
          link.add(
              new Cond.ColumnsEqual(
                  alias, fk.toColumns().get(i), parent.alias(), fk.fromColumns().get(i)));
        }
      }
      case Relationship.ManyToMany m2m -> {
        String j = aliases.fresh(m2m.junction().name());
        List<Cond> on = new ArrayList<>();
        Relationship.ForeignKeyRel toTarget = m2m.targetKey();
        for (int i = 0; i < toTarget.fromColumns().size(); i++) {
          on.add(
              new Cond.ColumnsEqual(
                  j, toTarget.fromColumns().get(i), alias, toTarget.toColumns().get(i)));
        }
        junctions.add(new Junction(m2m.junction(), j, on));
        Relationship.ForeignKeyRel toSource = m2m.sourceKey();
        for (int i = 0; i < toSource.fromColumns().size(); i++) {
          link.add(
              new Cond.ColumnsEqual(
                  j, toSource.fromColumns().get(i), parent.alias(), toSource.toColumns().get(i)));
        }
      }
      case Relationship.Computed c -> source = new Source.Computed(c.function(), parent.alias());
    }
    Scope child = new Scope(source, alias, Optional.of(table), table.name(), childPath);
    return new EmbedLink(child, junctions, link, rel.cardinality().toOne());
  }
}
