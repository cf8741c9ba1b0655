package org.partnerlifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.partnerlifecycle.engine.CamundaRuntime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@EmbeddedAppTest
class ApplicationSmokeTest {

  @Autowired MockMvc mvc;
  @Autowired CamundaRuntime runtime;

  @Test
  void startsOnTheEmbeddedRuntimeAndServesTheLoginPage() throws Exception {
    assertThat(runtime).isEqualTo(CamundaRuntime.EMBEDDED);
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in")));
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
    mvc.perform(get("/console")).andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("http://localhost/login"));
  }

  @Test
  void demoManagerLogsInAndSeesTheChannelOverviewWithDemoPartners() throws Exception {
    var login = mvc.perform(formLogin("/login").user("manager").password("manager-demo"))
        .andExpect(authenticated().withRoles("MANAGER"))
        .andExpect(redirectedUrl("/"))
        .andReturn();
    var session = (MockHttpSession) login.getRequest().getSession();

    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/console"));
    mvc.perform(get("/console").session(session)).andExpect(status().isOk());
    // the demo partners, found by name (other tests in this context add partners, so they may be on a later page)
    mvc.perform(get("/console/partners").param("q", "Northwind").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Northwind Resellers Ltd")));
    mvc.perform(get("/console/partners").param("q", "Contoso").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Contoso Integration GmbH")));
  }

  @Test
  void aWrongPasswordDoesNotSignIn() throws Exception {
    mvc.perform(formLogin("/login").user("manager").password("guess"))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void demoPartnerUserSeesOnlyTheirPortalNotTheConsole() throws Exception {
    var session = (MockHttpSession) mvc.perform(formLogin("/login").user("northwind").password("northwind-demo"))
        .andExpect(authenticated().withRoles("PARTNER")).andReturn().getRequest().getSession();

    mvc.perform(get("/portal").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Northwind Resellers Ltd")))
        .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Contoso"))));
    mvc.perform(get("/console").session(session)).andExpect(status().isForbidden());
  }

  @Test
  void healthIsUpWhenDatabaseAndCamundaGatewayAnswer() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.components.db.status").value("UP"))
        .andExpect(jsonPath("$.components.camundaGateway.status").value("UP"));
  }
}
