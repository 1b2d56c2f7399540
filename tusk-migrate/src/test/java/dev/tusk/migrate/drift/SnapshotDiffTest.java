package dev.tusk.migrate.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Comparing snapshots without a server: what differs, in which order, and how it reads. */
class SnapshotDiffTest {

  static CatalogObject object(String path, String kind, String... attributes) {
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < attributes.length; i += 2) {
      map.put(attributes[i], attributes[i + 1]);
    }
    return new CatalogObject(path, kind, map);
  }

  static CatalogSnapshot snapshot(CatalogObject... objects) {
    TreeMap<String, CatalogObject> map = new TreeMap<>();
    for (CatalogObject o : objects) {
      map.put(o.path(), o);
    }
    return new CatalogSnapshot(map);
  }

  static List<String> drift(CatalogSnapshot expected, CatalogSnapshot actual) {
    return SnapshotDiff.compare(expected, actual).stream()
        .map(d -> DiffText.line(d, DiffText.DRIFT))
        .toList();
  }

  static final CatalogObject ITEMS = object("table app.items", "table", "owner", "app");
  static final CatalogObject ITEMS_ID =
      object("table app.items column id", "column", "type", "integer", "nullable", "no");
  static final CatalogObject ITEMS_KEY =
      object(
          "table app.items constraint items_pkey", "constraint", "definition", "PRIMARY KEY (id)");

  @Test
  void equalSnapshotsHaveNoDifferences() {
    assertThat(SnapshotDiff.compare(snapshot(ITEMS, ITEMS_ID), snapshot(ITEMS, ITEMS_ID)))
        .isEmpty();
  }

  @Test
  void aChangedAttributeReadsExpectedThenActual() {
    CatalogObject bigint =
        object("table app.items column id", "column", "type", "bigint", "nullable", "no");

    assertThat(drift(snapshot(ITEMS, ITEMS_ID), snapshot(ITEMS, bigint)))
        .containsExactly("table app.items column id: type integer -> bigint");
  }

  @Test
  void anAttributeSetOnOneSideOnlyReadsAsNone() {
    CatalogObject withDefault =
        object(
            "table app.items column id",
            "column",
            "type",
            "integer",
            "nullable",
            "no",
            "default",
            "0");

    assertThat(drift(snapshot(ITEMS, ITEMS_ID), snapshot(ITEMS, withDefault)))
        .containsExactly("table app.items column id: default (none) -> 0");
    assertThat(drift(snapshot(ITEMS, withDefault), snapshot(ITEMS, ITEMS_ID)))
        .containsExactly("table app.items column id: default 0 -> (none)");
  }

  @Test
  void aMissingTableIsOneLineThatCountsItsParts() {
    CatalogObject other = object("table app.items_log", "table", "owner", "app");

    List<Difference> diff =
        SnapshotDiff.compare(snapshot(ITEMS, ITEMS_ID, ITEMS_KEY, other), snapshot(other));

    assertThat(diff).hasSize(1);
    assertThat(diff.get(0).change()).isEqualTo(Difference.Change.REMOVED);
    assertThat(diff.get(0).hidden()).isEqualTo(Map.of("column", 1, "constraint", 1));
    assertThat(DiffText.line(diff.get(0), DiffText.DRIFT))
        .isEqualTo(
            "table app.items: made by the migrations, missing from the database (with 1 column,"
                + " 1 constraint)");
  }

  @Test
  void aPartIsListedWhenItsParentIsOnBothSides() {
    assertThat(drift(snapshot(ITEMS), snapshot(ITEMS, ITEMS_ID, ITEMS_KEY)))
        .containsExactly(
            "table app.items column id: in the database, not made by the migrations (integer)",
            "table app.items constraint items_pkey: in the database, not made by the migrations:"
                + " PRIMARY KEY (id)");
  }

  @Test
  void aNameThatOnlyStartsLikeAnotherIsNotItsPart() {
    // "table app.items_log" sorts right after "table app.items" but is not one of its parts.
    CatalogObject log = object("table app.items_log", "table", "owner", "app");

    assertThat(drift(snapshot(), snapshot(ITEMS, log)))
        .containsExactly(
            "table app.items: in the database, not made by the migrations",
            "table app.items_log: in the database, not made by the migrations");
  }

  @Test
  void differencesComeSortedByObjectSoATablesLinesAreTogether() {
    CatalogObject a = object("table app.a", "table", "owner", "app");
    CatalogObject a2 = object("table app.a", "table", "owner", "other");
    CatalogObject b = object("table app.b", "table", "owner", "app");

    assertThat(drift(snapshot(b, a2), snapshot(a, ITEMS)))
        .containsExactly(
            "table app.a: owner other -> app",
            "table app.b: made by the migrations, missing from the database",
            "table app.items: in the database, not made by the migrations");
  }

  @Test
  void theReplayWordingSaysWhatTheDownFileDid() {
    List<Difference> diff = SnapshotDiff.compare(snapshot(ITEMS), snapshot(ITEMS, ITEMS_ID));

    assertThat(DiffText.line(diff.get(0), DiffText.REPLAY))
        .isEqualTo(
            "table app.items column id: left behind by the down file; it was not there before"
                + " the up file (integer)");
  }
}
