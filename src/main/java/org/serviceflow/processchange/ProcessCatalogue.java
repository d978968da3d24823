package org.serviceflow.processchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The process catalogue (流程清单) and its change records (tables of V7__process_catalogue.sql). Joins the
 * caller's transaction, so inside a delegate the catalogue changes with the engine's state or not at all.
 */
@Service
public class ProcessCatalogue {

  private static final String ENTRY_COLUMNS = "process_key, name, process_level, category, owner_group, current_version, "
      + "version_tag, deployment_id, last_change_case, status, updated_at";
  private static final String CHANGE_COLUMNS = "case_number, process_key, change_type, version_tag, filed_at, "
      + "effective_at, deployment_id, versions";

  private final JdbcTemplate jdbc;

  ProcessCatalogue(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<CatalogueEntry> list() {
    return jdbc.query("select " + ENTRY_COLUMNS + " from process_catalogue order by process_key", ProcessCatalogue::entry);
  }

  public Optional<CatalogueEntry> find(String processKey) {
    return jdbc.query("select " + ENTRY_COLUMNS + " from process_catalogue where process_key = ?", ProcessCatalogue::entry,
        processKey).stream().findFirst();
  }

  /** Filing after approval (归档): the catalogue takes the approved metadata, and the change is recorded. */
  public void file(String caseNumber, String processKey, String name, Integer level, String category, String ownerGroup,
      String changeType, String versionTag, Instant at) {
    ensure(processKey, at);
    jdbc.update("update process_catalogue set name = coalesce(?, name), process_level = coalesce(?, process_level), "
        + "category = coalesce(?, category), owner_group = coalesce(?, owner_group), "
        + "version_tag = coalesce(?, version_tag), last_change_case = ?, updated_at = ? where process_key = ?",
        name, level, category, ownerGroup, versionTag, caseNumber, Timestamp.from(at), processKey);
    if (jdbc.update("update process_catalogue_change set process_key = ?, change_type = ?, version_tag = ?, filed_at = ? "
        + "where case_number = ?", processKey, changeType, versionTag, Timestamp.from(at), caseNumber) == 0) {
      jdbc.update("insert into process_catalogue_change (case_number, process_key, change_type, version_tag, filed_at) "
          + "values (?, ?, ?, ?, ?)", caseNumber, processKey, changeType, versionTag, Timestamp.from(at));
    }
  }

  /** Going live with a deployment: the version new cases start on, and the approval it came from. */
  public void recordDeployment(String caseNumber, String processKey, Integer version, String deploymentId,
      String versions, Instant at) {
    ensure(processKey, at);
    jdbc.update("update process_catalogue set current_version = coalesce(?, current_version), "
        + "deployment_id = coalesce(?, deployment_id), last_change_case = ?, status = ?, updated_at = ? where process_key = ?",
        version, deploymentId, caseNumber, CatalogueEntry.ACTIVE, Timestamp.from(at), processKey);
    jdbc.update("update process_catalogue_change set effective_at = ?, deployment_id = ?, versions = ? where case_number = ?",
        Timestamp.from(at), deploymentId, versions, caseNumber);
  }

  /** Going live with a retirement (废止). */
  public void retire(String caseNumber, String processKey, Instant at) {
    ensure(processKey, at);
    jdbc.update("update process_catalogue set status = ?, last_change_case = ?, updated_at = ? where process_key = ?",
        CatalogueEntry.RETIRED, caseNumber, Timestamp.from(at), processKey);
    jdbc.update("update process_catalogue_change set effective_at = ? where case_number = ?", Timestamp.from(at), caseNumber);
  }

  /** After a start-up deployment: the engine's latest version of a listed process. */
  public void syncVersion(String processKey, String name, int version, String deploymentId, Instant at) {
    jdbc.update("update process_catalogue set name = coalesce(name, ?), current_version = ?, deployment_id = ?, "
        + "updated_at = ? where process_key = ? and (current_version is null or current_version <> ?)",
        name, version, deploymentId, Timestamp.from(at), processKey, version);
  }

  /** The changes filed in a calendar year of the given zone, oldest first. */
  public List<CatalogueChange> changesFiledIn(int year, ZoneId zone) {
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
    return jdbc.query("select " + CHANGE_COLUMNS + " from process_catalogue_change where filed_at >= ? and filed_at < ? "
        + "order by filed_at, id", ProcessCatalogue::change, Timestamp.from(from), Timestamp.from(to));
  }

  private void ensure(String processKey, Instant at) {
    if (find(processKey).isEmpty()) {
      jdbc.update("insert into process_catalogue (process_key, status, updated_at) values (?, ?, ?)",
          processKey, CatalogueEntry.ACTIVE, Timestamp.from(at));
    }
  }

  private static CatalogueEntry entry(ResultSet rs, int row) throws SQLException {
    return new CatalogueEntry(rs.getString("process_key"), rs.getString("name"), integer(rs, "process_level"),
        rs.getString("category"), rs.getString("owner_group"), integer(rs, "current_version"),
        rs.getString("version_tag"), rs.getString("deployment_id"), rs.getString("last_change_case"),
        rs.getString("status"), instant(rs, "updated_at"));
  }

  private static CatalogueChange change(ResultSet rs, int row) throws SQLException {
    return new CatalogueChange(rs.getString("case_number"), rs.getString("process_key"), rs.getString("change_type"),
        rs.getString("version_tag"), instant(rs, "filed_at"), instant(rs, "effective_at"), rs.getString("deployment_id"),
        rs.getString("versions"));
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
