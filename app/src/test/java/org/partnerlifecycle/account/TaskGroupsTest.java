package org.partnerlifecycle.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who works which user tasks: the groups of each role, those named on an account, and matching a task's groups. */
class TaskGroupsTest {

  @Test
  void eachRoleBringsItsGroupsAndAnAccountMayNameMore() {
    assertThat(TaskGroups.of(Role.OPS, List.of()).groups()).containsExactly("channel-ops");
    assertThat(TaskGroups.of(Role.MANAGER, List.of()).groups()).containsExactly("channel-managers", "channel-ops");
    assertThat(TaskGroups.of(Role.ADMIN, List.of()).everyGroup()).isTrue();
    assertThat(TaskGroups.of(Role.PARTNER, List.of("channel-ops")).groups()).isEmpty();
    assertThat(TaskGroups.of(Role.OPS, List.of("channel-legal")).groups()).containsExactly("channel-legal", "channel-ops");
  }

  @Test
  void aTaskIsOursWhenOfferedToOneOfOurGroupsOrToNoGroup() {
    TaskGroups ops = TaskGroups.of(Role.OPS, List.of());
    assertThat(ops.includes("channel-ops")).isTrue();
    assertThat(ops.includes("channel-legal,channel-ops")).isTrue();
    assertThat(ops.includes("channel-managers")).isFalse();
    assertThat(TaskGroups.of(Role.OPS, List.of("ops")).includes("channel-managers,legal-ops")).isFalse();
    assertThat(ops.includes(null)).isTrue();
    assertThat(TaskGroups.of(Role.PARTNER, List.of()).includes("channel-ops")).isFalse();
    assertThat(TaskGroups.of(Role.ADMIN, List.of()).includes("some-other-group")).isTrue();
  }

  @Test
  void onlyStaffAccountsNameGroupsAndOnlyValidGroupIds() {
    UserAccount lead = UserAccount.staff("lead", "Lead", "lead@vendor.example", Role.OPS, Instant.now());
    lead.setTaskGroups(List.of("channel-managers"));
    assertThat(lead.taskGroupMembership().groups()).containsExactly("channel-managers", "channel-ops");
    assertThatThrownBy(() -> lead.setTaskGroups(List.of("Channel Managers"))).isInstanceOf(IllegalArgumentException.class);
    UserAccount partner = UserAccount.partnerUser("p@x.example", "P", "p@x.example", 1L, Instant.now());
    assertThatThrownBy(() -> partner.setTaskGroups(List.of("channel-ops"))).isInstanceOf(IllegalStateException.class);
  }
}
