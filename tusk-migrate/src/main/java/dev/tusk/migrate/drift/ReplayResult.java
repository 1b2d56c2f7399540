package dev.tusk.migrate.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code migrate validate --replay}: for each versioned migration, whether its down file gives back
 * the schema from before its up file, on a scratch database; then whether the repeatables apply.
 *
 * @param repeatables how many repeatables were applied after the versions
 * @param repeatableError why applying them failed, if it did
 * @param notes e.g. a scratch database that could not be dropped
 */
public record ReplayResult(
    ScratchInfo scratch,
    List<VersionCheck> versions,
    int repeatables,
    Optional<String> repeatableError,
    List<String> notes) {

  public ReplayResult {
    versions = List.copyOf(versions);
    notes = List.copyOf(notes);
  }

  public boolean ok() {
    return repeatableError.isEmpty() && versions.stream().noneMatch(v -> v.outcome().problem());
  }

  public long problems() {
    return versions.stream().filter(v -> v.outcome().problem()).count()
        + (repeatableError.isPresent() ? 1 : 0);
  }

  ReplayResult withNote(String note) {
    List<String> more = new ArrayList<>(notes);
    more.add(note);
    return new ReplayResult(scratch, versions, repeatables, repeatableError, more);
  }

  public String toText() {
    long checked = versions.stream().filter(v -> v.outcome() == VersionCheck.Outcome.OK).count();
    StringBuilder out = new StringBuilder();
    String where = scratch.where();
    if (ok()) {
      out.append("Replay OK: every down file reverses its up file (")
          .append(checked)
          .append(" version(s) checked in ")
          .append(where);
      out.append(repeatables > 0 ? ", then " + repeatables + " repeatable(s) applied" : "");
      out.append(").\n");
    } else {
      out.append("Replay found ").append(problems()).append(" problem(s) in ").append(where);
      out.append(" (up, down, compare with before, up again for each version):\n");
    }
    for (VersionCheck v : versions) {
      out.append("  ").append(line(v)).append('\n');
      for (Difference d : v.differences()) {
        out.append("    ").append(DiffText.line(d, DiffText.REPLAY)).append('\n');
      }
    }
    repeatableError.ifPresent(e -> out.append("  repeatables: failed: ").append(e).append('\n'));
    for (String n : notes) {
      out.append("note: ").append(n).append('\n');
    }
    return out.toString();
  }

  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("ok", ok());
    scratch.json(root);
    ArrayNode list = root.putArray("versions");
    for (VersionCheck v : versions) {
      ObjectNode o = list.addObject();
      o.put("migration", v.label());
      o.put("up", v.upFile());
      o.put("down", v.downFile());
      o.put("result", v.outcome().json());
      ArrayNode diffs = o.putArray("differences");
      v.differences().forEach(d -> DiffText.json(d, diffs));
      o.put("error", v.error().orElse(null));
    }
    ObjectNode r = root.putObject("repeatables");
    r.put("applied", repeatables);
    r.put("error", repeatableError.orElse(null));
    ArrayNode n = root.putArray("notes");
    notes.forEach(n::add);
    return root;
  }

  private static String line(VersionCheck v) {
    return v.label()
        + ": "
        + switch (v.outcome()) {
          case OK -> "ok";
          case MISSING_DOWN ->
              "no down file: "
                  + v.downFile()
                  + " does not exist, so "
                  + v.upFile()
                  + " cannot be undone";
          case MISMATCH ->
              v.downFile()
                  + " does not reverse "
                  + v.upFile()
                  + ": "
                  + v.differences().size()
                  + " difference(s) from the schema before it";
          case FAILED -> "failed: " + v.error().orElse("");
          case NOT_CHECKED -> "not checked (an earlier version failed the check)";
        };
  }
}
