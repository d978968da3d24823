package org.serviceflow.knowledge;

import db.migration.V36_1__Knowledge_search_index;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the entries that answer a question, best first. The question and the entries are compared as CJK bigrams
 * ({@link Bigrams}): an entry matches when it shares at least one term, and ranks by how many it shares, a term of
 * the title counting more than one of the answer. On PostgreSQL this is the built-in full-text search (the 'simple'
 * configuration over the bigram columns, {@code ts_rank} with weights A for the title and B for the answer, served by
 * the GIN index of V36_1); on H2, which has no text search, the same terms are counted in Java.
 */
@Component
class KnowledgeSearch {

  /** A match: the entry and its rank (higher is better). */
  record Hit(KnowledgeEntry entry, double rank) {
  }

  private static final String VECTOR = V36_1__Knowledge_search_index.VECTOR;

  private final KnowledgeEntryRepository entries;
  private final JdbcTemplate jdbc;
  private final boolean postgres;

  KnowledgeSearch(KnowledgeEntryRepository entries, JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
    this.entries = entries;
    this.jdbc = jdbc;
    try (var connection = dataSource.getConnection()) {
      this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
  }

  /** The best {@code limit} entries for the question; none when it has no searchable term. */
  List<Hit> search(String question, int limit) {
    Set<String> terms = Bigrams.distinct(question);
    if (terms.isEmpty()) {
      return List.of();
    }
    return postgres ? searchInDatabase(terms, limit) : searchInJava(terms, limit);
  }

  private List<Hit> searchInDatabase(Set<String> terms, int limit) {
    // terms are only letters, digits and Han characters: no tsquery operator can come in through them
    String query = String.join(" | ", terms);
    List<Map<String, Object>> rows = jdbc.queryForList("select id, ts_rank(" + VECTOR + ", q) as rank "
        + "from knowledge_entry, to_tsquery('simple', ?) q where " + VECTOR + " @@ q "
        + "order by rank desc, usage_count desc, id limit ?", query, limit);
    Map<Long, KnowledgeEntry> found = entries.findAllById(rows.stream()
        .map(row -> ((Number) row.get("id")).longValue()).toList()).stream()
        .collect(Collectors.toMap(KnowledgeEntry::getId, Function.identity()));
    return rows.stream().map(row -> new Hit(found.get(((Number) row.get("id")).longValue()),
        ((Number) row.get("rank")).doubleValue())).toList();
  }

  private List<Hit> searchInJava(Set<String> terms, int limit) {
    return entries.findAll().stream()
        .map(entry -> new Hit(entry, rank(entry, terms)))
        .filter(hit -> hit.rank() > 0)
        .sorted(Comparator.comparingDouble(Hit::rank).reversed()
            .thenComparing(hit -> -hit.entry().getUsageCount())
            .thenComparing(hit -> hit.entry().getId()))
        .limit(limit)
        .toList();
  }

  /** Shared terms, a title term weighing 1 and an answer term 0.4 (PostgreSQL's default weights of A and B). */
  private static double rank(KnowledgeEntry entry, Set<String> terms) {
    Set<String> title = Set.copyOf(List.of(entry.getTitleTerms().split(" ")));
    Set<String> answer = Set.copyOf(List.of(entry.getAnswerTerms().split(" ")));
    return terms.stream().mapToDouble(term -> (title.contains(term) ? 1.0 : 0) + (answer.contains(term) ? 0.4 : 0))
        .sum();
  }
}
