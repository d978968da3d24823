package org.serviceflow.merge;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Repeat calls for the reports: how many contacts were merged into each case (并单) and stay merged (a contact split
 * off is counted by the case started from it, as a case). A merged contact is never a case of its own.
 */
@Service
public class RepeatCalls {

  /** Case numbers per query: a month of a large centre's cases stays far below the databases' parameter limits. */
  private static final int CHUNK = 1000;

  private final NamedParameterJdbcTemplate jdbc;

  RepeatCalls(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The number of repeat calls merged into each of these cases; cases without any are left out. */
  public Map<String, Long> mergedInto(Collection<String> caseNumbers) {
    Map<String, Long> counts = new HashMap<>();
    if (caseNumbers.isEmpty()) {
      return counts;
    }
    List<String> all = List.copyOf(caseNumbers);
    for (int from = 0; from < all.size(); from += CHUNK) {
      count(all.subList(from, Math.min(all.size(), from + CHUNK)), counts);
    }
    return counts;
  }

  private void count(List<String> caseNumbers, Map<String, Long> counts) {
    jdbc.query("select master_case_number, count(*) as repeats from repeat_contact where split_case_number is null "
            + "and master_case_number in (:cases) group by master_case_number",
        Map.of("cases", caseNumbers),
        rs -> {
          counts.put(rs.getString("master_case_number"), rs.getLong("repeats"));
        });
  }
}
