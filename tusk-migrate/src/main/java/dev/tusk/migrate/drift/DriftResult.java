package dev.tusk.migrate.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code migrate drift}: how the database differs from the schema its applied migrations make.
 * {@link #toText()} is a heading and one line per difference, sorted by object; {@link #toJson()}
 * the same as a stable document. Expected values are the migrations', actual values the database's.
 *
 * @param database the database checked
 * @param scratch the scratch database the migrations were replayed in
 * @param replayed the migrations replayed, in order
 * @param notes what the replay could not match exactly, or a scratch database left behind
 */
public record DriftResult(
    String database,
    ScratchInfo scratch,
    List<String> replayed,
    List<Difference> differences,
    List<String> notes) {

  public DriftResult {
    replayed = List.copyOf(replayed);
    differences = List.copyOf(differences);
    notes = List.copyOf(notes);
  }

  public boolean drift() {
    return !differences.isEmpty();
  }

  DriftResult withNote(String note) {
    List<String> more = new ArrayList<>(notes);
    more.add(note);
    return new DriftResult(database, scratch, replayed, differences, more);
  }

  public String toText() {
    StringBuilder out = new StringBuilder();
    String what = "(" + replayedSummary() + ")";
    if (drift()) {
      out.append("Drift: database ").append(database).append(" differs from its migrations in ");
      out.append(differences.size()).append(" place(s) ").append(what).append(":\n");
      for (Difference d : differences) {
        out.append("  ").append(DiffText.line(d, DiffText.DRIFT)).append('\n');
      }
    } else {
      out.append("No drift: database ").append(database).append(" matches its migrations ");
      out.append(what).append(".\n");
    }
    for (String n : notes) {
      out.append("note: ").append(n).append('\n');
    }
    return out.toString();
  }

  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("drift", drift());
    root.put("database", database);
    scratch.json(root);
    ArrayNode r = root.putArray("replayed");
    replayed.forEach(r::add);
    ArrayNode list = root.putArray("differences");
    differences.forEach(d -> DiffText.json(d, list));
    ArrayNode n = root.putArray("notes");
    notes.forEach(n::add);
    return root;
  }

  public String toJsonText() {
    return toJson().toPrettyString();
  }

  private String replayedSummary() {
    long versions = replayed.stream().filter(l -> l.startsWith("V")).count();
    long repeatables = replayed.size() - versions;
    if (replayed.isEmpty()) {
      return "no migration applied, none replayed";
    }
    return versions
        + " version(s)"
        + (repeatables > 0 ? " and " + repeatables + " repeatable(s)" : "")
        + " replayed in "
        + scratch.where();
  }
}
