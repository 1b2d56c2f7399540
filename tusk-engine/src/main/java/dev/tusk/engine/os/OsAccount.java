package dev.tusk.engine.os;

/**
 * The OS account PostgreSQL runs as. When Tusk itself is not root this is simply the current user
 * and nothing is switched; when Tusk is root (PostgreSQL refuses to run as root), it is {@code
 * postgres.os_user}, and every command that touches the data directory is run through {@code
 * setpriv} as that account.
 */
public record OsAccount(String name, int uid, int gid, boolean switched) {}
