package dev.tusk.migrate.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares two snapshots, object by object and attribute by attribute. Pure. The result is sorted
 * by path, so the differences of one table come together, and an added or removed object stands for
 * its parts: a table that is not there is one line, not one per column.
 */
public final class SnapshotDiff {

  private SnapshotDiff() {}

  public static List<Difference> compare(CatalogSnapshot expected, CatalogSnapshot actual) {
    TreeSet<String> paths = new TreeSet<>(expected.objects().keySet());
    paths.addAll(actual.objects().keySet());
    List<Difference> out = new ArrayList<>();
    CatalogObject wholeAdded = null;
    CatalogObject wholeRemoved = null;
    for (String path : paths) {
      Optional<CatalogObject> e = expected.get(path);
      Optional<CatalogObject> a = actual.get(path);
      if (e.isPresent() && a.isPresent()) {
        wholeAdded = null;
        wholeRemoved = null;
        attributes(e.get(), a.get(), out);
        continue;
      }
      CatalogObject o = e.orElseGet(a::orElseThrow);
      CatalogObject parent = e.isPresent() ? wholeRemoved : wholeAdded;
      if (parent != null && parent.contains(o)) {
        // One line for a missing table says its columns are missing too; count them instead.
        out.add(out.removeLast().hiding(o.kind()));
        continue;
      }
      if (e.isPresent()) {
        wholeRemoved = o;
        wholeAdded = null;
        out.add(Difference.removed(o, Map.of()));
      } else {
        wholeAdded = o;
        wholeRemoved = null;
        out.add(Difference.added(o, Map.of()));
      }
    }
    return out;
  }

  private static void attributes(CatalogObject e, CatalogObject a, List<Difference> out) {
    TreeSet<String> names = new TreeSet<>(e.attributes().keySet());
    names.addAll(a.attributes().keySet());
    for (String name : names) {
      Optional<String> ev = Optional.ofNullable(e.attributes().get(name));
      Optional<String> av = Optional.ofNullable(a.attributes().get(name));
      if (!ev.equals(av)) {
        out.add(Difference.changed(e, name, ev, av));
      }
    }
  }
}
