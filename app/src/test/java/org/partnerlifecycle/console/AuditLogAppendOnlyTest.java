package org.partnerlifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The audit log is append-only: the repository can add and read events but not change or delete them, the
 * entity is immutable to JPA (a changed event is never written back), and no HTTP endpoint writes to it.
 */
@EmbeddedAppTest
class AuditLogAppendOnlyTest {

  @Autowired LifecycleEventRepository events;
  @Autowired PartnerService partners;
  @Autowired EntityManager entityManager;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void theRepositoryCanOnlyAppendAndRead() {
    assertThat(CrudRepository.class.isAssignableFrom(LifecycleEventRepository.class)).isFalse();
    assertThat(ListCrudRepository.class.isAssignableFrom(LifecycleEventRepository.class)).isFalse();
    assertThat(PagingAndSortingRepository.class.isAssignableFrom(LifecycleEventRepository.class)).isFalse();
    List<String> writes = Arrays.stream(LifecycleEventRepository.class.getMethods()).map(Method::getName)
        .filter(name -> !name.startsWith("find") && !name.startsWith("count") && !name.startsWith("exists")
            && !name.equals("processInstanceKeysOf"))
        .toList();
    assertThat(writes).containsExactly("save");
    assertThat(LifecycleEvent.class.isAnnotationPresent(Immutable.class)).isTrue();
  }

  @Test
  void anEventChangedThroughJpaIsNeverWrittenBack() throws Exception {
    long partnerId = partners.register("Immutable Audit Ltd", "IE", "EMEA", Segment.RESELLER, List.of(),
        new PartnerService.Actor(ActorType.STAFF, "olivia.ops")).getId();
    long eventId = events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId).get(0).getId();
    Field actor = LifecycleEvent.class.getDeclaredField("actor");
    actor.setAccessible(true);

    // a managed event changed in a transaction: Hibernate does not dirty-check immutable entities
    tx.executeWithoutResult(s -> {
      LifecycleEvent managed = entityManager.find(LifecycleEvent.class, eventId);
      set(actor, managed, "tampered-managed");
      entityManager.flush();
    });
    // a detached, changed event saved (merged) through the repository
    LifecycleEvent detached = events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId).get(0);
    set(actor, detached, "tampered-detached");
    tx.executeWithoutResult(s -> events.save(detached));

    Map<String, Object> row = jdbc.queryForMap("SELECT actor, event_type FROM lifecycle_event WHERE id = ?", eventId);
    assertThat(row).containsEntry("actor", "olivia.ops").containsEntry("event_type", PartnerService.REGISTERED);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_event WHERE partner_id = ?", Long.class, partnerId))
        .isEqualTo(1);
  }

  @Test
  void everyAuditUrlAnswersReadsOnly() throws Exception {
    mappings.getHandlerMethods().forEach((info, method) -> {
      boolean audit = info.getPatternValues().stream().anyMatch(p -> p.contains("audit"));
      if (audit) {
        assertThat(info.getMethodsCondition().getMethods()).as("%s", info).containsExactly(RequestMethod.GET);
      }
    });
    var admin = user(users.loadUserByUsername("admin"));
    for (String url : List.of("/console/audit", "/console/audit/export.csv", "/console/audit/export.json")) {
      for (Function<String, MockHttpServletRequestBuilder> write : List.<Function<String, MockHttpServletRequestBuilder>>of(
          u -> post(u), u -> put(u), u -> patch(u), u -> delete(u))) {
        mvc.perform(write.apply(url).with(admin).with(csrf())).andExpect(status().isMethodNotAllowed());
        mvc.perform(write.apply(url).with(admin)).andExpect(status().isForbidden());
      }
    }
  }

  private static void set(Field field, Object target, Object value) {
    try {
      field.set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
