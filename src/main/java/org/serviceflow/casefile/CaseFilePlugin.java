package org.serviceflow.casefile;

import java.time.ZoneId;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Registers the automatic case file upkeep (timeline, status, deadlines) with the engine (the Camunda Spring Boot starter applies every plugin bean). */
@Component
class CaseFilePlugin extends AbstractProcessEnginePlugin {

  private final CaseFileRecorder recorder;
  private final ZoneId zone;

  CaseFilePlugin(CaseFileRecorder recorder, @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    this.recorder = recorder;
    this.zone = zone;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new CaseFileParseListener(recorder, zone));
  }
}
