package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.Plans.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.SchemaError;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code Prefer: timezone} is checked against the cache's time zone names, exactly: a known one is
 * carried to the transaction and listed in Preference-Applied for every kind of request; another is
 * dropped, or PGRST122 under handling=strict.
 */
class TimezonePlanTest {

  private static final SchemaCache CACHE =
      Fixture.CACHE.withTimezones(Set.of("UTC", "America/Los_Angeles"));

  private static QueryPlan plan(String method, String url, String body, String prefer) {
    return Plans.PLANNER.plan(
        Plans.request(method, url, body, "Prefer", prefer), CACHE, Plans.SETTINGS);
  }

  @Test
  void aKnownZoneIsCarriedAndApplied() {
    QueryPlan read = plan("GET", "/articles", null, "timezone=America/Los_Angeles, count=exact");
    assertThat(read.timezone()).hasValue("America/Los_Angeles");
    assertThat(read.shape().preferenceApplied())
        .containsExactly("count=exact", "timezone=America/Los_Angeles");
    QueryPlan write =
        plan("POST", "/labels", "{\"id\": 1, \"name\": \"x\"}", "timezone=UTC, return=minimal");
    assertThat(write.timezone()).hasValue("UTC");
    assertThat(write.shape().preferenceApplied()).containsExactly("return=minimal", "timezone=UTC");
    QueryPlan rpc = plan("GET", "/rpc/add?a=1&b=2", null, "timezone=UTC");
    assertThat(rpc.timezone()).hasValue("UTC");
    assertThat(rpc.shape().preferenceApplied()).containsExactly("timezone=UTC");
  }

  @Test
  void anUnknownZoneIsDroppedLeniently() {
    for (String zone : new String[] {"Jupiter/Red_Spot", "utc", "america/los_angeles", "UTC'--"}) {
      QueryPlan p = plan("GET", "/articles", null, "timezone=" + zone);
      assertThat(p.timezone()).as(zone).isEmpty();
      assertThat(p.shape().preferenceApplied()).as(zone).isEmpty();
    }
    // A cache that knows no names (built by hand) applies no zone.
    QueryPlan bare =
        Plans.PLANNER.plan(
            Plans.request("GET", "/articles", null, "Prefer", "timezone=UTC"),
            Fixture.CACHE,
            Plans.SETTINGS);
    assertThat(bare.timezone()).isEmpty();
  }

  @Test
  void anUnknownZoneIsPgrst122UnderStrictHandling() {
    PlanError e =
        error(() -> plan("GET", "/articles", null, "handling=strict, timezone=Mars/Base"));
    assertThat(e.code()).isEqualTo("PGRST122");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.details())
        .hasValue(new SchemaError.Details.Text("Invalid preferences: timezone=Mars/Base"));
    QueryPlan ok = plan("GET", "/articles", null, "handling=strict, timezone=UTC");
    assertThat(ok.shape().preferenceApplied()).containsExactly("handling=strict", "timezone=UTC");
  }
}
