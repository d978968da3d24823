package org.serviceflow.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@WebMvcTest(controllers = ProblemDetailsAdviceTest.ProblemDetailsTestController.class)
@Import(ProblemDetailsAdviceTest.ProblemDetailsTestController.class)
class ProblemDetailsAdviceTest {

  private static final String VALID = """
      {"customerName": "张三", "severity": "MAJOR", "days": 3, "receivedOn": "2026-09-30",
       "contacts": [{"phone": "13800000000", "email": "a@b.cn"}]}""";

  @Autowired MockMvc mvc;

  @Test
  void shouldAcceptAValidBody() throws Exception {
    postIntake(VALID).andExpect(status().isOk());
  }

  @Test
  void shouldNameEveryFieldThatFailsBeanValidation() throws Exception {
    postIntake("""
        {"customerName": " ", "severity": null, "days": 0,
         "contacts": [{"phone": "13800000000"}, {"phone": "", "email": "nope"}]}""")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.title").value("请求无效"))
        .andExpect(jsonPath("$.instance").value("/test/intake"))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder(
            "customerName", "severity", "days", "contacts[1].phone", "contacts[1].email")))
        .andExpect(jsonPath("$.errors[?(@.field == 'customerName')].message").value(hasItem("请填写客户姓名")))
        .andExpect(jsonPath("$.errors[?(@.field == 'contacts[1].email')].message").value(hasItem("邮箱格式不正确")));
  }

  @Test
  void shouldNameTheFieldOfTextWithANulCharacter() throws Exception {
    // found by IntakeFuzzTest: PostgreSQL cannot store U+0000, the intake ended in a 500
    postIntake(VALID.replace("\"张三\"", "\"张\\u0000三\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].field").value("customerName"))
        .andExpect(jsonPath("$.errors[0].message").value(TextWithoutNul.MESSAGE));
  }

  @Test
  void shouldNameTheFieldOfANulInsideAList() throws Exception {
    postIntake(VALID.replace("\"13800000000\"", "\"\\u0000\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("contacts[0].phone"))
        .andExpect(jsonPath("$.errors[0].message").value(TextWithoutNul.MESSAGE));
  }

  @Test
  void shouldAnswerBadRequestForABodyBeyondTheParserLimits() throws Exception {
    // found by IntakeFuzzTest: 1,001 levels of nesting or a 5,000-digit number stop Jackson before any field is bound
    for (String body : List.of(VALID.replace("\"days\": 3", "\"days\": " + "9".repeat(5000)),
        VALID.replace("\"days\": 3", "\"x\": " + "[".repeat(1001) + "]".repeat(1001) + ", \"days\": 3"))) {
      postIntake(body)
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value("body"))
          .andExpect(jsonPath("$.errors[0].message").value("JSON 嵌套层数或长度超出限制"));
    }
  }

  @Test
  void shouldNameTheFieldOfAnUnknownEnumValue() throws Exception {
    postIntake(VALID.replace("\"MAJOR\"", "\"HUGE\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].field").value("severity"))
        .andExpect(jsonPath("$.errors[0].message").value("取值无效，可选值：GENERAL, MAJOR, SPECIAL"));
  }

  @Test
  void shouldNameTheFieldOfAWrongType() throws Exception {
    postIntake(VALID.replace("\"days\": 3", "\"days\": \"drei\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("days"))
        .andExpect(jsonPath("$.errors[0].message").value("应为数字"));
  }

  @Test
  void shouldNameANestedFieldOfAWrongType() throws Exception {
    postIntake(VALID.replace("\"receivedOn\": \"2026-09-30\"", "\"receivedOn\": \"30.09.2026\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("receivedOn"))
        .andExpect(jsonPath("$.errors[0].message").value("日期时间格式不正确"));
    postIntake(VALID.replace("\"phone\": \"13800000000\"", "\"phone\": {\"x\": 1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("contacts[0].phone"));
  }

  @Test
  void shouldNameWhereMalformedJsonBroke() throws Exception {
    postIntake("{\"customerName\": \"张三\", \"severity\": MAJOR}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("severity"))
        .andExpect(jsonPath("$.errors[0].message").value("JSON 格式错误"));
  }

  @Test
  void shouldNameTheBodyWhenItIsMissing() throws Exception {
    mvc.perform(post("/test/intake").contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));
  }

  @Test
  void shouldNameInvalidRequestParameters() throws Exception {
    mvc.perform(get("/test/workdays").param("days", "0").param("from", ""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("days", "from")))
        .andExpect(jsonPath("$.errors[?(@.field == 'days')].message").value(hasItem("至少 1 天")));
  }

  @Test
  void shouldNameAMissingRequestParameter() throws Exception {
    mvc.perform(get("/test/workdays").param("days", "3"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"))
        .andExpect(jsonPath("$.errors[0].message").value("缺少必填参数"));
  }

  @Test
  void shouldNameARequestParameterOfTheWrongType() throws Exception {
    mvc.perform(get("/test/workdays").param("days", "three").param("from", "2026-09-30"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("days"))
        .andExpect(jsonPath("$.errors[0].message").value("应为数字"));
  }

  @Test
  void shouldNameTheFieldAServiceRejected() throws Exception {
    mvc.perform(get("/test/product").param("productNo", "X-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("productNo"))
        .andExpect(jsonPath("$.errors[0].message").value("产品编号不存在：X-1"));
  }

  @Test
  void shouldNameTheFieldsOfAConstraintViolation() throws Exception {
    mvc.perform(post("/test/service").contentType(MediaType.APPLICATION_JSON)
            .content(VALID.replace("\"张三\"", "\"\"").replace("\"a@b.cn\"", "\"nope\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("customerName", "contacts[0].email")));
  }

  @Test
  void shouldHideTheCauseOfAnUnexpectedError() throws Exception {
    mvc.perform(get("/test/boom"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(500))
        .andExpect(content().string(not(containsString("secret"))))
        .andExpect(content().string(not(containsString("IllegalStateException"))))
        .andExpect(content().string(not(containsString("at org."))));
  }

  private ResultActions postIntake(String json) throws Exception {
    return mvc.perform(post("/test/intake").contentType(MediaType.APPLICATION_JSON).content(json));
  }

  /** Test-only endpoints that fail in every way the problem-details advice must name. */
  @RestController
  static class ProblemDetailsTestController {

    enum Severity { GENERAL, MAJOR, SPECIAL }

    record Contact(@NotBlank(message = "请填写电话") String phone, @Email(message = "邮箱格式不正确") String email) {
    }

    record Intake(
        @NotBlank(message = "请填写客户姓名") String customerName,
        @NotNull(message = "请选择严重程度") Severity severity,
        @Min(value = 1, message = "至少 1 天") int days,
        LocalDate receivedOn,
        @Valid List<Contact> contacts) {
    }

    private final Validator validator;

    ProblemDetailsTestController(Validator validator) {
      this.validator = validator;
    }

    @PostMapping("/test/intake")
    String intake(@Valid @RequestBody Intake intake) {
      return "ok";
    }

    @GetMapping("/test/workdays")
    String workdays(@RequestParam("days") @Min(value = 1, message = "至少 1 天") int days,
        @RequestParam(name = "from") @NotBlank(message = "请填写开始日期") String from) {
      return "ok";
    }

    @GetMapping("/test/product")
    String product(@RequestParam String productNo) {
      throw new BadRequestException("productNo", "产品编号不存在：" + productNo);
    }

    @PostMapping("/test/service")
    String service(@RequestBody Intake intake) {
      // a service validating on its own, as a @Validated bean would
      throw new ConstraintViolationException(validator.validate(intake));
    }

    @GetMapping("/test/boom")
    String boom() {
      throw new IllegalStateException("secret internal detail");
    }
  }
}
