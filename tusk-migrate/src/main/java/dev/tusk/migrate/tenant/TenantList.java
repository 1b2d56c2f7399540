package dev.tusk.migrate.tenant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.migrate.TextTable;
import dev.tusk.migrate.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code tusk tenant list}: every registered tenant with the version its migrations are at. */
public record TenantList(List<Entry> tenants) {

  /** One tenant and its version (empty when no tenant migration was applied). */
  public record Entry(Tenant tenant, Optional<Version> version) {}

  public TenantList {
    tenants = List.copyOf(tenants);
  }

  public String toText() {
    if (tenants.isEmpty()) {
      return "No tenants: create one with tusk tenant create ID.\n";
    }
    List<List<String>> rows = new ArrayList<>();
    for (Entry e : tenants) {
      Tenant t = e.tenant();
      rows.add(
          List.of(
              t.id().value(),
              t.schema(),
              t.role(),
              e.version().map(Version::toString).orElse("-"),
              t.createdAt().toString(),
              t.createdBy()));
    }
    return TextTable.render(
            List.of("TENANT", "SCHEMA", "ROLE", "VERSION", "CREATED AT", "CREATED BY"), rows)
        + tenants.size()
        + " tenant(s).\n";
  }

  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode list = root.putArray("tenants");
    for (Entry e : tenants) {
      Tenant t = e.tenant();
      ObjectNode o = list.addObject();
      o.put("tenant", t.id().value());
      o.put("schema", t.schema());
      o.put("role", t.role());
      e.version().ifPresentOrElse(v -> o.put("version", v.toString()), () -> o.putNull("version"));
      o.put("created_at", t.createdAt().toString());
      o.put("created_by", t.createdBy());
    }
    return root;
  }
}
