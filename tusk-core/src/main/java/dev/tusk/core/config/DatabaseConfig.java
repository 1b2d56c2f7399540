package dev.tusk.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One entry of {@code databases}: reconciled on every start. {@code initSql} scripts run once each,
 * in order, at first bootstrap; {@code grants} become schema usage, table privileges and default
 * privileges for the owner's future objects.
 */
public record DatabaseConfig(
    String name,
    String owner,
    List<String> schemas,
    List<String> extensions,
    List<Path> initSql,
    List<GrantConfig> grants) {}
