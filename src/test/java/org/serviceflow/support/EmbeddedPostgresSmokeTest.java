package org.serviceflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresSmokeTest {

  @Test
  void shouldAnswerVersionQuery() throws Exception {
    try (var c = EmbeddedPostgres.postgresDatabase().getConnection();
         ResultSet rs = c.createStatement().executeQuery("select version()")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("PostgreSQL 16");
    }
  }
}
