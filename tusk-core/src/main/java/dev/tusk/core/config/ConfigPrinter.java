package dev.tusk.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * {@code tusk config print}: the effective config as tusk.yaml text. Every key is present, with
 * defaults filled in and paths absolute, in a fixed order, so two prints of the same config are
 * byte-identical and diffable. Secrets appear only as {@link Secret#redacted()}. A literal {@code
 * ${} in a value is written as {@code $${}, so the text loads back to the same config (once the
 * redacted secrets are put back).
 */
public final class ConfigPrinter {

  private ConfigPrinter() {}

  public static String print(TuskConfig config) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("cluster", cluster(config.cluster()));
    root.put("postgres", postgres(config.postgres()));
    root.put("databases", config.databases().stream().map(ConfigPrinter::database).toList());
    root.put("roles", config.roles().stream().map(ConfigPrinter::role).toList());
    config.api().ifPresent(api -> root.put("api", ApiPrinter.api(api)));
    config.migrations().ifPresent(m -> root.put("migrations", migrations(m)));
    root.put("admin", admin(config.admin()));
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setSplitLines(false)
            .setWidth(Integer.MAX_VALUE)
            .setDereferenceAliases(true)
            .build();
    Node tree = new StandardRepresenter(settings).represent(root);
    flowScalarLists(tree);
    StringBuilder out = new StringBuilder("# Effective Tusk configuration. Source: ");
    out.append(config.source().map(Path::toString).orElse("none (defaults)").replace('\n', ' '));
    out.append('\n');
    new Dump(settings)
        .dumpNode(
            tree,
            new StreamDataWriter() {
              @Override
              public void write(String str) {
                out.append(str);
              }

              @Override
              public void write(String str, int off, int len) {
                out.append(str, off, off + len);
              }
            });
    return out.toString();
  }

  /** Lists of plain values print on one line ({@code [a, b]}), as tusk.yaml examples write them. */
  private static void flowScalarLists(Node node) {
    switch (node) {
      case SequenceNode seq -> {
        if (seq.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
          seq.setFlowStyle(FlowStyle.FLOW);
        }
        seq.getValue().forEach(ConfigPrinter::flowScalarLists);
      }
      case MappingNode map -> map.getValue().forEach(t -> flowScalarLists(t.getValueNode()));
      default -> {}
    }
  }

  private static Map<String, Object> cluster(ClusterConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", text(c.name()));
    m.put("home", path(c.home()));
    return m;
  }

  private static Map<String, Object> postgres(PostgresConfig p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", p.version());
    m.put("bin_dir", path(p.binDir()));
    m.put("data_dir", path(p.dataDir()));
    m.put("listen", text(p.listen()));
    m.put("port", p.port());
    m.put("os_user", text(p.osUser()));
    m.put("superuser", text(p.superuser()));
    m.put("superuser_password", secret(p.superuserPassword()));
    Map<String, Object> parameters = new LinkedHashMap<>();
    p.parameters().forEach((k, v) -> parameters.put(k, text(v)));
    m.put("parameters", parameters);
    Map<String, Object> tls = new LinkedHashMap<>();
    tls.put("mode", p.tls().mode().name().toLowerCase(java.util.Locale.ROOT));
    tls.put("dir", path(p.tls().dir()));
    tls.put("cert_file", path(p.tls().certFile()));
    tls.put("key_file", path(p.tls().keyFile()));
    tls.put("ca_file", path(p.tls().caFile()));
    m.put("tls", tls);
    return m;
  }

  private static Map<String, Object> database(DatabaseConfig d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", text(d.name()));
    m.put("owner", text(d.owner()));
    m.put("schemas", texts(d.schemas()));
    m.put("extensions", texts(d.extensions()));
    m.put("init_sql", d.initSql().stream().map(ConfigPrinter::path).toList());
    List<Object> grants = new ArrayList<>();
    for (GrantConfig g : d.grants()) {
      Map<String, Object> grant = new LinkedHashMap<>();
      grant.put("role", text(g.role()));
      grant.put("schemas", texts(g.schemas()));
      grant.put("tables", texts(g.tables()));
      grant.put("sequences", texts(g.sequences()));
      grant.put("functions", texts(g.functions()));
      grants.add(grant);
    }
    m.put("grants", grants);
    return m;
  }

  private static Map<String, Object> role(RoleConfig r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", text(r.name()));
    m.put("login", r.login());
    m.put("inherit", r.inherit());
    m.put("password", secret(r.password()));
    m.put("member_of", texts(r.memberOf()));
    m.put("connection_limit", r.connectionLimit());
    return m;
  }

  private static Map<String, Object> migrations(MigrationsConfig m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dir", path(m.dir()));
    out.put("database", text(m.database()));
    out.put("auto_apply", m.autoApply());
    out.put("allow_out_of_order", m.allowOutOfOrder());
    out.put("tenant_dir", path(m.tenantDir()));
    out.put("as_role", text(m.asRole()));
    return out;
  }

  private static Map<String, Object> admin(AdminConfig a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", a.enabled());
    m.put("listen", text(a.listen()));
    m.put("port", a.port());
    return m;
  }

  /** Escapes what the loader would read as a reference. */
  static String text(String s) {
    return s.replace("${", "$${");
  }

  static List<String> texts(List<String> list) {
    return list.stream().map(ConfigPrinter::text).toList();
  }

  static String path(Path p) {
    return text(p.toString());
  }

  static String path(Optional<Path> p) {
    return p.map(ConfigPrinter::path).orElse(null);
  }

  static String secret(Optional<Secret> s) {
    return s.map(Secret::redacted).orElse(null);
  }
}
