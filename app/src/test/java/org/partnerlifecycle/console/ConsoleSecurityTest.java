package org.partnerlifecycle.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.partner.PartnerRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Every console URL: staff (OPS, MANAGER, ADMIN) get in, partner users get 403, anonymous visitors the login page. */
@EmbeddedAppTest
class ConsoleSecurityTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired PartnerRepository partners;

  List<String> pages;
  static final List<String> ACTIONS = List.of("/console/tasks/1/claim", "/console/tasks/1/unassign",
      "/console/tasks/1/assign", "/console/tasks/1/complete", "/console/partners/1/terminate");

  @BeforeEach
  void consolePages() {
    long northwind = partners.findAll().stream().filter(p -> p.getLegalName().startsWith("Northwind")).findFirst()
        .orElseThrow().getId();
    pages = List.of("/console", "/console/partners", "/console/partners/" + northwind, "/console/audit",
        "/console/audit/export.csv", "/console/audit/export.json", "/console/tasks");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ops", "manager", "admin"})
  void staffOpenEveryConsolePage(String username) throws Exception {
    var staff = user(users.loadUserByUsername(username));
    for (String page : pages) {
      mvc.perform(get(page).with(staff)).andExpect(status().isOk());
    }
  }

  @Test
  void aPartnerUserIsForbiddenEveryConsoleUrlAndAction() throws Exception {
    var partner = user(users.loadUserByUsername("northwind"));
    for (String page : pages) {
      mvc.perform(get(page).with(partner)).andExpect(status().isForbidden());
    }
    mvc.perform(get("/console/tasks/1").with(partner)).andExpect(status().isForbidden());
    for (String action : ACTIONS) {
      mvc.perform(post(action).with(partner).with(csrf())).andExpect(status().isForbidden());
    }
  }

  @Test
  void anonymousVisitorsAreSentToTheLogin() throws Exception {
    for (String page : pages) {
      mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
    }
    for (String action : ACTIONS) {
      mvc.perform(post(action).with(csrf())).andExpect(redirectedUrl("http://localhost/login"));
    }
  }

  @Test
  void unknownPartnersAndTasksAreNotFound() throws Exception {
    var ops = user(users.loadUserByUsername("ops"));
    mvc.perform(get("/console/partners/999999999").with(ops)).andExpect(status().isNotFound());
    mvc.perform(get("/console/tasks/999999999").with(ops)).andExpect(status().isNotFound());
    mvc.perform(post("/console/tasks/999999999/claim").with(ops).with(csrf())).andExpect(status().isNotFound());
    mvc.perform(get("/console/partners/not-a-number").with(ops)).andExpect(status().isBadRequest());
  }
}
