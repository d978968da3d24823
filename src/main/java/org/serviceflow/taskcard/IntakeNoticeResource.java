package org.serviceflow.taskcard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code GET /camunda/api/tasklist/plugin/serviceflow-intake/{engine}/intake/{caseNumber}}: the intake notice of a
 * case for the Tasklist user signed in to that engine ({@link IntakeNotices}): 200 {@code {caseNumber, dueAt}} for
 * the case's owner, 404 for everyone else and for unknown numbers. The webapp's security filter admits only
 * users signed in to the engine (EngineRequestAuthorizer), so /api's HTTP Basic does not apply here.
 */
@Path("plugin/" + IntakeNoticePlugin.ID)
public class IntakeNoticeResource extends AbstractTasklistPluginRootResource {

  public IntakeNoticeResource() {
    super(IntakeNoticePlugin.ID);
  }

  @GET
  @Path("{engineName}/intake/{caseNumber}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> intake(@PathParam("engineName") String engineName,
      @PathParam("caseNumber") String caseNumber) {
    Authentications signedIn = Authentications.getCurrent();
    Authentication user = signedIn == null ? null : signedIn.getAuthenticationForProcessEngine(engineName);
    if (user == null) {
      throw new WebApplicationException(Status.UNAUTHORIZED);
    }
    IntakeNotices notices = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
        .getBean(IntakeNotices.class);
    return notices.forOwner(caseNumber, user.getName())
        .orElseThrow(() -> new WebApplicationException(Status.NOT_FOUND));
  }
}
