package org.serviceflow.taskcard;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * A Tasklist plugin (found through META-INF/services) whose only resource is {@link IntakeNoticeResource}, under the
 * webapp's own session login: {@code /camunda/api/tasklist/plugin/serviceflow-intake/{engine}/...}. Its asset
 * {@code plugin-webapp/serviceflow-intake/app/plugin.js} adds nothing to the page (the scripts are customScripts).
 */
public class IntakeNoticePlugin extends AbstractTasklistPlugin {

  public static final String ID = "serviceflow-intake";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(IntakeNoticeResource.class);
  }
}
