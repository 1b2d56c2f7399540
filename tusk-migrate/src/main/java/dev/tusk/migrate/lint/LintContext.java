package dev.tusk.migrate.lint;

import java.util.List;
import java.util.Optional;

/**
 * What the statement checks share while lint walks the files: the catalog, the findings, table
 * sizes, and the current file with its search path.
 */
final class LintContext {

  final Catalog catalog = new Catalog();
  final Findings findings = new Findings();
  final TableSizes sizes;
  final long largeTableRows;
  private Source source;
  private SearchPath path = SearchPath.DEFAULT;

  LintContext(TableSizes sizes, long largeTableRows) {
    this.sizes = sizes;
    this.largeTableRows = largeTableRows;
  }

  void startFile(Source file) {
    this.source = file;
    this.path = SearchPath.DEFAULT;
  }

  Source source() {
    return source;
  }

  void path(SearchPath p) {
    this.path = p;
  }

  /** Where CREATE puts {@code ref}: its schema, else the first on the path; empty if none. */
  Optional<ObjectName> resolveNew(Ref ref) {
    if (ref.schema() != null) {
      return Optional.of(new ObjectName(ref.schema(), ref.name()));
    }
    return path.first().map(s -> new ObjectName(s, ref.name()));
  }

  /** The table {@code ref} names: the first schema on the path where lint knows one, else new. */
  Optional<ObjectName> resolveTable(Ref ref) {
    return resolve(ref, catalog::hasTable);
  }

  Optional<ObjectName> resolveFunction(Ref ref) {
    return resolve(ref, catalog::hasFunction);
  }

  private Optional<ObjectName> resolve(Ref ref, java.util.function.Predicate<ObjectName> known) {
    if (ref.schema() == null) {
      List<String> schemas = path.schemas();
      for (String s : schemas) {
        ObjectName n = new ObjectName(s, ref.name());
        if (known.test(n)) {
          return Optional.of(n);
        }
      }
    }
    return resolveNew(ref);
  }
}
