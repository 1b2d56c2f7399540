package dev.tusk.migrate.drift;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One object of a database's schema as a snapshot sees it: a readable path that names it the same
 * way in every database ({@code table content.products column price}), its kind, and its attributes
 * as text ({@code type → numeric(10,2)}, {@code grant to app_reader → SELECT}). Only names appear,
 * never OIDs, so two databases built by the same migrations give equal objects.
 *
 * @param path schema-qualified, quoted where PostgreSQL would quote; a child's path starts with its
 *     parent's path and a space
 * @param kind {@code table}, {@code column}, {@code index}, {@code function}, ...
 * @param attributes the attributes that are set (absent ones are left out), sorted by name
 */
public record CatalogObject(String path, String kind, SortedMap<String, String> attributes) {

  public CatalogObject {
    attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
  }

  /** Whether {@code other} belongs to this object ({@code table t column c} to {@code table t}). */
  public boolean contains(CatalogObject other) {
    return other.path.startsWith(path + " ");
  }
}
