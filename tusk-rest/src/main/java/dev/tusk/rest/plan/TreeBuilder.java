package dev.tusk.rest.plan;

import dev.tusk.rest.query.Cond;
import dev.tusk.rest.query.Junction;
import dev.tusk.rest.query.Output;
import dev.tusk.rest.query.ReadTree;
import dev.tusk.rest.query.Sort;
import dev.tusk.rest.request.EmbedPath;
import dev.tusk.rest.request.JoinType;
import dev.tusk.rest.request.NodeParams;
import dev.tusk.rest.request.QueryParams;
import dev.tusk.rest.request.RowRange;
import dev.tusk.rest.request.SelectItem;
import dev.tusk.rest.schema.SchemaCache;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the select tree and the per-resource parameters into a {@link ReadTree}: one pass per
 * resource, depth first, resolving embeds through the schema cache. Every parameter path must
 * belong to an embed of the select (PGRST108), which {@link #checkAllUsed} verifies at the end.
 */
final class TreeBuilder {

  private final SchemaCache cache;
  private final PlanSettings settings;
  private final QueryParams query;
  private final Aliases aliases;
  private final Set<EmbedPath> visited = new HashSet<>();
  private final Map<PendingChild, List<Output>> spreadOutputs = new LinkedHashMap<>();

  TreeBuilder(SchemaCache cache, PlanSettings settings, QueryParams query, Aliases aliases) {
    this.cache = cache;
    this.settings = settings;
    this.query = query;
    this.aliases = aliases;
  }

  /**
   * The tree of one resource. {@code filtered} false skips the resource's own filters (the rows of
   * a write are already the filtered ones); {@code range} replaces the URL's range.
   */
  ReadTree build(
      Scope scope,
      List<SelectItem> items,
      List<Junction> junctions,
      List<Cond> link,
      boolean filtered,
      RowRange range) {
    visited.add(scope.path());
    NodeParams params = query.node(scope.path());
    List<Output> outputs = new ArrayList<>();
    // every embed is joined; parameters address the first of a name (all of a name share them)
    List<PendingChild> children = new ArrayList<>();
    Map<String, PendingChild> embeds = new LinkedHashMap<>();
    for (SelectItem item : items) {
      switch (item) {
        case SelectItem.Star star -> outputs.add(new Output.AllColumns(scope.alias()));
        case SelectItem.Column c -> outputs.add(Columns.column(scope, c, settings));
        case SelectItem.CountAll c -> outputs.add(Columns.countAll(c, settings));
        case SelectItem.Embed e -> {
          PendingChild child =
              embed(scope, e.pathName(), e.relation(), e.hint(), e.join(), e.children(), false);
          children.add(child);
          embeds.putIfAbsent(e.pathName(), child);
          if (!e.children().isEmpty()) {
            outputs.add(new Output.Embedded(child.lateral, child.toOne, e.pathName()));
          }
        }
        case SelectItem.Spread s -> {
          PendingChild child =
              embed(scope, s.relation(), s.relation(), s.hint(), s.join(), s.children(), true);
          children.add(child);
          embeds.putIfAbsent(s.relation(), child);
          outputs.addAll(spreadOutputs.remove(child));
        }
      }
    }
    List<Cond> conds = new ArrayList<>(link);
    if (filtered) {
      conds.addAll(NodeFilters.conditions(scope, params, embeds));
    }
    for (PendingChild child : children) {
      if (child.inner) {
        conds.add(new Cond.Related(child.lateral, true));
      }
    }
    List<Sort> order = NodeFilters.order(scope, params, embeds);
    return new ReadTree(
        scope.source(),
        scope.alias(),
        junctions,
        Columns.expandForGrouping(scope, outputs),
        children.stream().map(PendingChild::toChild).toList(),
        conds,
        order,
        range);
  }

  private PendingChild embed(
      Scope parent,
      String name,
      String relation,
      Optional<String> hint,
      Optional<JoinType> join,
      List<SelectItem> items,
      boolean spread) {
    EmbedPath path = parent.path().child(name);
    EmbedLink link = EmbedLink.resolve(cache, aliases, parent, relation, hint, path);
    if (spread && !link.toOne()) {
      throw PlanErrors.spreadNotToOne(parent.name(), relation);
    }
    String lateral = aliases.fresh(parent.alias() + "_" + name);
    ReadTree tree =
        build(
            link.child(),
            items,
            link.junctions(),
            link.conditions(),
            true,
            query.node(path).range());
    boolean inner = join.orElse(JoinType.LEFT) == JoinType.INNER;
    if (!spread) {
      return new PendingChild(name, tree, lateral, link.toOne(), inner);
    }
    Spreads.Lifted lifted = Spreads.lift(tree.outputs(), lateral, link.child().table(), aliases);
    PendingChild child =
        new PendingChild(
            name,
            new ReadTree(
                tree.source(),
                tree.alias(),
                tree.junctions(),
                lifted.childOutputs(),
                tree.children(),
                tree.conditions(),
                tree.order(),
                tree.range()),
            lateral,
            true,
            inner);
    spreadOutputs.put(child, lifted.parentOutputs());
    return child;
  }

  /** PGRST108 for the first parameter path that names no embed of the select. */
  void checkAllUsed() {
    for (EmbedPath path : query.nodes().keySet()) {
      if (visited.contains(path)) {
        continue;
      }
      List<String> segments = path.segments();
      for (int i = 1; i <= segments.size(); i++) {
        if (!visited.contains(new EmbedPath(segments.subList(0, i)))) {
          throw PlanErrors.notEmbedded(segments.get(i - 1));
        }
      }
    }
  }
}
