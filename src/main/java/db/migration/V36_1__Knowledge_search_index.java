package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The full-text index of the knowledge base (V36) on PostgreSQL: a GIN index over the weighted tsvector of the
 * bigram columns, the very expression {@code KnowledgeSearch} queries. H2 has no text search (the search ranks in
 * Java there), so this is a Java migration: plain SQL cannot run a statement on PostgreSQL only.
 */
public class V36_1__Knowledge_search_index extends BaseJavaMigration {

  /** The document vector; KnowledgeSearch's query must use the same text for the index to serve it. */
  public static final String VECTOR = "(setweight(to_tsvector('simple', title_terms), 'A') || "
      + "setweight(to_tsvector('simple', answer_terms), 'B'))";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE INDEX ix_knowledge_entry_search ON knowledge_entry USING gin (" + VECTOR + ")");
    }
  }
}
