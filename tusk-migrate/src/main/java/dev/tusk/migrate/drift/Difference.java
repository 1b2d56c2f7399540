package dev.tusk.migrate.drift;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One way two snapshots differ: an object only in the actual one ({@link Change#ADDED}), only in
 * the expected one ({@link Change#REMOVED}), or in both with one attribute different ({@link
 * Change#CHANGED}). For drift, expected is what the migrations make and actual is the database; for
 * a replay check, expected is the schema before an up file and actual the schema after its down
 * file. An added or removed object hides its own parts (a missing table's columns are not listed
 * again): {@code hidden} counts them by kind.
 *
 * @param attribute the attribute that differs (CHANGED only)
 * @param expected its value in the expected snapshot; empty when unset there
 * @param actual its value in the actual snapshot; empty when unset there
 * @param object the whole object (ADDED, REMOVED), for the JSON report
 * @param hidden the parts of an added or removed object, counted by kind
 */
public record Difference(
    Change change,
    String path,
    String kind,
    Optional<String> attribute,
    Optional<String> expected,
    Optional<String> actual,
    Optional<CatalogObject> object,
    SortedMap<String, Integer> hidden) {

  /** How an object differs. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Difference {
    hidden = Collections.unmodifiableSortedMap(new TreeMap<>(hidden));
  }

  /** This added or removed object, with one more part of {@code kind} hidden behind it. */
  Difference hiding(String partKind) {
    SortedMap<String, Integer> more = new TreeMap<>(hidden);
    more.merge(partKind, 1, Integer::sum);
    return new Difference(change, path, kind, attribute, expected, actual, object, more);
  }

  static Difference added(CatalogObject o, Map<String, Integer> hidden) {
    return new Difference(
        Change.ADDED,
        o.path(),
        o.kind(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(o),
        new TreeMap<>(hidden));
  }

  static Difference removed(CatalogObject o, Map<String, Integer> hidden) {
    return new Difference(
        Change.REMOVED,
        o.path(),
        o.kind(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(o),
        new TreeMap<>(hidden));
  }

  static Difference changed(
      CatalogObject o, String attribute, Optional<String> expected, Optional<String> actual) {
    return new Difference(
        Change.CHANGED,
        o.path(),
        o.kind(),
        Optional.of(attribute),
        expected,
        actual,
        Optional.empty(),
        new TreeMap<>());
  }
}
