package dev.tusk.migrate.tenant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.core.error.TuskException;
import dev.tusk.migrate.RunResult;
import dev.tusk.migrate.StepReport;
import dev.tusk.migrate.Version;
import java.util.Optional;

/**
 * What one tenant's migrations did: the run, or the error that stopped them. {@code at} is the
 * version the tenant is at afterwards (after a failure, the version it stayed at), read back from
 * the history rather than inferred.
 *
 * @param run present when the run finished (in a dry run: what would run)
 * @param failure present when it did not
 */
public record TenantOutcome(
    TenantId tenant,
    Optional<RunResult> run,
    Optional<TuskException> failure,
    Optional<Version> at) {

  public TenantOutcome {
    if (run.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("an outcome is a run or a failure");
    }
  }

  static TenantOutcome ran(TenantId tenant, RunResult run, Optional<Version> at) {
    return new TenantOutcome(tenant, Optional.of(run), Optional.empty(), at);
  }

  static TenantOutcome failed(TenantId tenant, TuskException e, Optional<Version> at) {
    return new TenantOutcome(tenant, Optional.empty(), Optional.of(e), at);
  }

  public boolean ok() {
    return failure.isEmpty();
  }

  /**
   * One line: {@code tenant acme: applied 2, now at V3}, {@code tenant beta: up to date, at V3},
   * {@code tenant gamma: failed: ... (code); still at V2}, or in a dry run {@code would apply ...}.
   */
  public String line() {
    String where = at.map(v -> "V" + v).orElse("no version applied");
    String what;
    if (failure.isPresent()) {
      TuskException e = failure.get();
      what =
          "failed: "
              + e.getMessage()
              + " ("
              + e.code()
              + "); "
              + (at.isPresent() ? "still at " + where : where);
    } else {
      RunResult r = run.get();
      if (r.steps().isEmpty()) {
        what = "up to date, " + (at.isPresent() ? "at " + where : where);
      } else if (r.dryRun()) {
        what =
            "would apply "
                + r.steps().size()
                + " ("
                + String.join(", ", r.steps().stream().map(StepReport::label).toList())
                + "), "
                + (at.isPresent() ? "at " + where : where);
      } else {
        long repeatable =
            r.steps().stream()
                .filter(s -> s.direction() == StepReport.Direction.REPEATABLE)
                .count();
        what =
            "applied "
                + r.steps().size()
                + (repeatable == 0 ? "" : " (" + repeatable + " repeatable)")
                + ", "
                + (at.isPresent() ? "now at " + where : where);
      }
    }
    return "tenant " + tenant + ": " + what;
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("tenant", tenant.value());
    o.put("ok", ok());
    at.ifPresentOrElse(v -> o.put("version", v.toString()), () -> o.putNull("version"));
    run.ifPresent(r -> o.set("steps", r.toJson().get("steps")));
    failure.ifPresent(e -> o.set("error", error(e)));
    return o;
  }

  static ObjectNode error(TuskException e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("code", e.code());
    o.put("message", e.getMessage());
    e.detail().ifPresent(d -> o.put("detail", d));
    e.hint().ifPresent(h -> o.put("hint", h));
    return o;
  }
}
