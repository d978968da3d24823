package org.serviceflow.formsubmit;

import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Whether form-js hides a field for these values: a {@code conditional.hide} FEEL expression of the field or of a
 * group around it is true. Evaluated with the engine's own FEEL engine (the one of the DMN tables), so the
 * browser and the server read the same expression the same way. An expression that cannot be evaluated hides
 * nothing: the field's rules then apply.
 */
@Component
class FieldVisibility {

  private final ProcessEngine engine;
  private volatile FeelEngine feel;

  @org.springframework.beans.factory.annotation.Autowired
  FieldVisibility(ProcessEngine engine) {
    this.engine = engine;
  }

  /** With a FEEL engine of its own (tests of the check without a process engine). */
  FieldVisibility(FeelEngine feel) {
    this.engine = null;
    this.feel = feel;
  }

  boolean hidden(FormField field, Map<String, Object> values) {
    for (String expression : field.hideWhen()) {
      try {
        Object result = feel().evaluateSimpleExpression(expression, Variables.fromMap(values).asVariableContext());
        if (Boolean.TRUE.equals(result)) {
          return true;
        }
      } catch (RuntimeException unreadable) {
        // not hidden: the field is checked
      }
    }
    return false;
  }

  private FeelEngine feel() {
    if (feel == null) {
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      feel = ((DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration()).getFeelEngine();
    }
    return feel;
  }
}
