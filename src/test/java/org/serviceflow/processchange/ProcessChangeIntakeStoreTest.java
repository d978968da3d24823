package org.serviceflow.processchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The attachment store keeps each submission's files as one set, bytes unchanged, in the caller's transaction. */
@SpringBootTest
@ActiveProfiles("test")
class ProcessChangeIntakeStoreTest {

  @Autowired
  private AttachmentStore store;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private TransactionTemplate transactions;

  @Test
  void shouldLoadTheFilesOfASetInTheirOrderWithTheirBytes() {
    byte[] bpmn = "<definitions>流程</definitions>".getBytes(StandardCharsets.UTF_8);
    byte[] binary = {0, (byte) 0xff, 7, (byte) 0x80};

    String setId = store.save(List.of(new ModelFile("complaint.bpmn", bpmn), new ModelFile("x.form", binary)));
    String otherSet = store.save(List.of(new ModelFile("complaint.bpmn", new byte[] {1})));

    assertThat(setId).isNotEqualTo(otherSet);
    assertThat(store.load(setId)).containsExactly(new ModelFile("complaint.bpmn", bpmn), new ModelFile("x.form", binary));
    assertThat(store.load(otherSet)).containsExactly(new ModelFile("complaint.bpmn", new byte[] {1}));
    assertThat(store.load("no-such-set")).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM process_change_attachment WHERE set_id = ? AND created_at IS NOT NULL",
        Integer.class, setId)).isEqualTo(2);
  }

  @Test
  void shouldStoreNothingWhenTheCallersTransactionRollsBack() {
    String setId = transactions.execute(status -> {
      String id = store.save(List.of(new ModelFile("complaint.bpmn", new byte[] {1, 2})));
      status.setRollbackOnly();
      return id;
    });

    assertThat(store.load(setId)).isEmpty();
  }
}
