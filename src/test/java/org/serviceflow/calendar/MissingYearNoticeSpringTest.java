package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serviceflow.calendar.CalendarFixture.date;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole application: a step that computes a deadline into 2027 (no data) writes the
 * administrators' notice in its own transaction, once a day, and a rolled-back step writes none.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MissingYearNoticeSpringTest {

  private static final String SUBJECT = "【工作日历】缺少 2027 年法定节假日数据";

  @Autowired Deadlines deadlines;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MockMvc mvc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldWriteTheNoticeOnceADayToTheAdminInboxAndNothingForARolledBackStep() throws Exception {
    // given the engine clock on a day no other test uses
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-03T02:00:00Z")));
    TransactionTemplate step = new TransactionTemplate(transactionManager);
    long before = noticesInAdminInbox();

    // when a step computes a deadline into 2027 and then rolls back
    step.executeWithoutResult(tx -> {
      deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
      tx.setRollbackOnly();
    });
    // then no notice was written
    assertThat(noticesInAdminInbox()).isEqualTo(before);

    // when two steps that commit compute deadlines into 2027 the same day
    Date due = step.execute(tx -> deadlines.workdaysFrom(date("2026-12-30T10:00"), 3));
    step.executeWithoutResult(tx -> deadlines.workdaysFrom(date("2026-12-31T10:00"), 2));
    // then the deadline is computed with weekends only, and exactly one notice reached admin
    assertThat(due).isEqualTo(date("2027-01-04T17:30"));
    assertThat(noticesInAdminInbox()).isEqualTo(before + 1);

    // when the engine clock moves to the next day
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-04T02:00:00Z")));
    step.executeWithoutResult(tx -> deadlines.workdaysFrom(date("2026-12-30T10:00"), 3));
    // then a second notice
    assertThat(noticesInAdminInbox()).isEqualTo(before + 2);
  }

  private long noticesInAdminInbox() throws Exception {
    String body = mvc.perform(get("/api/inbox").header(HttpHeaders.AUTHORIZATION,
            "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<String> subjects = JsonPath.read(body, "$[*].subject");
    return subjects.stream().filter(SUBJECT::equals).count();
  }
}
