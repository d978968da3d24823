package org.serviceflow.notification;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Staff look-ups for addressing notifications. They run without authorization checks: the user
 * whose step causes a notification (e.g. a clerk completing a task, inside the engine's command)
 * usually may not read other users, yet the message must still reach the whole group.
 */
@Component
class StaffDirectory {

  record Member(String id, String email) {}

  private final ProcessEngineConfigurationImpl engine;

  StaffDirectory(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  List<Member> membersOf(String groupId) {
    return withoutAuthorization(context -> users(context).memberOfGroup(groupId).list())
        .stream().map(StaffDirectory::member).toList();
  }

  Optional<Member> user(String userId) {
    return Optional.ofNullable(withoutAuthorization(context -> users(context)
        .userId(userId).singleResult())).map(StaffDirectory::member);
  }

  /** Joins the current engine command (inside a delegate) or opens one (from a controller). */
  private <T> T withoutAuthorization(Function<CommandContext, T> query) {
    return engine.getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(() -> query.apply(context)));
  }

  private static UserQuery users(CommandContext context) {
    return context.getReadOnlyIdentityProvider().createUserQuery(context);
  }

  private static Member member(User user) {
    String email = user.getEmail();
    return new Member(user.getId(), email == null || email.isBlank() ? null : email.trim());
  }
}
