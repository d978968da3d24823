package org.serviceflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Refuses text containing the NUL character (U+0000) in every JSON request body of our API: PostgreSQL
 * cannot store it in a text column, so such a value used to end as a 500 halfway through the intake.
 * The binding error names the field (400 problem details, {@link ProblemDetailsAdvice}). Spring Boot adds
 * every Jackson module bean to its ObjectMapper; the engine REST API has its own.
 */
@Component
class TextWithoutNul extends SimpleModule {

  static final String MESSAGE = "不能包含 NUL 控制字符(U+0000)";

  TextWithoutNul() {
    super("serviceflow-text-without-nul");
    addDeserializer(String.class, new Deserializer());
  }

  static boolean refused(InvalidFormatException e) {
    return e.getTargetType() == String.class && e.getValue() instanceof String text && text.indexOf('\u0000') >= 0;
  }

  static final class Deserializer extends StdScalarDeserializer<String> {

    Deserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text != null && text.indexOf('\u0000') >= 0) {
        throw InvalidFormatException.from(parser, MESSAGE, text, String.class);
      }
      return text;
    }
  }
}
