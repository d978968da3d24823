package org.serviceflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Outside the demo profile (serviceflow.identity.demo-users=false): groups, but no demo staff. */
@SpringBootTest(properties = "serviceflow.identity.demo-users=false")
@ActiveProfiles("test")
class DemoUsersOffTest {

  @Autowired IdentityService identityService;

  @Test
  void shouldCreateGroupsButNoDemoUsers() {
    assertThat(identityService.createGroupQuery().groupId("customer-service").singleResult().getName())
        .isEqualTo("客服部");
    for (DemoUsers.DemoUser demo : DemoUsers.ALL) {
      assertThat(identityService.createUserQuery().userId(demo.id()).count()).as(demo.id()).isZero();
    }
    assertThat(identityService.createUserQuery().userId("admin").count()).isOne();
  }
}
