package org.serviceflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationRecipientsTest extends NotificationSpringTest {

  private static final String CASE = "TS2611-0300";
  private static final Map<String, Object> PARAMS =
      Map.of("taskName", "核实投诉", "dueDate", Date.from(Instant.parse("2026-11-05T09:30:00Z")));
  private static final String PROBE_PROCESS = "notificationProbe";
  private static final String PROBE_USER = "ntprobe";
  private static final String NO_MAIL_USER = "ntnomail";

  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ProcessEngineConfigurationImpl engineConfiguration;

  @AfterEach
  void removeTestIdentitiesAndProbeProcess() {
    identityService.clearAuthentication();
    for (String userId : List.of(PROBE_USER, NO_MAIL_USER)) {
      authorizationService.createAuthorizationQuery().userIdIn(userId).list()
          .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
      identityService.deleteUser(userId);
    }
    repositoryService.createDeploymentQuery().deploymentName(PROBE_PROCESS).list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  @Test
  void shouldReachEveryGroupMembersInboxAndMailbox() throws Exception {
    // given the members of the demo group
    List<User> members = identityService.createUserQuery().memberOfGroup(GROUP).list();
    List<String> memberIds = members.stream().map(User::getId).toList();
    List<String> memberMails = members.stream().map(User::getEmail).toList();
    assertThat(memberIds).contains(KEFU1, KEFU2);
    assertThat(memberMails).contains(KEFU1 + DEMO_MAIL_DOMAIN, KEFU2 + DEMO_MAIL_DOMAIN);

    // when the group is notified and the dispatcher runs
    notifications.toGroup(CASE, GROUP, "common.taskAssigned", PARAMS);
    int delivered = dispatcher.dispatchDue();

    // then each member has an inbox message (delivered on write) and an e-mail
    assertThat(recipients(Channel.INBOX)).containsExactlyInAnyOrderElementsOf(memberIds);
    assertThat(recipients(Channel.EMAIL)).containsExactlyInAnyOrderElementsOf(memberMails);
    assertThat(rows()).allSatisfy(row -> {
      assertThat(row.getStatus()).isEqualTo(NotificationStatus.SENT);
      assertThat(row.getSubject()).isEqualTo("【TS2611-0300】新的待办任务：核实投诉");
    });
    assertThat(delivered).isEqualTo(memberMails.size());
    assertThat(mailRecipients()).containsExactlyInAnyOrderElementsOf(memberMails);
  }

  @Test
  void shouldNotifyOneUserInTheInboxAndByMailWhereTheUserHasAnAddress() throws Exception {
    // given a user without e-mail address
    User noMail = identityService.newUser(NO_MAIL_USER);
    noMail.setFirstName("无");
    noMail.setLastName("邮箱");
    identityService.saveUser(noMail);

    // when both a demo user, the user without address and an unknown user are notified
    notifications.toUser(CASE, KEFU1, "common.deadlineWarning", PARAMS);
    notifications.toUser(CASE, NO_MAIL_USER, "common.deadlineWarning", PARAMS);
    notifications.toUser(CASE, "ntnobody", "common.deadlineWarning", PARAMS);
    dispatcher.dispatchDue();

    // then
    assertThat(recipients(Channel.INBOX)).containsExactlyInAnyOrder(KEFU1, NO_MAIL_USER);
    assertThat(recipients(Channel.EMAIL)).containsExactly(KEFU1 + DEMO_MAIL_DOMAIN);
    assertThat(mailRecipients()).containsExactly(KEFU1 + DEMO_MAIL_DOMAIN);
  }

  @Test
  void shouldFindTheGroupFromAProcessStepOfAUserWhoMayNotReadUsers() {
    // given a process whose service task notifies the group, started by a user allowed to start it and nothing
    // else, with authorization checks on even inside delegation code (the engine's default skips them there)
    deployProbe("${notificationService.toGroup(execution.processBusinessKey, '" + GROUP
        + "', 'common.taskAssigned', execution.variables)}");
    createProbeUser();
    boolean checksInCustomCode = engineConfiguration.isAuthorizationEnabledForCustomCode();
    engineConfiguration.setAuthorizationEnabledForCustomCode(true);
    identityService.setAuthentication(PROBE_USER, List.of());
    try {
      assertThat(identityService.createUserQuery().memberOfGroup(GROUP).count()).isZero();

      // when
      runtimeService.startProcessInstanceByKey(PROBE_PROCESS, CASE, PARAMS);
    } finally {
      identityService.clearAuthentication();
      engineConfiguration.setAuthorizationEnabledForCustomCode(checksInCustomCode);
    }

    // then every member got the message all the same
    assertThat(recipients(Channel.INBOX)).containsExactlyInAnyOrderElementsOf(groupMemberIds());
  }

  @Test
  void shouldFindTheGroupWhenCalledForASignedInUserWhoMayNotReadUsers() {
    // given a request of a user who may not read users (e.g. an intake endpoint notifying a group)
    createProbeUser();
    identityService.setAuthentication(PROBE_USER, List.of());
    try {
      assertThat(identityService.createUserQuery().memberOfGroup(GROUP).count()).isZero();

      // when
      notifications.toGroup(CASE, GROUP, "common.taskAssigned", PARAMS);
      notifications.toUser(CASE, KEFU1, "common.deadlineWarning", PARAMS);
    } finally {
      identityService.clearAuthentication();
    }

    // then
    assertThat(recipients(Channel.INBOX)).containsExactlyInAnyOrderElementsOf(
        Stream.concat(groupMemberIds().stream(), Stream.of(KEFU1)).toList());
  }

  private List<String> groupMemberIds() {
    List<String> memberIds = identityService.createUserQuery().memberOfGroup(GROUP).list().stream()
        .map(User::getId).toList();
    assertThat(memberIds).contains(KEFU1, KEFU2);
    return memberIds;
  }

  @Test
  void shouldWriteNothingWhenALaterPartOfTheProcessStepFails() {
    // given a step that notifies the group, then fails on an unknown template
    deployProbe("${notificationService.toGroup(execution.processBusinessKey, '" + GROUP
            + "', 'common.taskAssigned', execution.variables)}",
        "${notificationService.toUser(execution.processBusinessKey, '" + KEFU1
            + "', 'common.noSuchTemplate', execution.variables)}");

    // when / then the step fails loudly, naming the template
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROBE_PROCESS, CASE, PARAMS))
        .hasMessageContaining("common.noSuchTemplate");

    // and the engine's rollback took the group's messages with it
    assertThat(rows()).isEmpty();
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  private void deployProbe(String... serviceTaskExpressions) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(PROBE_PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probe");
    for (int i = 0; i < serviceTaskExpressions.length; i++) {
      flow = flow.serviceTask("Task_Notify" + i).camundaExpression(serviceTaskExpressions[i]);
    }
    BpmnModelInstance model = flow.endEvent("EndEvent_Probe").done();
    repositoryService.createDeployment().name(PROBE_PROCESS).addModelInstance(PROBE_PROCESS + ".bpmn", model)
        .deploy();
  }

  private void createProbeUser() {
    User probe = identityService.newUser(PROBE_USER);
    probe.setFirstName("测");
    probe.setLastName("试");
    probe.setPassword("probe");
    identityService.saveUser(probe);
    grant(Resources.PROCESS_DEFINITION, PROBE_PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
  }

  private void grant(Resources resource, String resourceId, Permissions... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setUserId(PROBE_USER);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    Arrays.stream(permissions).forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
  }

  private List<String> recipients(Channel channel) {
    return rows().stream().filter(row -> row.getChannel() == channel).map(Notification::getRecipient).toList();
  }

  private List<String> mailRecipients() throws Exception {
    List<String> recipients = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      for (Address address : message.getAllRecipients()) {
        recipients.add(address.toString());
      }
    }
    return recipients;
  }
}
