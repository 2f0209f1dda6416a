package io.converge.devinfra;

/** The database and the account one service owns: the account is granted on that database only. */
public record ServiceDatabase(String name, String jdbcUrl, String user, String password) {
}
