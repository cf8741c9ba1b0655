package org.partnerlifecycle.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.account.Role;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the domain needs of its database, run once per database: H2 in MySQL mode and a real MySQL-protocol
 * server through MySQL Connector/J. Each test commits for real (no rollback-only test transaction), so
 * constraints and optimistic locking are those of the database.
 */
@Import({AuditLog.class, PartnerService.class, PersistenceContract.Fixtures.class})
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
abstract class PersistenceContract {

  @Autowired PartnerRepository partners;
  @Autowired UserAccountRepository accounts;
  @Autowired LifecycleEventRepository events;
  @Autowired PartnerService partnerService;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;

  static final Actor OPS = new Actor(ActorType.STAFF, "olivia.ops");

  @TestConfiguration
  static class Fixtures {
    @Bean
    java.time.Clock clock() {
      return java.time.Clock.systemUTC();
    }

    /** Start every run from an empty schema, so a shared server gives the same result each time. */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return flyway -> {
        flyway.clean();
        flyway.migrate();
      };
    }
  }

  private Partner register(String name) {
    return partnerService.register(name, "NL", "EMEA", Segment.SYSTEM_INTEGRATOR, List.of("Cloud", "Data"), OPS);
  }

  @Test
  void partnerRoundTripsWithItsListsAndStage() {
    long id = register("Van Dijk Integratie B.V.").getId();

    Partner loaded = partners.findById(id).orElseThrow();
    assertThat(loaded.getLegalName()).isEqualTo("Van Dijk Integratie B.V.");
    assertThat(loaded.getDomainExpertise()).containsExactly("Cloud", "Data");
    assertThat(loaded.getStage()).isEqualTo(LifecycleStage.APPLIED);
    assertThat(loaded.getSegment()).isEqualTo(Segment.SYSTEM_INTEGRATOR);
  }

  @Test
  void stageChangesAreAuditedInOrderWithTheirProcessReference() {
    long id = register("Ordered History Ltd").getId();
    partnerService.moveToStage(id, LifecycleStage.APPLIED, OPS, ProcessRef.NONE, null, null);
    var process = new ProcessRef(2251799813685300L, "partner-onboarding", 3, "RecordQualified");
    partnerService.moveToStage(id, LifecycleStage.QUALIFIED, new Actor(ActorType.WORKER, "partner-stage"), process,
        Map.of("score", 82), "job-1");
    partnerService.moveToStage(id, LifecycleStage.BRIEFED, OPS, ProcessRef.NONE, null, null);

    var history = events.findByPartnerIdOrderByOccurredAtAscIdAsc(id);
    assertThat(history).extracting(e -> e.getStageTo())
        .containsExactly(null, LifecycleStage.APPLIED, LifecycleStage.QUALIFIED, LifecycleStage.BRIEFED);
    assertThat(history.get(0).getEventType()).isEqualTo(PartnerService.REGISTERED);
    assertThat(history.get(1).getStageFrom()).isNull();
    var qualified = history.get(2);
    assertThat(qualified.getStageFrom()).isEqualTo(LifecycleStage.APPLIED);
    assertThat(qualified.getProcessInstanceKey()).isEqualTo(2251799813685300L);
    assertThat(qualified.getBpmnProcessId()).isEqualTo("partner-onboarding");
    assertThat(qualified.getProcessVersion()).isEqualTo(3);
    assertThat(qualified.getElementId()).isEqualTo("RecordQualified");
    assertThat(qualified.getActorType()).isEqualTo(ActorType.WORKER);
    assertThat(qualified.getPayload()).contains("\"score\":82");
  }

  @Test
  void aRepeatedJobRecordsItsStageChangeOnce() {
    long id = register("Twice Delivered Oy").getId();
    for (int delivery = 0; delivery < 2; delivery++) {
      partnerService.moveToStage(id, LifecycleStage.QUALIFIED, new Actor(ActorType.WORKER, "partner-stage"),
          ProcessRef.NONE, null, "job-" + id + "-qualified");
    }
    assertThat(events.countByPartnerId(id)).isEqualTo(2); // registered + qualified, not qualified twice
  }

  @Test
  void theDatabaseRefusesASecondEventWithTheSameIdempotencyKey() {
    long id = register("Unique Keys SA").getId();
    partnerService.moveToStage(id, LifecycleStage.QUALIFIED, OPS, ProcessRef.NONE, null, "same-key-" + id);
    // bypass the service's check: the unique constraint itself must hold under a race
    assertThatThrownBy(() -> jdbc.update("""
        INSERT INTO lifecycle_event (partner_id, occurred_at, actor_type, actor, event_type, idempotency_key)
        VALUES (?, CURRENT_TIMESTAMP, 'WORKER', 'racer', 'STAGE_CHANGED', ?)""", id, "same-key-" + id))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void concurrentEditsOfAPartnerAreDetected() {
    long id = register("Optimistic Locking AG").getId();
    Partner first = tx.execute(s -> partners.findById(id).orElseThrow());
    Partner second = tx.execute(s -> partners.findById(id).orElseThrow());

    first.moveTo(LifecycleStage.QUALIFIED, Instant.now());
    tx.executeWithoutResult(s -> partners.save(first));
    second.moveTo(LifecycleStage.DECLINED, Instant.now());

    assertThatThrownBy(() -> tx.executeWithoutResult(s -> partners.save(second)))
        .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    assertThat(partners.findById(id).orElseThrow().getStage()).isEqualTo(LifecycleStage.QUALIFIED);
  }

  @Test
  void usernamesAreUniqueAndPartnerUsersBelongToTheirCompany() {
    long id = register("Accounts Unlimited Ltd").getId();
    String username = "nora" + id;
    accounts.save(UserAccount.partnerUser(username, "Nora", "nora@example.com", id, Instant.now()));

    assertThat(accounts.findByPartnerIdOrderByUsername(id)).extracting(UserAccount::getRole)
        .containsExactly(Role.PARTNER);
    assertThatThrownBy(() -> accounts.saveAndFlush(
        UserAccount.staff(username, "Impostor", "x@example.com", Role.OPS, Instant.now())))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
