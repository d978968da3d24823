package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The knowledge base page /knowledge in headless Debian Chromium on the whole application and embedded PostgreSQL
 * (the demo entries), signed in through the Tasklist login: a clerk finds 社保卡丢失补办 first for the caller's own
 * words, reads the entry and has no edit controls (and the API refuses her write with the session's token); a
 * customer-service lead creates an entry (a missing title shows the field error next to the field and writes nothing),
 * edits it and deletes it after the confirmation, the database checked after each step (screenshot
 * knowledge-page.png in -Dscreenshots.dir).
 */
@PostgresIntegrationTest
class KnowledgePageIT {

  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final String LOADED = "body[data-loaded='true'] #search-form";
  static final String TITLE = "城乡居民养老保险缴费查询（页面测试）";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  private TasklistBrowser browser() {
    return new TasklistBrowser("http://localhost:" + port, SCREENSHOTS);
  }

  private static String text(TasklistBrowser browser, String css) {
    return (String) browser.script("var e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
  }

  /** Polls (up to 2 minutes under load) until the element's text contains the expected text. */
  private static void untilText(TasklistBrowser browser, String css, String expected) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      String now = text(browser, css);
      if (now != null && now.contains(expected)) {
        return;
      }
      assertThat(System.nanoTime()).as("%s shows '%s' (now '%s')", css, expected, now).isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private int entries(String title) {
    return jdbc.queryForObject("select count(*) from knowledge_entry where title = ?", Integer.class, title);
  }

  private int allEntries() {
    return jdbc.queryForObject("select count(*) from knowledge_entry", Integer.class);
  }

  @Test
  void shouldLetAClerkSearchInHerOwnWordsAndReadTheEntryWithoutEditControls() throws Exception {
    try (TasklistBrowser browser = browser()) {
      browser.login("kefu1", "demo");
      browser.open("/knowledge", LOADED);
      assertThat(text(browser, "#results-title")).startsWith("全部条目");

      // when the clerk searches with the caller's words
      browser.typeInto("#q", "社保卡丢了怎么补办");
      browser.clickOn("#search");
      untilText(browser, "#results-title", "检索结果");

      // then 社保卡丢失补办 comes first, with its category, source, review date and the passage that matched
      assertThat(text(browser, "#results li:first-child .result-title")).isEqualTo("社保卡丢失补办");
      String meta = text(browser, "#results li:first-child .result-meta");
      String source = jdbc.queryForObject("select source from knowledge_entry where title = '社保卡丢失补办'",
          String.class);
      assertThat(meta).contains("分类：社会保障", "来源：" + source, "复核日期：2027-06-30");
      assertThat(text(browser, "#results li:first-child .result-snippet")).isNotBlank();
      assertThat(browser.script("return window.location.search;"))
          .isEqualTo("?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1%E4%B8%A2%E4%BA%86%E6%80%8E%E4%B9%88%E8%A1%A5%E5%8A%9E");

      // the entry opens with its answer; no edit controls for a reader
      browser.clickOn("#results li:first-child");
      untilText(browser, "#entry-title", "社保卡丢失补办");
      String answer = jdbc.queryForObject("select answer from knowledge_entry where title = '社保卡丢失补办'",
          String.class);
      assertThat(text(browser, "#entry-answer")).isEqualTo(answer);
      assertThat(text(browser, "#entry-facts")).contains("社会保障", "12345 督办", "2027-06-30");
      assertThat(browser.displayed("#edit-entry")).isFalse();
      assertThat(browser.displayed("#delete-entry")).isFalse();
      assertThat(browser.displayed("#new-entry")).isFalse();
      browser.screenshotTo(SCREENSHOTS.resolve("knowledge-page.png"));

      // the API still refuses her a write, even with her session's XSRF token: 403, nothing written
      int before = allEntries();
      Object status = browser.script("var me = new XMLHttpRequest(); me.open('GET', '/api/me', false);"
          + " me.setRequestHeader('Accept', 'application/json'); me.send();"
          + " var token = JSON.parse(me.responseText).xsrfToken;"
          + " var r = new XMLHttpRequest(); r.open('POST', '/api/knowledge', false);"
          + " r.setRequestHeader('Content-Type', 'application/json'); r.setRequestHeader('X-XSRF-TOKEN', token);"
          + " r.send(JSON.stringify({title: '不该写入', answer: 'x', category: 'x', source: 'x',"
          + " ownerGroup: 'customer-service-lead', reviewDate: '2027-01-01'}));"
          + " return (token ? 'token ' : 'no token ') + r.status;");
      assertThat(status).isEqualTo("token 403");
      assertThat(allEntries()).isEqualTo(before);
    }
    assertThat(Files.size(SCREENSHOTS.resolve("knowledge-page.png"))).isGreaterThan(20_000);
  }

  @Test
  void shouldLetTheCustomerServiceLeadCreateEditAndDeleteAnEntryWithFieldErrorsInChinese() {
    int before = allEntries();
    try (TasklistBrowser browser = browser()) {
      browser.login("kefuzhuguan", "demo");
      browser.open("/knowledge", LOADED);

      // given the new-entry form filled in without a title
      browser.clickOn("#new-entry");
      browser.waitFor("#editor #field-title");
      browser.typeInto("#field-category", "社会保障");
      browser.typeInto("#field-answer", "可登录本市社会保障网上服务平台，或携带身份证到社保经办窗口查询缴费记录。");
      browser.typeInto("#field-source", "市人力资源和社会保障局");
      browser.typeInto("#field-reviewDate", "2027-12-31");
      browser.clickOn("#save-entry");

      // then the API's field error stands next to the title, and nothing is written
      browser.waitFor("#error-title");
      assertThat(text(browser, "#error-title")).isEqualTo("请填写标题");
      assertThat(browser.displayed("#error-answer")).isFalse();
      assertThat(allEntries()).isEqualTo(before);

      // when the title is filled in and saved
      browser.typeInto("#field-title", TITLE);
      browser.clickOn("#save-entry");
      untilText(browser, "#notice", "已新建知识条目");

      // then one entry with the page's values, by the lead, for her department
      assertThat(entries(TITLE)).isEqualTo(1);
      Map<String, Object> row = jdbc.queryForMap("select * from knowledge_entry where title = ?", TITLE);
      assertThat(row.get("category")).isEqualTo("社会保障");
      assertThat(row.get("source")).isEqualTo("市人力资源和社会保障局");
      assertThat(row.get("owner_group")).isEqualTo("customer-service-lead");
      assertThat(row.get("review_date").toString()).isEqualTo(LocalDate.of(2027, 12, 31).toString());
      assertThat(row.get("updated_by")).isEqualTo("kefuzhuguan");
      long id = ((Number) row.get("id")).longValue();
      assertThat(text(browser, "#entry-title")).isEqualTo("#" + id + " " + TITLE);
      assertThat(browser.script("return window.location.pathname;")).isEqualTo("/knowledge/" + id);

      // when she edits the answer and sets a review date that is no date
      browser.clickOn("#edit-entry");
      browser.waitFor("#editor #field-answer");
      assertThat(browser.script("return document.getElementById('field-title').value;")).isEqualTo(TITLE);
      browser.typeInto("#field-answer", "请登录社会保障网上服务平台查询缴费记录，也可拨打 12333 咨询。");
      browser.typeInto("#field-reviewDate", "2027-13-45");
      browser.clickOn("#save-entry");
      browser.waitFor("#error-reviewDate");
      assertThat(text(browser, "#error-reviewDate")).isNotBlank();
      assertThat(jdbc.queryForObject("select answer from knowledge_entry where id = ?", String.class, id))
          .startsWith("可登录本市");

      // and corrects the date: the entry is changed
      browser.typeInto("#field-reviewDate", "2028-01-31");
      browser.clickOn("#save-entry");
      untilText(browser, "#notice", "已保存知识条目 #" + id);
      row = jdbc.queryForMap("select * from knowledge_entry where id = ?", id);
      assertThat(row.get("answer")).isEqualTo("请登录社会保障网上服务平台查询缴费记录，也可拨打 12333 咨询。");
      assertThat(row.get("review_date").toString()).isEqualTo("2028-01-31");
      assertThat(text(browser, "#entry-answer")).isEqualTo("请登录社会保障网上服务平台查询缴费记录，也可拨打 12333 咨询。");
      assertThat(allEntries()).isEqualTo(before + 1);

      // delete asks first: cancelled, the entry stays
      browser.clickOn("#delete-entry");
      browser.waitFor("#confirm-delete");
      assertThat(text(browser, "#confirm-delete-text")).contains("确定删除知识条目「" + TITLE + "」");
      browser.clickOn("#confirm-delete-no");
      assertThat(browser.displayed("#confirm-delete")).isFalse();
      assertThat(entries(TITLE)).isEqualTo(1);

      // confirmed, it is gone, and the list no longer shows it
      browser.clickOn("#delete-entry");
      browser.clickOn("#confirm-delete-yes");
      untilText(browser, "#notice", "已删除知识条目 #" + id);
      assertThat(entries(TITLE)).isZero();
      assertThat(allEntries()).isEqualTo(before);
      untilText(browser, "#results-title", "全部条目");
      assertThat(text(browser, "#results")).doesNotContain(TITLE);
      assertThat(browser.displayed("#entry")).isFalse();
    }
  }
}
