package org.serviceflow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist 7.24 in headless Debian Chromium, driven with the selectors of TASKLIST.md.
 * Fresh profile per browser, Chinese locale (zh-CN), 1400x1000.
 */
final class TasklistBrowser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final String tasklistUrl;
  private final Path screenshots;
  private final Path profile;
  private final WebDriver driver;
  private final WebDriverWait wait;
  private int clicks;

  /**
   * Skips the calling test when Chromium is missing on a developer machine; in CI (CI set) a
   * missing browser fails, because .ci/run installs it.
   */
  static void assumeChromium() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && System.getenv("CI") != null) {
      throw new IllegalStateException("CI is set but " + CHROMIUM + " or " + CHROMEDRIVER
          + " is missing: .ci/run installs chromium and chromium-driver");
    }
    Assumptions.assumeTrue(present, "Debian chromium / chromium-driver not installed; browser test skipped");
  }

  TasklistBrowser(String baseUrl, Path screenshots) {
    this.baseUrl = baseUrl;
    this.tasklistUrl = baseUrl + "/camunda/app/tasklist/default/";
    this.screenshots = screenshots;
    try {
      this.profile = Files.createTempDirectory("sf-chromium-");
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 1000));
    this.wait = new WebDriverWait(driver, WAIT);
  }

  /**
   * The clicks a user has made in this browser so far: every click on a link, button, option, radio, date or
   * chart, and the click into a text field before typing (3 for a sign-in). A filter clicked again only because the
   * list does not refresh by itself is not counted: a user sees the new task when the list refreshes.
   */
  int clicks() {
    return clicks;
  }

  /**
   * Shows the tasks of a filter and returns the case numbers of the listed cards top to bottom (cards without a case
   * line are left out), once every expected case number is listed: the list's pages (15 tasks each) are read in
   * turn, so the numbers are in the filter's order even when other cases' tasks come first.
   */
  List<String> caseNumbersInFilter(String filterName, List<String> expected) {
    By filter = By.xpath("//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]//a[starts-with(normalize-space(.),'"
        + filterName + "')]");
    String cards = "ol.tasks-list li.task .serviceflow-case-line .serviceflow-case-number";
    click(filter);
    List<String> seen = new java.util.ArrayList<>();
    try {
      new WebDriverWait(driver, WAIT, Duration.ofSeconds(3)).until(d -> {
        seen.clear();
        do {
          pause(500);
          seen.addAll(texts(cards));
          if (seen.containsAll(expected)) {
            return true;
          }
        } while (nextPage());
        d.findElement(filter).click(); // back to the first page, refreshed
        return false;
      });
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
    return List.copyOf(seen);
  }

  /**
   * Shows the next page of the task list, if there is one (not counted as a click: only other cases' tasks, which
   * depend on what else the system holds, push a task off the first page).
   */
  private boolean nextPage() {
    List<WebElement> next = driver.findElements(By.cssSelector("ul.pagination li.pagination-next:not(.disabled) a"));
    if (next.isEmpty() || !next.get(0).isDisplayed()) {
      return false;
    }
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        next.get(0));
    next.get(0).click();
    pause(800);
    return true;
  }

  /** Signs in on the Tasklist login page and waits for the task list. */
  void login(String user, String password) {
    driver.get(tasklistUrl);
    WebElement form = visible(By.cssSelector("form[name='signinForm']"));
    fillSignin(form, user, password);
    form.findElement(By.cssSelector("button[type='submit']")).click();
    clicks += 3; // into the name, into the password, the button
    visible(By.cssSelector("li.start-process-action a"));
    visible(By.cssSelector(".task-filter h4.name a"));
  }

  /**
   * Types name and password into the login form until both fields hold them: under load the login page may take the
   * focus back to the name field while the password is typed (seen as "shichangdemo" in the name, the password empty).
   */
  private void fillSignin(WebElement form, String user, String password) {
    WebElement name = form.findElement(By.cssSelector("input[ng-model='username']"));
    WebElement secret = form.findElement(By.cssSelector("input[ng-model='password']"));
    try {
      new WebDriverWait(driver, WAIT, Duration.ofSeconds(1)).until(d -> {
        name.clear();
        name.sendKeys(user);
        secret.clear();
        secret.sendKeys(password);
        return user.equals(name.getDomProperty("value")) && password.equals(secret.getDomProperty("value"));
      });
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
  }

  /** Signs out through the account menu, back to the login page. */
  void logout() {
    click(By.cssSelector(".account.dropdown > a.dropdown-toggle, .account .dropdown-toggle"));
    click(By.cssSelector("a[ng-click='logout()']"));
    visible(By.cssSelector("form[name='signinForm']"));
  }

  /** Opens "start process", picks the process by its name, and waits for its start form. */
  void openStartForm(String processName) {
    click(By.cssSelector("li.start-process-action a"));
    visible(By.cssSelector(".modal-body ul.processes li a"));
    click(By.xpath("//div[contains(@class,'modal-body')]//ul[contains(@class,'processes')]//li//a[contains(normalize-space(.),'"
        + processName + "')]"));
    visible(By.cssSelector(".modal-body [cam-tasklist-form-camunda] .fjs-form"));
    pause(500);
  }

  /** Submits the start form and waits for the dialog to close. */
  void submitStartForm() {
    click(By.cssSelector(".modal-footer button.btn-primary"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-body")));
  }

  /**
   * Fills a textfield, textarea or number field, found by its component id (e.g. Field_CustomerName),
   * then tabs away so that form-js takes the value.
   */
  void type(String fieldId, String value) {
    WebElement input = visible(field(fieldId));
    clicks++; // into the field
    input.clear();
    input.sendKeys(value);
    pause(350);
    input.sendKeys(Keys.TAB);
  }

  /** Picks an option of a select field by its visible label. */
  void select(String fieldId, String label) {
    click(By.cssSelector("[id$='-" + fieldId + "-display']"));
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']"));
  }

  /** Picks the n-th option (0-based) of a radio group. */
  void radio(String fieldId, int option) {
    click(By.cssSelector("[id$='-" + fieldId + "-" + option + "']"));
  }

  /** Picks today in a date field's calendar (typing follows the browser locale's format, so tests pick). */
  void pickToday(String fieldId) {
    visible(By.cssSelector("[id$='-" + fieldId + "-date']")).click();
    clicks++;
    click(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today"));
    pause(350);
  }

  /** The validation messages form-js shows, empty when the form is valid. */
  List<String> formErrors() {
    return driver.findElements(By.cssSelector(".fjs-form-field.fjs-has-errors .fjs-form-field-error"))
        .stream().map(WebElement::getText).toList();
  }

  /**
   * Shows the tasks of a filter (by its name, e.g. 我组待办) and waits until the task with this name
   * and id is listed (other cases may have tasks of the same name). Returns its link.
   */
  By showTask(String filterName, String taskName, String taskId) {
    By filter = filterLink(filterName);
    By task = taskLink(taskName, taskId);
    click(filter);
    waitUntilListed(filter, task);
    return task;
  }

  private static By filterLink(String filterName) {
    return By.xpath("//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]//a[contains(normalize-space(.),'"
        + filterName + "')]");
  }

  private static By taskLink(String taskName, String taskId) {
    return By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]//h4[contains(@class,'task')]//a[normalize-space(.)='"
        + taskName + "' and contains(@href,'" + taskId + "')]");
  }

  /**
   * Waits until the task is listed: the list's next pages are looked at, then the filter is clicked again, because
   * the list does not refresh by itself (neither counted as clicks).
   */
  private void waitUntilListed(By filter, By task) {
    try {
      new WebDriverWait(driver, WAIT, Duration.ofSeconds(3)).until(d -> {
        if (d.findElements(task).isEmpty()) {
          if (!nextPage()) {
            d.findElement(filter).click();
          }
          return false;
        }
        return true;
      });
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
  }

  /** The notice that tells the new case number after a start (scripts/serviceflow-cases.js), once it shows. */
  String intakeNotice() {
    return visible(By.cssSelector("#serviceflow-intake-notice .serviceflow-intake-message")).getText();
  }

  /** The HTTP status of a GET of this path from the page, with the page's session (or none after logout). */
  long status(String path) {
    return (Long) script("var request = new XMLHttpRequest(); request.open('GET', arguments[0], false);"
        + " request.setRequestHeader('Accept', 'application/json'); request.send(); return request.status;", path);
  }

  /** The case line that the card of this task shows in the task list (scripts/serviceflow-cases.js). */
  WebElement caseLineOfCard(String taskId) {
    return visible(By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//h4//a[contains(@href,'"
        + taskId + "')]]//*[contains(@class,'serviceflow-case-line')]"));
  }

  /**
   * The knowledge base link of the listed card of this task ("/knowledge 知识库"), null when the card shows none, once
   * the card has decided (scripts/serviceflow-cases.js asks /api/me whether the user may open the page).
   */
  String knowledgeLinkOfCard(String taskId) {
    By decided = By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//h4//a[contains(@href,'"
        + taskId + "')]]//*[@data-knowledge-link]");
    WebElement node = visible(decided);
    WebElement link = node.findElements(By.cssSelector("a.serviceflow-knowledge-link")).stream().findFirst().orElse(null);
    return link == null ? null : link.getAttribute("href").replaceFirst("^https?://[^/]+", "") + " " + link.getText();
  }

  /**
   * The served-first badge (scripts/serviceflow-cases.js, {@code .serviceflow-case-priority}) of the listed card of
   * this case, null when the card has none; the card must be listed (e.g. by {@link #caseNumbersInFilter}).
   */
  String servedFirstBadge(String caseNumber) {
    return (String) script("var card = Array.from(document.querySelectorAll('ol.tasks-list li.task')).find(li =>"
        + " Array.from(li.querySelectorAll('.serviceflow-case-number')).some(a => a.textContent.trim() === arguments[0]));"
        + " if (!card) { throw new Error('no card of ' + arguments[0]); }"
        + " var badge = card.querySelector('.serviceflow-case-line + .serviceflow-case-priority');"
        + " return badge ? badge.textContent.trim() : null;", caseNumber);
  }

  /** Shows the task in its filter, as {@link #showTask}, and opens it. */
  void openTask(String filterName, String taskName, String taskId) {
    click(showTask(filterName, taskName, taskId));
    visible(By.cssSelector("section.task-card"));
  }

  /** Claims the open task if it is not yet assigned to the signed-in user, and waits for its form. */
  void claimIfNeeded() {
    List<WebElement> claim = driver.findElements(By.cssSelector("section.task-card button.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      clicks++;
    }
    visible(By.cssSelector("section.task-card [cam-tasklist-form-camunda] .fjs-form"));
    pause(500);
  }

  /** Completes the open task with its form and waits until the task card is gone. */
  void completeTask() {
    click(By.cssSelector("section.task-card .form-actions button.btn-primary"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("section.task-card [cam-tasklist-form-camunda] .fjs-form")));
  }

  /** The processes the start-process dialog offers, by name in its order; the dialog is closed again. */
  List<String> startableProcesses() {
    click(By.cssSelector("li.start-process-action a"));
    visible(By.cssSelector(".modal-body"));
    pause(1500); // the list is loaded after the dialog opens
    List<String> names = texts(".modal-body ul.processes li a");
    driver.findElement(By.cssSelector("body")).sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-body")));
    return names;
  }

  /** The names of the filters in the filter list, top to bottom. */
  @SuppressWarnings("unchecked")
  List<String> filterNames() {
    // the link also holds the filter's task count (an element); the name is its own text
    return (List<String>) script("return Array.from(document.querySelectorAll('.task-filter h4.name a')).map(a =>"
        + " Array.from(a.childNodes).filter(n => n.nodeType === 3).map(n => n.data).join('').trim());");
  }

  /**
   * Shows the tasks of a filter (by its name) and returns the names of the listed tasks top to bottom, once all
   * the expected names are listed (the list does not refresh by itself, so the filter is clicked again).
   */
  List<String> taskNames(String filterName, List<String> expected) {
    By filter = By.xpath("//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]//a[starts-with(normalize-space(.),'"
        + filterName + "')]");
    click(filter);
    try {
      new WebDriverWait(driver, WAIT, Duration.ofSeconds(3)).until(d -> {
        if (!texts("ol.tasks-list li.task h4.task a").containsAll(expected)) {
          d.findElement(filter).click();
          return false;
        }
        return true;
      });
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
    return texts("ol.tasks-list li.task h4.task a");
  }

  private List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().trim()).toList();
  }

  /** Opens a page of any webapp (e.g. /camunda/app/cockpit/default/#/processes) and waits for an element. */
  void open(String path, String waitForCss) {
    driver.get(baseUrl + path);
    visible(By.cssSelector(waitForCss));
    pause(1500);
  }

  /** Signs in on the login page of the given webapp (tasklist, cockpit, admin) and waits for its header. */
  void loginTo(String app, String user, String password) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    WebElement form = visible(By.cssSelector("form[name='signinForm']"));
    fillSignin(form, user, password);
    form.findElement(By.cssSelector("button[type='submit']")).click();
    clicks += 3;
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
    pause(1500);
  }

  /** What the user sees: document.body.innerText. */
  String visibleText() {
    return (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.body.innerText;");
  }

  /** A real mouse click at (x, y) pixels from the top left corner of the element (e.g. a bar of a chart's canvas). */
  void clickAt(String css, int x, int y) {
    WebElement element = visible(By.cssSelector(css));
    org.openqa.selenium.Rectangle box = element.getRect();
    new org.openqa.selenium.interactions.Actions(driver)
        .moveToElement(element, x - box.getWidth() / 2, y - box.getHeight() / 2).click().perform();
    clicks++;
    pause(500);
  }

  /** Runs JavaScript in the page and returns its result. */
  Object script(String js, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Clicks the primary button of the open start form (submit), whatever the form holds. */
  void clickStartFormSubmit() {
    click(By.cssSelector(".modal-footer button.btn-primary"));
    pause(800);
  }

  /** The placeholder of a form-js date field, found by its component id. */
  String datePlaceholder(String fieldId) {
    return visible(By.cssSelector("[id$='-" + fieldId + "-date']")).getDomAttribute("placeholder");
  }

  /** The text in a form-js date field, found by its component id. */
  String dateValue(String fieldId) {
    return visible(By.cssSelector("[id$='-" + fieldId + "-date']")).getDomProperty("value");
  }

  /** Whether an element matching the selector is displayed anywhere on the page. */
  boolean displayed(String css) {
    return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Saves a screenshot of the viewport as {@code tasklist-<name>.png}. */
  Path screenshot(String name) {
    return screenshotTo(screenshots.resolve("tasklist-" + name + ".png"));
  }

  /** Saves a screenshot of the viewport to the given file (its folder is created). */
  Path screenshotTo(Path target) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    try {
      Files.write(target, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  private By field(String fieldId) {
    return By.cssSelector("[id$='-" + fieldId + "']");
  }

  private WebElement visible(By by) {
    try {
      return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
  }

  /** Scrolls the element to the middle of the window first, as a user would, so that the fixed footer never covers it. */
  private void click(By by) {
    try {
      WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "arguments[0].scrollIntoView({block: 'center'});", element);
      wait.until(ExpectedConditions.elementToBeClickable(by)).click();
      clicks++;
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
  }

  /** Keeps the page (HTML and picture) in the temp directory when an element never shows up. */
  private TimeoutException diagnosed(TimeoutException e) {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    try {
      Files.writeString(dir.resolve("tasklist-failure.html"), driver.getPageSource());
      Files.write(dir.resolve("tasklist-failure.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException ignored) {
      // the original failure matters more
    }
    return new TimeoutException(e.getMessage() + "\npage kept in " + dir.resolve("tasklist-failure.html"), e);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- TasklistProcessChangeIT ----

  /**
   * Picks a date in a date field's calendar: opens it, goes forward month by month from the browser's current month
   * (Asia/Shanghai) as a user would, and clicks the day of that month.
   */
  void pickDate(String fieldId, java.time.LocalDate date) {
    visible(By.cssSelector("[id$='-" + fieldId + "-date']")).click();
    clicks++;
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    long months = date.getYear() * 12L + date.getMonthValue() - (today.getYear() * 12L + today.getMonthValue());
    for (long month = 0; month < months; month++) {
      click(By.cssSelector(".flatpickr-calendar.open .flatpickr-next-month"));
    }
    click(By.xpath("//div[contains(@class,'flatpickr-calendar') and contains(@class,'open')]"
        + "//span[contains(concat(' ',normalize-space(@class),' '),' flatpickr-day ') and not(contains(@class,'prevMonthDay'))"
        + " and not(contains(@class,'nextMonthDay')) and normalize-space(.)='" + date.getDayOfMonth() + "']"));
    pause(350);
  }

  /**
   * Picks an option of a select field by its visible label, also right after {@link #type} tabbed into the select
   * (which opens its list, so that clicking the field would close it again). Two clicks either way: a user clicks the
   * field to open the list, then the option.
   */
  void selectOption(String fieldId, String label) {
    Boolean open = (Boolean) script("var f = document.querySelector(\"[id$='-" + fieldId + "-display']\");"
        + " return !!(f && f.closest('.fjs-form-field').querySelector('.fjs-dropdownlist'));");
    if (Boolean.TRUE.equals(open)) {
      clicks++; // the click that opens the list
      click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']"));
    } else {
      select(fieldId, label);
    }
  }

  // --- TasklistComplaintIT (the complaint's main path): form labels, checkbox, complete button in view ---

  /** The labels of the open form's fields top to bottom (radio options included), without the required mark. */
  List<String> formLabels() {
    return texts(".fjs-form .fjs-form-field-label").stream().map(label -> label.replace("*", "").trim())
        .filter(label -> !label.isEmpty()).toList();
  }

  /** Ticks (or unticks) a checkbox field, found by its component id (e.g. Field_CompensationInvolved). */
  void checkbox(String fieldId) {
    click(field(fieldId));
    pause(350);
  }

  /** The label a select field shows as chosen (its default or the option picked), found by its component id. */
  String selectedLabel(String fieldId) {
    return visible(By.cssSelector("[id$='-" + fieldId + "-display']")).getText().trim();
  }

  /** Whether the n-th option (0-based) of a radio group is chosen. */
  boolean radioChosen(String fieldId, int option) {
    return driver.findElement(By.cssSelector("[id$='-" + fieldId + "-" + option + "']")).isSelected();
  }

  /**
   * Opens a task as a user does who may already look at that filter (after sign-in 我的待办 is shown; after a
   * completion Tasklist reloads the shown list): the filter is clicked, and counted, only when another filter is
   * shown. Clicks that only refresh the list while waiting for the task are not counted, as in {@link #showTask}.
   */
  void openTaskFromList(String filterName, String taskName, String taskId) {
    By filter = filterLink(filterName);
    By task = taskLink(taskName, taskId);
    Boolean shown = (Boolean) script("var a = document.querySelector('.task-filters .content div.item.active h4.name a');"
        + " return !!a && a.textContent.trim().indexOf(arguments[0]) === 0;", filterName);
    if (!Boolean.TRUE.equals(shown)) {
      click(filter);
    }
    waitUntilListed(filter, task);
    for (int attempt = 1; ; attempt++) {
      try {
        click(task); // counted only once it succeeds
        break;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
        pause(500); // Tasklist re-rendered the list (it reloads after a completion); find the task again
      }
    }
    visible(By.cssSelector("section.task-card"));
  }

  /**
   * Whether the open task's complete button is inside the window as the task opens, without scrolling (call right
   * after opening or claiming, before any field is clicked).
   */
  boolean completeButtonInView() {
    WebElement button = visible(By.cssSelector("section.task-card .form-actions button.btn-primary"));
    return (Boolean) script("var r = arguments[0].getBoundingClientRect();"
        + " return r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);", button);
  }

  // ---- TasklistHotlineIT: the next task of the same person opened from Tasklist's notice

  /**
   * Opens a task from the notice Tasklist shows after a start or a completion when the same person is the assignee
   * of a task of the same process ("同一流程中以下任务也分配给了您：…", a link per task), and waits for its form.
   */
  void openAssignedTaskFromNotice(String taskId) {
    click(By.xpath("//a[contains(@href,'forceDisplayTask=true&task=" + taskId + "')]"));
    visible(By.cssSelector("section.task-card [cam-tasklist-form-camunda] .fjs-form"));
    pause(500);
  }


  // ---- TasklistAfterSalesIT: form text, a later day and a time, a field's value, completing once Tasklist's
  // notices are gone, a slow first load

  /** The text the open form shows (labels, values, descriptions and messages). */
  String formText() {
    return String.join("\n", texts(".fjs-form"));
  }

  /** Picks the day {@code days} after today in the calendar of a date or date-time field. */
  void pickDaysAfterToday(String fieldId, int days) {
    visible(By.cssSelector("[id$='-" + fieldId + "-date']")).click();
    clicks++;
    click(By.xpath("(//div[contains(@class,'flatpickr-calendar') and contains(@class,'open')]"
        + "//span[contains(@class,'flatpickr-day') and contains(@class,'today')]/following-sibling::span)[" + days + "]"));
    pause(350);
  }

  /** Types a time (HH:mm) into the time part of a date-time field and tabs away, so that form-js takes it. */
  void typeTime(String fieldId, String time) {
    WebElement input = visible(By.cssSelector("[id$='-" + fieldId + "-time']"));
    clicks++; // into the field
    input.clear();
    input.sendKeys(time);
    pause(350);
    input.sendKeys(Keys.TAB);
    pause(350);
  }

  /** The value in a form field's input, found by its component id. */
  String fieldValue(String fieldId) {
    return visible(field(fieldId)).getDomProperty("value");
  }

  /**
   * Completes the open task as {@link #completeTask}, once Tasklist's own notices are gone: the notice of further
   * tasks of the same process stays 16 s in the bottom right corner, over the complete button (a user fills the
   * form meanwhile; a test is faster).
   */
  void completeTaskOnceNoticesAreGone() {
    try {
      new WebDriverWait(driver, WAIT, Duration.ofMillis(500)).until(d -> (Boolean) script(
          "return Array.from(document.querySelectorAll('.page-notifications .alert'))"
              + ".every(n => n.offsetParent === null);"));
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
    completeTask();
  }

  /**
   * Loads Tasklist's login page once and waits up to the given time for it: the first load of the webapp (its
   * scripts, the translations) can take longer than the usual wait on a busy machine; later loads come from the cache.
   */
  void loadTasklist(Duration patience) {
    driver.get(tasklistUrl);
    try {
      new WebDriverWait(driver, patience).until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
  }

  // ---- TasklistTransferIT: the task view's 转办 / 委派 / 抄送 actions (scripts/serviceflow-cases.js)

  /**
   * In the open task, clicks the action (转办 / 委派 / 抄送 by its key transfer, delegate, copy), fills receiver and
   * reason in its dialog and confirms; each field click and button counts as a user's click. Returns when the dialog
   * has closed (done) or shows a refusal: then {@link #collaborationRefusal()} tells it.
   */
  void collaborate(String action, String to, String reason) {
    By dialog = By.id("serviceflow-collaboration");
    if (driver.findElements(dialog).isEmpty() || !driver.findElement(dialog).isDisplayed()) {
      click(By.cssSelector(".task-actions .serviceflow-collaboration-" + action));
    }
    fillCollaborationField(By.id("serviceflow-collaboration-to"), to);
    fillCollaborationField(By.id("serviceflow-collaboration-reason"), reason);
    click(By.cssSelector("#serviceflow-collaboration .serviceflow-collaboration-submit"));
    try {
      wait.until(d -> d.findElements(dialog).isEmpty()
          || !d.findElements(By.cssSelector("#serviceflow-collaboration .serviceflow-collaboration-error:not([hidden])")).isEmpty());
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
  }

  private void fillCollaborationField(By field, String value) {
    click(field);
    WebElement input = driver.findElement(field);
    input.clear();
    if (value != null && !value.isEmpty()) {
      input.sendKeys(value);
    }
  }

  /** The refusal the open collaboration dialog shows (the API's message), or null when none shows. */
  String collaborationRefusal() {
    List<WebElement> error = driver.findElements(
        By.cssSelector("#serviceflow-collaboration .serviceflow-collaboration-error:not([hidden])"));
    return error.isEmpty() ? null : error.get(0).getText();
  }

  /** The notice after a done 转办 / 委派 / 抄送, once it shows. */
  String collaborationNotice() {
    return visible(By.id("serviceflow-collaboration-notice")).getText();
  }

  /** Waits until the shown list no longer holds this task's card, without clicking anything (Tasklist reloads it). */
  void waitUntilGoneFromList(String taskId) {
    By card = By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]//h4//a[contains(@href,'"
        + taskId + "')]");
    try {
      wait.until(d -> d.findElements(card).isEmpty());
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
  }

  /** The labels of the task view's collaboration actions, left to right. */
  List<String> collaborationActions() {
    visible(By.cssSelector(".task-actions .serviceflow-collaboration-actions button"));
    return texts(".task-actions .serviceflow-collaboration-actions button");
  }

  // ---- pages of our own (KnowledgePageIT) ----

  /** Types into a plain input or textarea of our own pages, found by CSS, after a click into it (its text replaced). */
  void typeInto(String css, String value) {
    WebElement input = visible(By.cssSelector(css));
    input.click();
    clicks++;
    input.clear();
    if (!value.isEmpty()) {
      input.sendKeys(value);
    }
  }

  /** Clicks a button or link of our own pages, found by CSS, once it can be clicked. */
  void clickOn(String css) {
    click(By.cssSelector(css));
  }

  /** Waits (up to 30 seconds) until an element matching the selector is visible. */
  void waitFor(String css) {
    visible(By.cssSelector(css));
  }

  // ---- TasklistPauseIT: the task view's 挂起 / 恢复计时 (scripts/serviceflow-cases.js)

  /** The labels of the task view's pause actions, once they show (挂起 while the clock runs, else 恢复计时). */
  List<String> pauseActions() {
    visible(By.cssSelector(".task-actions .serviceflow-pause-actions button"));
    return texts(".task-actions .serviceflow-pause-actions button");
  }

  /** Clicks 挂起 in the open task and waits for its dialog's pause types; returns their option texts. */
  List<String> openPauseDialog() {
    click(By.cssSelector(".task-actions .serviceflow-pause-actions .serviceflow-pause-pause"));
    visible(By.cssSelector("#serviceflow-pause #serviceflow-pause-type option"));
    return texts("#serviceflow-pause #serviceflow-pause-type option");
  }

  /**
   * In the open 挂起 dialog: picks the type by its option text when given (a click on the list, one on the option),
   * fills the reason (a click into it) and confirms; returns when the dialog has closed or shows a refusal.
   */
  void pauseWith(String typeText, String reason) {
    if (typeText != null) {
      click(By.id("serviceflow-pause-type"));
      click(By.xpath("//select[@id='serviceflow-pause-type']/option[normalize-space(.)='" + typeText + "']"));
    }
    click(By.id("serviceflow-pause-reason"));
    WebElement input = driver.findElement(By.id("serviceflow-pause-reason"));
    input.clear();
    if (reason != null && !reason.isEmpty()) {
      input.sendKeys(reason);
    }
    confirmPauseDialog();
  }

  /** Clicks 恢复计时 in the open task and confirms its dialog; returns when it has closed or shows a refusal. */
  void resumeClock() {
    click(By.cssSelector(".task-actions .serviceflow-pause-actions .serviceflow-pause-resume"));
    visible(By.cssSelector("#serviceflow-pause .serviceflow-pause-running"));
    confirmPauseDialog();
  }

  private void confirmPauseDialog() {
    click(By.cssSelector("#serviceflow-pause .serviceflow-pause-submit"));
    try {
      wait.until(d -> d.findElements(By.id("serviceflow-pause")).isEmpty()
          || !d.findElements(By.cssSelector("#serviceflow-pause .serviceflow-pause-error:not([hidden])")).isEmpty());
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
  }

  /** The refusal the open pause dialog shows (the API's message), or null when none shows. */
  String pauseRefusal() {
    List<WebElement> error = driver.findElements(By.cssSelector("#serviceflow-pause .serviceflow-pause-error:not([hidden])"));
    return error.isEmpty() ? null : error.get(0).getText();
  }

  /** Waits until the open task says what it should about its case's pause: "已挂起（…）", or nothing (null). */
  String waitForPauseStatus(String expected) {
    By status = By.cssSelector(".task-actions .serviceflow-pause-actions .serviceflow-pause-status");
    By action = By.cssSelector(".task-actions .serviceflow-pause-actions "
        + (expected == null ? ".serviceflow-pause-pause" : ".serviceflow-pause-resume"));
    try {
      wait.until(d -> !d.findElements(action).isEmpty() && (expected == null ? d.findElements(status).isEmpty()
          : d.findElements(status).stream().anyMatch(e -> expected.equals(e.getText().trim()))));
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
    List<WebElement> shown = driver.findElements(status);
    return shown.isEmpty() ? null : shown.get(0).getText().trim();
  }

  /** Waits until this task's card in the list shows the badge 已挂起 (true) or none (false); returns its title. */
  String waitForPausedBadge(String taskId, boolean paused) {
    By badge = By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//h4//a[contains(@href,'"
        + taskId + "')]]//*[contains(@class,'serviceflow-case-paused')]");
    try {
      wait.until(d -> paused != d.findElements(badge).isEmpty());
    } catch (TimeoutException e) {
      throw diagnosed(e);
    }
    List<WebElement> shown = driver.findElements(badge);
    return shown.isEmpty() ? null : shown.get(0).getText() + "|" + shown.get(0).getAttribute("title");
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp profile does no harm
    }
  }
}
