package dev.tusk.engine.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HbaConfTest {

  private static List<String> rules(String hba) {
    return hba.lines().filter(l -> !l.startsWith("#")).map(l -> l.replaceAll(" +", " ")).toList();
  }

  @Test
  void tlsOnMeansScramOverTlsAndAnExplicitRejectForPlainTcp() {
    List<String> r = rules(HbaConf.renderHba("postgres", "127.0.0.1", true));
    assertThat(r)
        .containsExactly(
            "local all \"postgres\" peer map=tusk",
            "local all all scram-sha-256",
            "hostssl all all 127.0.0.1/32 scram-sha-256",
            "hostssl all all ::1/128 scram-sha-256",
            "hostssl replication all 127.0.0.1/32 scram-sha-256",
            "hostssl replication all ::1/128 scram-sha-256",
            "hostnossl all all 0.0.0.0/0 reject",
            "hostnossl replication all 0.0.0.0/0 reject",
            "hostnossl all all ::/0 reject",
            "hostnossl replication all ::/0 reject");
  }

  @Test
  void neverTrust() {
    for (boolean tls : new boolean[] {true, false}) {
      for (String listen : List.of("127.0.0.1", "*", "10.0.0.5,127.0.0.1")) {
        assertThat(HbaConf.renderHba("postgres", listen, tls)).doesNotContain("trust");
      }
    }
  }

  @Test
  void listeningBeyondLoopbackOpensAllNetworksWithScram() {
    assertThat(rules(HbaConf.renderHba("postgres", "*", true)))
        .contains("hostssl all all 0.0.0.0/0 scram-sha-256", "hostssl all all ::/0 scram-sha-256");
    assertThat(HbaConf.networks("localhost, 127.0.0.2")).containsExactly("127.0.0.1/32", "::1/128");
  }

  @Test
  void tlsOffUsesHostWithScram() {
    List<String> r = rules(HbaConf.renderHba("postgres", "127.0.0.1", false));
    assertThat(r).contains("host all all 127.0.0.1/32 scram-sha-256");
    assertThat(r).noneMatch(l -> l.startsWith("hostnossl") || l.startsWith("hostssl"));
  }

  @Test
  void identMapsTheOsAccountToTheSuperuser() {
    assertThat(HbaConf.renderIdent("alice", "postgres")).endsWith("tusk \"alice\" \"postgres\"\n");
  }

  @Test
  void refusesNamesThatCouldBreakTheFile() {
    for (String bad : List.of("a\"b", "a\nlocal all all trust", "x\ty")) {
      assertThatThrownBy(() -> HbaConf.renderHba(bad, "127.0.0.1", true))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("cannot be used in pg_hba.conf");
    }
  }
}
