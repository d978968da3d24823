package org.serviceflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/inbox and POST /api/inbox/{id}/read, signed in through the real HTTP Basic filter. */
class InboxApiTest extends NotificationSpringTest {

  private static final Map<String, Object> PARAMS =
      Map.of("taskName", "核实投诉", "dueDate", Date.from(Instant.parse("2026-11-05T09:30:00Z")));

  @Test
  void shouldListOnlyTheCallersInboxMessagesNewestFirst() throws Exception {
    // given two messages for kefu1 a minute apart and one for kefu2
    notifications.toUser("TS2611-0401", KEFU1, "common.taskAssigned", PARAMS);
    advanceClock(Duration.ofMinutes(1));
    notifications.toUser("TS2611-0402", KEFU1, "common.deadlineWarning", PARAMS);
    notifications.toUser("TS2611-0403", KEFU2, "common.taskAssigned", PARAMS);

    // when / then
    mvc.perform(as(KEFU1, "demo", get("/api/inbox")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].caseNumber").value("TS2611-0402"))
        .andExpect(jsonPath("$[0].subject").value("【TS2611-0402】办理时限预警：核实投诉"))
        .andExpect(jsonPath("$[0].body").value(startsWith("工单 TS2611-0402 的任务“核实投诉”")))
        .andExpect(jsonPath("$[0].createdAt").value("2026-11-02T10:01:00+08:00"))
        .andExpect(jsonPath("$[0].readAt").isEmpty())
        .andExpect(jsonPath("$[1].caseNumber").value("TS2611-0401"));
    mvc.perform(as(KEFU2, "demo", get("/api/inbox")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].caseNumber").value("TS2611-0403"));
  }

  @Test
  void shouldMarkOwnMessageReadAndAnswerNotFoundForSomeoneElses() throws Exception {
    // given
    notifications.toUser("TS2611-0411", KEFU1, "common.taskAssigned", PARAMS);
    notifications.toUser("TS2611-0412", KEFU2, "common.taskAssigned", PARAMS);
    long mine = inboxRowOf(KEFU1).getId();
    long theirs = inboxRowOf(KEFU2).getId();
    advanceClock(Duration.ofMinutes(5));

    // when / then another user's message is not found and stays unread
    mvc.perform(as(KEFU1, "demo", post("/api/inbox/{id}/read", theirs)))
        .andExpect(status().isNotFound());
    assertThat(inboxRowOf(KEFU2).getReadAt()).isNull();

    // when / then the own message is marked read now
    mvc.perform(as(KEFU1, "demo", post("/api/inbox/{id}/read", mine)))
        .andExpect(status().isNoContent());
    assertThat(inboxRowOf(KEFU1).getReadAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    mvc.perform(as(KEFU1, "demo", get("/api/inbox")))
        .andExpect(jsonPath("$[0].readAt").value("2026-11-02T10:05:00+08:00"));
  }

  @Test
  void shouldRefuseTheInboxWithoutValidLogin() throws Exception {
    notifications.toUser("TS2611-0421", KEFU1, "common.taskAssigned", PARAMS);

    mvc.perform(get("/api/inbox")).andExpect(status().isUnauthorized());
    mvc.perform(as(KEFU1, "wrong", get("/api/inbox"))).andExpect(status().isUnauthorized());
    mvc.perform(post("/api/inbox/{id}/read", inboxRowOf(KEFU1).getId())).andExpect(status().isUnauthorized());
    assertThat(inboxRowOf(KEFU1).getReadAt()).isNull();
  }

  private Notification inboxRowOf(String userId) {
    return rows().stream()
        .filter(row -> row.getChannel() == Channel.INBOX && row.getRecipient().equals(userId))
        .findFirst().orElseThrow();
  }
}
