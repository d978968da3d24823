package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills complaint_closing (V26) for the complaints closed before it existed, from the process history, with the values
 * the complaint reports used to read there: per variable the (only) history row of the case's process instance. A
 * database whose engine tables do not exist yet (a new installation: Flyway may run before the engine creates its
 * schema) has no closed complaint, so there is nothing to copy. A Java migration only because plain SQL cannot skip a
 * statement over a missing table on both H2 and PostgreSQL.
 */
public class V26_1__Complaint_closing_backfill extends BaseJavaMigration {

  /** The copy, also run by ComplaintProcessTest to show it equals what the closing delegate writes. */
  public static final String BACKFILL = """
      insert into complaint_closing (case_id, customer_tier, handling_group, verification, satisfaction,
                                     responsible_person, cause, staff_name, discipline_action, discipline_fine)
      select c.id,
             max(case when v.name_ = 'customerTier' then v.text_ end),
             max(case when v.name_ = 'handlingGroup' then v.text_ end),
             max(case when v.name_ = 'verificationResult' then v.text_ end),
             max(case when v.name_ = 'satisfaction' then v.text_ end),
             max(case when v.name_ = 'responsiblePerson' then v.text_ end),
             max(case when v.name_ = 'cause' then v.text_ end),
             max(case when v.name_ = 'staffName' then v.text_ end),
             max(case when v.name_ = 'disciplineAction' then v.text_ end),
             max(case when v.name_ = 'disciplineFine' then coalesce(v.double_, v.long_) end)
        from service_case c
        left join act_hi_varinst v on v.proc_inst_id_ = c.process_instance_id
             and v.name_ in ('customerTier', 'handlingGroup', 'verificationResult', 'satisfaction',
                             'responsiblePerson', 'cause', 'staffName', 'disciplineAction', 'disciplineFine')
       where c.process_type = 'COMPLAINT' and c.closed_at is not null
       group by c.id""";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!historyExists(connection.getMetaData(), connection.getSchema())) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(BACKFILL);
    }
  }

  /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
  private static boolean historyExists(DatabaseMetaData meta, String schema) throws SQLException {
    for (String name : new String[] {"act_hi_varinst", "ACT_HI_VARINST"}) {
      try (ResultSet tables = meta.getTables(null, schema, name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
