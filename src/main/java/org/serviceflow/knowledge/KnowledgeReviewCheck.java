package org.serviceflow.knowledge;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.serviceflow.calendar.WorkingDayCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once an entry's review date has passed (the day after it has begun, in the calendar zone), its owner group gets a
 * task 知识条目复核 in Tasklist, due the next working day, once per review date: a Camunda standalone task, since the
 * review is one step without a flow (the owner checks the answer and saves it with a new review date, which closes the
 * task). Checked every {@code serviceflow.knowledge.review-check} (1 hour); safe on several nodes, since an entry
 * takes its task in one conditional update.
 */
@Component
class KnowledgeReviewCheck {

  static final String TASK_NAME = "知识条目复核";

  private final KnowledgeEntryRepository entries;
  private final TaskService taskService;
  private final WorkingDayCalendar calendar;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  KnowledgeReviewCheck(KnowledgeEntryRepository entries, TaskService taskService, WorkingDayCalendar calendar,
      JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.entries = entries;
    this.taskService = taskService;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Today in the calendar zone, by the engine clock (which tests move). */
  static LocalDate today(WorkingDayCalendar calendar) {
    return ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()).toLocalDate();
  }

  @Scheduled(fixedDelayString = "${serviceflow.knowledge.review-check:PT1H}", initialDelayString = "PT2M")
  void raiseReviewTasks() {
    for (KnowledgeEntry entry : entries.findByReviewDateBeforeAndReviewTaskIdIsNull(today(calendar))) {
      try {
        transaction.executeWithoutResult(status -> raise(entry));
      } catch (IllegalStateException alreadyRaised) {
        // another node raised this entry's task first
      }
    }
  }

  private void raise(KnowledgeEntry entry) {
    Task task = taskService.newTask();
    task.setName(TASK_NAME + "：" + entry.getTitle());
    task.setDescription("知识条目 #" + entry.getId() + "「" + entry.getTitle() + "」的复核日期 " + entry.getReviewDate()
        + " 已过。请核对答复内容与来源（" + entry.getSource() + "）是否仍然有效，修改后填写新的复核日期保存"
        + "（PUT /api/knowledge/" + entry.getId() + "），本任务随之关闭。");
    task.setDueDate(Date.from(calendar.due(ClockUtil.getCurrentTime().toInstant(), 1)));
    task.setPriority(50);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), entry.getOwnerGroup());
    int taken = jdbc.update("update knowledge_entry set review_task_id = ? where id = ? and review_task_id is null",
        task.getId(), entry.getId());
    if (taken == 0) {
      throw new IllegalStateException("another node raised the review of knowledge entry " + entry.getId());
    }
  }
}
