package org.serviceflow.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The requests with which {@link IntakeFuzzTest} found a 5xx, each now a plain test over real HTTP (Tomcat
 * parses multipart bodies itself, so MockMvc would not show them): 400 problem details naming the field,
 * and nothing written.
 */
class IntakeRegressionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FuzzedApplication app = FuzzedApplication.get();

  @Test
  void shouldRefuseANulCharacterInAnAppealNamingTheField() throws Exception {
    // given
    String appeal = Mutation.apply(IntakeFuzzTest.APPEAL, List.of(new Mutation.SetField("citizenName", "\"\\u0000\"")));
    FuzzedApplication.Counts before = app.counts();

    // when
    HttpResponse<String> response = app.postJson("huawu", "/api/hotline/appeals", appeal);

    // then: was a 500 (PostgreSQL: invalid byte sequence for encoding "UTF8": 0x00)
    assertRefused(response, "citizenName", "不能包含 NUL 控制字符(U+0000)");
    assertThat(app.counts()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAFileNameWithANulCharacterNamingTheFiles() throws Exception {
    FuzzedApplication.Counts before = app.counts();

    HttpResponse<String> response = postProcessChange(request("complaint"),
        "a\u0000.dmn", new byte[0]);

    // was a 500 (Tomcat: InvalidFileNameException)
    assertRefused(response, "files", "文件名无效（不能包含控制字符）");
    assertThat(app.counts()).isEqualTo(before);
  }

  @Test
  void shouldNameTheFieldOfAMegabyteValueInTheRequestPart() throws Exception {
    FuzzedApplication.Counts before = app.counts();

    // 3 MB of UTF-8 in the JSON part: was a 413 from Tomcat's 2 MB limit on form fields, naming nothing
    HttpResponse<String> response = postProcessChange(request("王".repeat(1 << 20)), null, null);

    assertRefused(response, "targetProcessKey", null);
    assertThat(app.counts()).isEqualTo(before);
  }

  @Test
  void shouldAnswerBadRequestForAPartBeyondTheUploadLimit() throws Exception {
    FuzzedApplication.Counts before = app.counts();

    HttpResponse<String> response = postProcessChange(request("complaint"), "complaint.dmn", new byte[6 * 1024 * 1024]);

    // was a 413
    assertRefused(response, "body", "上传内容过大（每个文件最多 5 MB，合计最多 20 MB）");
    assertThat(app.counts()).isEqualTo(before);
  }

  @Test
  void shouldNameTheMissingRequestPart() throws Exception {
    FuzzedApplication.Counts before = app.counts();

    // only a file, no JSON part "request": was a 400 naming no field
    HttpResponse<String> response = postProcessChange(null, "complaint.dmn", new byte[] {'x'});

    assertRefused(response, "request", "缺少必填的请求部分");
    assertThat(app.counts()).isEqualTo(before);
  }

  @Test
  void shouldAnswerInFullWhenItRefusesABodyBeforeReadingItAll() throws Exception {
    FuzzedApplication.Counts before = app.counts();

    // a syntax error at the start, then 6 MB that the parser never reads: Tomcat used to close the connection
    // with the rest unread (beyond its 2 MB max-swallow-size), and the client got a truncated chunked answer
    String body = "{\"customerName\": tru, \"padding\": \"" + "x".repeat(6 << 20) + "\"}";
    HttpResponse<String> response = app.postJson("kefu1", "/api/service-requests", body);

    assertRefused(response, "customerName", "JSON 格式错误");
    assertThat(app.counts()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAMegabyteOfBlankTextInAnOptionalFormFieldNamingIt() throws Exception {
    FuzzedApplication.Counts before = app.counts();

    // found by FormSubmitFuzzTest: blank text counted as empty and passed, and the engine could not store 1 MB of
    // newlines (500: value too long for type character varying(4000), in ACT_HI_VARINST)
    HttpResponse<String> response = submitAppealWith("eventDate", HostileJson.quote("\n".repeat(HostileJson.ONE_MB)));

    assertRefused(response, "eventDate", "事件发生日期：最多 4000 个字符");
    assertThat(app.counts()).isEqualTo(before);
  }

  @Test
  void shouldRefuseBlankTextForAYesNoFormFieldNamingIt() throws Exception {
    FuzzedApplication.Counts before = app.counts();

    // blank text counted as empty and passed for a checkbox, which the process reads as a boolean
    HttpResponse<String> response = submitAppealWith("confidential", HostileJson.quote(" "));

    assertRefused(response, "confidential", null);
    assertThat(app.counts()).isEqualTo(before);
  }

  /** The 12345 start form submitted by the operator huawu, with one field set to the given raw JSON. */
  private HttpResponse<String> submitAppealWith(String field, String rawJson) {
    String body = FormSubmitFuzzTest.submission(IntakeFuzzTest.APPEAL, List.of(new Mutation.SetField(field, rawJson)),
        null);
    return app.postJson("huawu", "/engine-rest/process-definition/key/hotline12345/submit-form", body);
  }

  private static String request(String targetProcessKey) {
    return Mutation.apply(IntakeFuzzTest.processChange(),
        List.of(new Mutation.SetField("targetProcessKey", HostileJson.quote(targetProcessKey))));
  }

  private HttpResponse<String> postProcessChange(String request, String fileName, byte[] content) {
    String boundary = "----regression" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (request != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
          + "Content-Type: application/json\r\n\r\n" + request + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    if (fileName != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return app.post("liuchengjingli", "/api/process-changes", "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  private static void assertRefused(HttpResponse<String> response, String field, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode errors = JSON.readTree(response.body()).path("errors");
    assertThat(errors).as(response.body()).anySatisfy(error -> {
      assertThat(error.path("field").asText()).isEqualTo(field);
      if (message != null) {
        assertThat(error.path("message").asText()).isEqualTo(message);
      }
    });
  }
}
