package dev.tusk.core.config;

import java.util.List;

/**
 * One entry of a database's {@code grants}: {@code role} gets USAGE on each of {@code schemas}, and
 * the listed privileges on the tables, sequences and functions in them, now and (through default
 * privileges for the database owner) in the future. Privileges are upper-case SQL words ({@code
 * SELECT}, {@code INSERT}, {@code USAGE}, {@code EXECUTE}).
 */
public record GrantConfig(
    String role,
    List<String> schemas,
    List<String> tables,
    List<String> sequences,
    List<String> functions) {}
