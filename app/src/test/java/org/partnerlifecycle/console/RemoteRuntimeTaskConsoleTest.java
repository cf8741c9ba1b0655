package org.partnerlifecycle.console;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.account.Role;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Against a Camunda cluster the task console lists the tasks the projection knows and links each to Tasklist;
 * it renders no form and refuses every task command. (No cluster runs here: nothing is deployed, no worker
 * polls, and nothing in this test talks to Camunda.)
 */
@SpringBootTest(properties = {"partner.runtime=remote", "camunda.client.mode=self-managed",
    "partner.camunda.startup-check.enabled=false", // no cluster behind these addresses, on purpose
    "camunda.client.grpc-address=http://127.0.0.1:1", "camunda.client.rest-address=http://127.0.0.1:1",
    "camunda.client.deployment.enabled=false", "camunda.client.worker.defaults.enabled=false",
    "partner.tasklist-url=https://camunda.example/tasklist/",
    "spring.datasource.url=jdbc:h2:mem:remote-console;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class RemoteRuntimeTaskConsoleTest {

  static final long TASK = 4503599627370497L;

  @Autowired MockMvc mvc;
  @Autowired UserAccountRepository accounts;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void aStaffUserAndAnOpenTask() {
    if (accounts.findByUsername("olivia").isEmpty()) {
      var olivia = UserAccount.staff("olivia", "Olivia Ops", "olivia@vendor.example", Role.OPS, Instant.now());
      olivia.activate("{noop}unused");
      accounts.save(olivia);
      jdbc.update("INSERT INTO user_task (user_task_key, process_instance_key, bpmn_process_id, process_version,"
          + " element_id, element_instance_key, candidate_groups, state, created_at, updated_at)"
          + " VALUES (?, 1, 'partner-onboarding', 3, 'ReviewApplication', 2, 'channel-ops', 'OPEN', ?, ?)", TASK,
          LocalDateTime.now(ZoneOffset.UTC), LocalDateTime.now(ZoneOffset.UTC));
    }
  }

  @Test
  void tasksAreListedAndLinkedToTasklistButNotWorkedHere() throws Exception {
    var olivia = user(users.loadUserByUsername("olivia"));
    mvc.perform(get("/console/tasks").with(olivia))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("user tasks are worked in"),
            containsString("href=\"https://camunda.example/tasklist/" + TASK + "\""), containsString("Open in Tasklist"),
            not(containsString("/claim\"")))));
    mvc.perform(get("/console/tasks/" + TASK).with(olivia))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Complete this task in Camunda Tasklist."),
            not(containsString("id=\"task-form\"")), not(containsString("Assign to me")))));
    for (String action : new String[] {"claim", "unassign", "assign", "complete"}) {
      mvc.perform(post("/console/tasks/" + TASK + "/" + action).param("assignee", "olivia").with(olivia).with(csrf()))
          .andExpect(status().isConflict());
    }
  }
}
