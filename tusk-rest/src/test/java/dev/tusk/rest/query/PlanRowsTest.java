package dev.tusk.rest.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PlanRowsTest {

  private final PlanRows rows = new PlanRows(new ObjectMapper());

  @Test
  void readsTheTopNodesEstimate() {
    assertThat(rows.estimate("[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Plan Rows\": 1234}}]"))
        .hasValue(1234);
  }

  @Test
  void anythingElseIsNoEstimate() {
    assertThat(rows.estimate(null)).isEmpty();
    assertThat(rows.estimate("")).isEmpty();
    assertThat(rows.estimate("not json")).isEmpty();
    assertThat(rows.estimate("[{\"Plan\": {}}]")).isEmpty();
    assertThat(rows.estimate("[{\"Plan\": {\"Plan Rows\": \"12\"}}]")).isEmpty();
    assertThat(rows.estimate("{}")).isEmpty();
  }
}
