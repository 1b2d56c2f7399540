package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text tables and JSON of each result type. */
class ReportTest {

  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

  private static JsonNode json(MigrateReport r) throws Exception {
    return new ObjectMapper().readTree(r.toJsonText());
  }

  @Test
  void statusTableAndJson() throws Exception {
    StatusResult r =
        new StatusResult(
            List.of(
                new StatusEntry(
                    Optional.of(Version.parse("1")),
                    "create_users",
                    StatusEntry.State.APPLIED,
                    Optional.of(T)),
                new StatusEntry(
                    Optional.of(Version.parse("20260101120000")),
                    "add_email",
                    StatusEntry.State.PENDING,
                    Optional.empty()),
                new StatusEntry(
                    Optional.empty(), "views", StatusEntry.State.CHANGED, Optional.of(T))));
    assertThat(r.toText())
        .isEqualTo(
            """
            VERSION         NAME          STATE    APPLIED AT
            1               create_users  applied  2026-01-02T03:04:05Z
            20260101120000  add_email     pending
            R               views         changed  2026-01-02T03:04:05Z
            1 applied, 1 pending, 1 changed
            """);
    JsonNode j = json(r);
    assertThat(j.get("migrations")).hasSize(3);
    assertThat(j.at("/migrations/0/version").asText()).isEqualTo("1");
    assertThat(j.at("/migrations/0/state").asText()).isEqualTo("applied");
    assertThat(j.at("/migrations/0/applied_at").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(j.at("/migrations/1/applied_at").isNull()).isTrue();
    assertThat(j.at("/migrations/2/type").asText()).isEqualTo("repeatable");
    assertThat(j.at("/migrations/2/version").isNull()).isTrue();
    assertThat(j.at("/counts/pending").asInt()).isEqualTo(1);
    assertThat(new StatusResult(List.of()).toText()).contains("No migrations");
  }

  @Test
  void runResultForARealRunAndADryRun() throws Exception {
    StepReport up =
        new StepReport(
            StepReport.Direction.UP,
            Optional.of(Version.parse("2")),
            "add_email",
            "V2__add_email.up.sql",
            true,
            Optional.of(Duration.ofMillis(12)),
            Optional.empty());
    RunResult run = new RunResult("up", false, List.of(up));
    assertThat(run.toText())
        .contains("DIRECTION  VERSION  NAME       FILE                  TIME")
        .contains("up         2        add_email  V2__add_email.up.sql  12 ms")
        .endsWith("Applied 1 migration(s).\n");
    assertThat(json(run).at("/steps/0/duration_ms").asLong()).isEqualTo(12);
    assertThat(json(run).at("/steps/0/sql").isMissingNode()).isTrue();

    MigrationSet set = Fixtures.set("1");
    Step step = new Step.Down(set.versioned().get(0), set.versioned().get(0).down().orElseThrow());
    RunResult dry =
        new RunResult("down", true, List.of(StepReport.of(step, Optional.empty(), true)));
    assertThat(dry.toText())
        .isEqualTo("-- down V1 m1: V1__m1.down.sql (one transaction)\nSELECT -1;\n");
    JsonNode j = json(dry);
    assertThat(j.get("dry_run").asBoolean()).isTrue();
    assertThat(j.at("/steps/0/sql").asText()).isEqualTo("SELECT -1;");
    assertThat(j.at("/steps/0/direction").asText()).isEqualTo("down");
    assertThat(new RunResult("up", false, List.of()).toText()).contains("up to date");
    assertThat(new RunResult("down", true, List.of()).toText()).contains("Nothing to revert");
  }

  @Test
  void validateRepairAndBaseline() throws Exception {
    ValidateResult bad =
        new ValidateResult(
            List.of(new Problem(Problem.Kind.CHANGED, "V1 a", "edited after it was applied")));
    assertThat(bad.ok()).isFalse();
    assertThat(bad.toText())
        .isEqualTo("V1 a: changed: edited after it was applied\n1 problem(s).\n");
    assertThat(json(bad).get("ok").asBoolean()).isFalse();
    assertThat(json(bad).at("/problems/0/kind").asText()).isEqualTo("changed");
    assertThat(new ValidateResult(List.of()).toText()).startsWith("OK");
    assertThat(json(new ValidateResult(List.of())).get("ok").asBoolean()).isTrue();

    RepairResult repair =
        new RepairResult(
            List.of(
                new RepairAction(
                    RepairAction.Kind.REMOVED_FAILED, Optional.of(Version.parse("3")), "x", "d")));
    assertThat(repair.toText()).contains("V3 x       removed_failed  d");
    assertThat(json(repair).at("/actions/0/action").asText()).isEqualTo("removed_failed");
    assertThat(new RepairResult(List.of()).toText()).isEqualTo("Nothing to repair.\n");

    BaselineResult b = new BaselineResult(Version.parse("5"), T, List.of("V1 a", "V5 b"));
    assertThat(b.toText())
        .isEqualTo("Baselined at version 5. These count as applied: V1 a, V5 b.\n");
    assertThat(json(b).get("covered")).hasSize(2);
  }
}
