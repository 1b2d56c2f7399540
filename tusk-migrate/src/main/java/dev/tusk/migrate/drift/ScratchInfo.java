package dev.tusk.migrate.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which scratch database a check used, for its report.
 *
 * @param name the database's name
 * @param description how messages name it ({@code scratch database tusk_scratch_…}, or {@code
 *     database ci on db.example.org:5432} when given); never a password
 * @param created whether Tusk made it for the check, and so dropped it afterwards
 */
public record ScratchInfo(String name, String description, boolean created) {

  /** How the text reports say where the migrations ran. */
  String where() {
    return created ? "a scratch database" : description;
  }

  void json(ObjectNode into) {
    ObjectNode s = into.putObject("scratch");
    s.put("name", name);
    s.put("description", description);
    s.put("created", created);
  }
}
