package io.converge.devinfra;

/**
 * A MySQL-compatible server and an account allowed to create databases and users on it.
 *
 * @param host          host the services connect to
 * @param port          its port
 * @param adminUser     an account with CREATE and GRANT rights
 * @param adminPassword its password
 * @param kind          how it was found, for the logs
 */
public record DatabaseServer(String host, int port, String adminUser, String adminPassword, String kind) {

  public String jdbcUrl(String database) {
    return "jdbc:mysql://" + host + ":" + port + "/" + database
        + "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&useLocalSessionState=true"
        + "&cachePrepStmts=true&useLocalTransactionState=true";
  }
}
