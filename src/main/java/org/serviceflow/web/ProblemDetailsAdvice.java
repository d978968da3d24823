package org.serviceflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our /api controllers as RFC 9457 problem details. A 400 always carries
 * {@code "errors": [{"field": "...", "message": "..."}]} naming each bad field; a 500 names
 * nothing and shows no stack trace (it is logged).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  static final String ERRORS = "errors";
  static final String BAD_REQUEST_TITLE = "请求无效";

  private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = ex.getBindingResult().getAllErrors().stream()
        .map(ProblemDetailsAdvice::toProblem).toList();
    return handleExceptionInternal(ex, badRequest(problems), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return handleExceptionInternal(ex, badRequest(MethodValidationProblems.of(ex)), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return handleExceptionInternal(ex, badRequest(List.of(unreadable(ex))), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    FieldProblem problem = new FieldProblem(ex.getParameterName(), "缺少必填参数");
    return handleExceptionInternal(ex, badRequest(List.of(problem)), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
        : ex.getPropertyName();
    FieldProblem problem = new FieldProblem(field, wrongType(ex.getRequiredType()));
    return handleExceptionInternal(ex, badRequest(List.of(problem)), headers, status, request);
  }

  /** A multipart request without one of its parts (e.g. the JSON part "request"): 400 naming the part. */
  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      org.springframework.web.multipart.support.MissingServletRequestPartException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    FieldProblem problem = new FieldProblem(ex.getRequestPartName(), "缺少必填的请求部分");
    return handleExceptionInternal(ex, badRequest(List.of(problem)), headers, status, request);
  }

  /** An upload beyond the multipart limits (spring.servlet.multipart.*): a bad request like any other, naming the body. */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    FieldProblem problem = new FieldProblem(FieldPaths.BODY, "上传内容过大（每个文件最多 5 MB，合计最多 20 MB）");
    return handleExceptionInternal(ex, badRequest(List.of(problem)), headers, HttpStatus.BAD_REQUEST, request);
  }

  /** Every other 400 of the base class (e.g. a missing header) still carries an errors list. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (statusCode.value() == HttpStatus.BAD_REQUEST.value() && body == null
        && ex instanceof ErrorResponse errorResponse) {
      body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
    }
    if (statusCode.value() == HttpStatus.BAD_REQUEST.value() && body instanceof ProblemDetail detail
        && (detail.getProperties() == null || !detail.getProperties().containsKey(ERRORS))) {
      detail.setProperty(ERRORS, List.of());
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<ProblemDetail> handleBadRequest(BadRequestException ex) {
    return ResponseEntity.badRequest().body(badRequest(ex.problems()));
  }

  /** A multipart body Tomcat cannot parse (e.g. a NUL in a file name): the files, or the body as a whole. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> handleUnreadableMultipart(MultipartException ex) {
    LOG.info("Unreadable multipart request: {}", ex.getMostSpecificCause().getMessage());
    FieldProblem problem = ex.getMostSpecificCause() instanceof InvalidFileNameException
        ? new FieldProblem("files", "文件名无效（不能包含控制字符）")
        : new FieldProblem(FieldPaths.BODY, "无法解析 multipart 请求内容");
    return ResponseEntity.badRequest().body(badRequest(List.of(problem)));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
    List<FieldProblem> problems = ex.getConstraintViolations().stream()
        .map(v -> new FieldProblem(FieldPaths.of(v), v.getMessage())).toList();
    return ResponseEntity.badRequest().body(badRequest(problems));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> handleAuthorization(AuthorizationException ex) {
    LOG.info("Refused: {}", ex.getMessage());
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "您无权执行此操作");
    detail.setTitle("无权访问");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(detail);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
    ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
    if (declared != null) {
      ProblemDetail detail = ProblemDetail.forStatusAndDetail(declared.code(),
          declared.reason().isEmpty() ? ex.getMessage() : declared.reason());
      return ResponseEntity.status(declared.code()).body(detail);
    }
    LOG.error("Unexpected error", ex);
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "服务器内部错误，请稍后重试或联系管理员");
    detail.setTitle("服务器错误");
    return ResponseEntity.internalServerError().body(detail);
  }

  static ProblemDetail badRequest(List<FieldProblem> problems) {
    List<FieldProblem> sorted = problems.stream()
        .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message,
            Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
    String fields = sorted.stream().map(FieldProblem::field).distinct().collect(Collectors.joining("、"));
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "以下字段有误：" + fields);
    detail.setTitle(BAD_REQUEST_TITLE);
    detail.setProperty(ERRORS, sorted);
    return detail;
  }

  private static FieldProblem toProblem(ObjectError error) {
    if (error instanceof FieldError fieldError) {
      return new FieldProblem(fieldError.getField(), fieldError.getDefaultMessage());
    }
    return new FieldProblem(error.getObjectName(), error.getDefaultMessage());
  }

  private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause instanceof InvalidFormatException invalid && TextWithoutNul.refused(invalid)) {
      return new FieldProblem(FieldPaths.of(invalid), TextWithoutNul.MESSAGE);
    }
    if (cause instanceof StreamConstraintsException) {
      // nesting depth or size of the document as a whole (Jackson's StreamReadConstraints): no field to name
      return new FieldProblem(FieldPaths.BODY, "JSON 嵌套层数或长度超出限制");
    }
    if (cause instanceof InvalidFormatException invalid) {
      return new FieldProblem(FieldPaths.of(invalid), wrongType(invalid.getTargetType()));
    }
    if (cause instanceof MismatchedInputException mismatched) {
      return new FieldProblem(FieldPaths.of(mismatched), wrongType(mismatched.getTargetType()));
    }
    if (cause instanceof JsonMappingException mapping) {
      return new FieldProblem(FieldPaths.of(mapping), "取值无效");
    }
    if (cause instanceof JsonProcessingException malformed) {
      return new FieldProblem(FieldPaths.of(malformed), "JSON 格式错误");
    }
    return new FieldProblem(FieldPaths.BODY, "缺少请求内容或无法读取");
  }

  /** A Chinese message saying what the field should have been. */
  static String wrongType(Class<?> type) {
    if (type == null) {
      return "格式不正确";
    }
    if (type.isEnum()) {
      String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
          .collect(Collectors.joining(", "));
      return "取值无效，可选值：" + allowed;
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "应为数字";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "应为 true 或 false";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)) {
      return "日期时间格式不正确";
    }
    if (type == String.class) {
      return "应为文本";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "应为列表";
    }
    return "格式不正确";
  }
}
