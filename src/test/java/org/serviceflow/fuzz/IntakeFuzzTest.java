package org.serviceflow.fuzz;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzed intake (issue 14 item 3): every intake endpoint gets valid requests changed by up to four
 * hostile mutations ({@link Mutation}, {@link HostileJson}), and must answer as {@link Verdict} says.
 */
class IntakeFuzzTest {

  static final int TRIES = 250;

  private static FuzzedApplication app;

  @BeforeContainer
  static void start() {
    app = FuzzedApplication.get();
  }

  // ---- POST /api/complaints ----

  static final Map<String, String> COMPLAINT = fields(
      "customerName", "李四", "customerPhone", "13812345678", "customerEmail", null, "customerTier", "A",
      "productOrOrderNo", "SO-2026-0042", "content", "新买的净水器漏水", "occurredOn", "2026-01-20",
      "channel", "phone", "category", "product-quality", "severity", "general", "againstStaff", false, "staffName", null);

  static final Map<String, Set<String>> COMPLAINT_RULES = Map.of(
      "againstStaff", Set.of("staffName"), "customerPhone", Set.of("customerEmail"), "customerEmail", Set.of("customerPhone"));

  @Provide
  Arbitrary<List<Mutation>> complaintMutations() {
    return Mutation.of(COMPLAINT.keySet());
  }

  @Property(tries = TRIES)
  void shouldAnswerEveryComplaintWith201Or400(@ForAll("complaintMutations") List<Mutation> mutations) {
    json("kefu1", "/api/complaints", COMPLAINT, COMPLAINT_RULES, mutations);
  }

  // ---- POST /api/service-requests ----

  static final Map<String, String> SERVICE_REQUEST = fields(
      "customerName", "王芳", "customerPhone", "13912345678", "customerEmail", "wang@example.com", "address", "杭州市西湖区文三路 1 号",
      "productLine", "appliance", "productModel", "KX-200", "serialNumber", "SN-2026-0001", "purchaseDate", "2026-01-02",
      "proofOfPurchase", "发票 123", "serviceType", "repair", "faultDescription", "不制冷", "urgency", "normal", "region", "district-a");

  static final Map<String, Set<String>> SERVICE_REQUEST_RULES = Map.of(
      "serviceType", Set.of("serialNumber", "purchaseDate", "address"));

  @Provide
  Arbitrary<List<Mutation>> serviceRequestMutations() {
    return Mutation.of(SERVICE_REQUEST.keySet());
  }

  @Property(tries = TRIES)
  void shouldAnswerEveryServiceRequestWith201Or400(@ForAll("serviceRequestMutations") List<Mutation> mutations) {
    json("kefu1", "/api/service-requests", SERVICE_REQUEST, SERVICE_REQUEST_RULES, mutations);
  }

  // ---- POST /api/hotline/appeals ----

  static final Map<String, String> APPEAL = fields(
      "citizenName", "张三", "citizenPhone", "13712345678", "confidential", false, "appealType", "complaint", "urgency", "normal",
      "area", "district-a", "category", "housing", "content", "小区电梯长期故障无人维修", "eventDate", "2026-01-05",
      "eventLocation", "幸福小区 3 栋", "peopleInvolved", "物业公司", "target", "某物业公司", "reason", "电梯故障两周未修",
      "evidence", "照片 3 张");

  static final Map<String, Set<String>> APPEAL_RULES = Map.of("appealType",
      Set.of("citizenName", "eventDate", "eventLocation", "peopleInvolved", "target", "reason", "evidence"));

  @Provide
  Arbitrary<List<Mutation>> appealMutations() {
    return Mutation.of(APPEAL.keySet());
  }

  @Property(tries = TRIES)
  void shouldAnswerEveryAppealWith201Or400(@ForAll("appealMutations") List<Mutation> mutations) {
    json("huawu", "/api/hotline/appeals", APPEAL, APPEAL_RULES, mutations);
  }

  // ---- POST /api/process-changes (multipart: request JSON + files) ----

  static Map<String, String> processChange() {
    return fields("targetProcessKey", "complaint", "targetProcessName", "投诉处理", "changeType", "change", "level", 2,
        "category", "business", "trigger", "improvement", "description", "调整核实时限",
        "effectiveDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString(), "ownerGroup", "quality",
        "affectedGroups", List.of("customer-service", "quality"));
  }

  static final Map<String, Set<String>> PROCESS_CHANGE_RULES = Map.of(
      "changeType", Set.of("targetProcessKey", "files"), "targetProcessKey", Set.of("files"));

  static final int MULTIPART_PART_LIMIT = 5 * 1024 * 1024;

  /** A file part: its name and content. */
  record FilePart(String name, byte[] content) {
    @Override
    public String toString() {
      return "file " + name + " (" + content.length + " bytes)";
    }
  }

  @Provide
  Arbitrary<List<FilePart>> files() {
    Arbitrary<String> names = Arbitraries.of("complaint.bpmn", "complaint.dmn", "x.form", "other.bpmn", "../../etc/passwd",
        "a.exe", "😀.bpmn", "王.form", ".bpmn", "complaint.BPMN", "a\u0000.dmn", "x".repeat(300) + ".dmn");
    Arbitrary<byte[]> contents = Arbitraries.oneOf(
        Arbitraries.of("", "<", "not xml at all", "{\"components\":[]}", "{\"id\":\"x\",\"type\":\"default\",\"components\":\"${1+1}\"}",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><definitions>&e;</definitions>",
            "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><l>&d;&d;&d;</l>",
            "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"complaint\" isExecutable=\"true\"/></definitions>",
            "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"x\"/>")
            .map(text -> text.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
        HostileJson.megabyteTexts().map(text -> text.getBytes(StandardCharsets.UTF_8)));
    Arbitrary<List<FilePart>> some = Combinators.combine(names, contents).as(FilePart::new).list().ofMinSize(1).ofMaxSize(2);
    return Arbitraries.oneOf(Arbitraries.just(List.of()), some);
  }

  @Provide
  Arbitrary<List<Mutation>> processChangeMutations() {
    return Mutation.of(processChange().keySet());
  }

  @Property(tries = TRIES)
  void shouldAnswerEveryProcessChangeWith201Or400(@ForAll("processChangeMutations") List<Mutation> mutations,
      @ForAll("files") List<FilePart> files) {
    String boundary = "----fuzz" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "request", null, "application/json", Mutation.apply(processChange(), mutations).getBytes(StandardCharsets.UTF_8));
    for (FilePart file : files) {
      part(body, boundary, "files", file.name(), "application/octet-stream", file.content());
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

    FuzzedApplication.Counts before = app.counts();
    HttpResponse<String> response = app.post("liuchengjingli", "/api/process-changes",
        "multipart/form-data; boundary=" + boundary, body.toByteArray());
    Set<String> named = named(mutations, PROCESS_CHANGE_RULES);
    if (named != null && !files.isEmpty()) {
      named.add("files");
    }
    if (named != null && body.size() > MULTIPART_PART_LIMIT) {
      named.add("body"); // a part beyond spring.servlet.multipart.max-file-size: refused before any part is read
    }
    Verdict.check(response, 201, before, app.counts(), named, 1);
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String type, byte[] content) {
    String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName.replace("\"", "%22") + "\"")
        + "\r\nContent-Type: " + type + "\r\n\r\n";
    body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  // ---- shared ----

  private static void json(String user, String path, Map<String, String> valid, Map<String, Set<String>> rules,
      List<Mutation> mutations) {
    FuzzedApplication.Counts before = app.counts();
    HttpResponse<String> response = app.postJson(user, path, Mutation.apply(valid, mutations));
    Verdict.check(response, 201, before, app.counts(), named(mutations, rules), 1);
  }

  /** The fields a refusal may name: those touched, those whose rules depend on them, the extra ones; null for another body. */
  static Set<String> named(List<Mutation> mutations, Map<String, Set<String>> rules) {
    if (Mutation.replacesBody(mutations)) {
      return null;
    }
    Set<String> named = new TreeSet<>(Mutation.touched(mutations));
    new ArrayList<>(named).forEach(field -> named.addAll(rules.getOrDefault(field, Set.of())));
    mutations.stream().filter(Mutation.ExtraField.class::isInstance)
        .forEach(extra -> named.add(((Mutation.ExtraField) extra).field()));
    if (Mutation.beyondTheParserLimits(mutations)) {
      named.add("body");
    }
    return named;
  }

  /** Name, value pairs as raw JSON (Jackson writes the values). */
  static Map<String, String> fields(Object... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      try {
        fields.put((String) namesAndValues[i], new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return fields;
  }
}
