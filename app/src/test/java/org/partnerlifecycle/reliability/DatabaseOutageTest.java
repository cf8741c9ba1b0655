package org.partnerlifecycle.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.notification.Notification;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.onboarding.ApplicationService;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.persistence.MySqlAvailable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MySQL-protocol server goes away in the middle of a run (every connection cut, new ones refused, through a
 * proxy only this test uses): jobs fail with retries and backoff, an incident is raised where retries run out,
 * nothing is lost; after recovery and incident resolution every process gets to where a run without the outage
 * gets, with the same records, events and mails, none twice.
 */
@MySqlAvailable
@org.springframework.test.annotation.DirtiesContext // its database is gone once the proxy closes
@SpringBootTest(properties = {"partner.demo-data=false", "spring.flyway.clean-disabled=false",
    "spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500"})
class DatabaseOutageTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static TcpProxy proxy;
  /** A database of this run's own: test suites running side by side must not write into each other's. */
  static final String DATABASE = "partner_outage_" + Long.toHexString(System.nanoTime());

  @DynamicPropertySource
  static void databaseBehindProxy(DynamicPropertyRegistry registry) throws IOException {
    URI mysql = URI.create(MySqlAvailable.Condition.url().substring("jdbc:".length()));
    proxy = new TcpProxy(mysql.getPort()).start();
    registry.add("spring.datasource.url", () -> "jdbc:mysql://127.0.0.1:" + proxy.port()
        + "/" + DATABASE + "?createDatabaseIfNotExist=true&connectTimeout=1000&socketTimeout=5000");
    registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("PARTNER_TEST_MYSQL_USER", "root"));
    registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("PARTNER_TEST_MYSQL_PASSWORD", ""));
  }

  @TestConfiguration
  static class CleanDatabase {
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return flyway -> {
        flyway.clean();
        flyway.migrate();
      };
    }
  }

  @AfterAll
  static void stopProxyAndDropDatabase() throws Exception {
    proxy.close();
    URI mysql = URI.create(MySqlAvailable.Condition.url().substring("jdbc:".length()));
    try (var connection = java.sql.DriverManager.getConnection("jdbc:mysql://" + mysql.getHost() + ":"
            + mysql.getPort() + "/", System.getenv().getOrDefault("PARTNER_TEST_MYSQL_USER", "root"),
        System.getenv().getOrDefault("PARTNER_TEST_MYSQL_PASSWORD", ""));
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
  }

  @Autowired ApplicationService applications;
  @Autowired PartnerRepository partners;
  @Autowired LifecycleEventRepository events;
  @Autowired NotificationRepository notifications;
  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;

  @Test
  void jobsRetryThroughAnOutageAndEveryProcessEndsAsWithoutIt() throws Exception {
    List<Long> partnerIds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      partnerIds.add(applications.submit(TestPartners.strongApplication("Outage Partner " + i,
          "outage" + i + "@partner.example"), Actor.system()).getPartnerId());
    }
    proxy.cut();
    var records = new EngineRecords(engine);
    // retries run out after three failed attempts (backoff 1 s, then 5 s): an incident shows where
    List<Record<IncidentRecordValue>> incidents = EngineRecords.await(() -> {
      var created = incidentsCreated(records);
      return created.isEmpty() ? Optional.empty() : Optional.of(created);
    }, WAIT, "an incident during the outage");
    assertThat(incidents.get(0).getValue().getErrorMessage()).isNotBlank();
    proxy.start();

    // ops resolve the incidents: give the jobs their retries back
    resolveAll(records);
    for (long partnerId : partnerIds) {
      EngineRecords.await(() -> {
        resolveAll(records);
        try {
          return partners.findById(partnerId).filter(p -> p.getStage() == LifecycleStage.BRIEFED);
        } catch (org.springframework.dao.DataAccessException
            | org.springframework.transaction.TransactionException poolStillReconnecting) {
          return Optional.empty();
        }
      }, WAIT, "partner " + partnerId + " briefed after the outage");
    }

    long reference = applications.submit(TestPartners.strongApplication("Reference Partner",
        "reference@partner.example"), Actor.system()).getPartnerId();
    EngineRecords.await(() -> partners.findById(reference).filter(p -> p.getStage() == LifecycleStage.BRIEFED),
        WAIT, "reference partner briefed");
    for (long partnerId : partnerIds) {
      assertThat(eventTypes(partnerId)).isEqualTo(eventTypes(reference));
      assertThat(mailTemplates(partnerId)).isEqualTo(mailTemplates(reference));
    }
    System.out.printf("Database outage: %d incident(s) raised and resolved, %d partners recovered, 0 records lost%n",
        incidentsCreated(records).size(), partnerIds.size());
  }

  private static List<Record<IncidentRecordValue>> incidentsCreated(EngineRecords records) {
    return records.all()
        .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == ValueType.INCIDENT
            && r.getIntent() == IncidentIntent.CREATED)
        .map(r -> {
          @SuppressWarnings("unchecked")
          Record<IncidentRecordValue> incident = (Record<IncidentRecordValue>) (Record<?>) r;
          return incident;
        })
        .toList();
  }

  private void resolveAll(EngineRecords records) {
    var resolved = records.all()
        .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == ValueType.INCIDENT
            && r.getIntent() == IncidentIntent.RESOLVED)
        .map(Record::getKey).collect(Collectors.toSet());
    for (var incident : incidentsCreated(records)) {
      if (!resolved.contains(incident.getKey())) {
        client.newUpdateRetriesCommand(incident.getValue().getJobKey()).retries(3).send().join();
        client.newResolveIncidentCommand(incident.getKey()).send().join();
      }
    }
  }

  /** Event types with their counts, in a stable order: what happened, and how often. */
  private Map<String, Long> eventTypes(long partnerId) {
    return events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId).stream()
        .collect(Collectors.groupingBy(e -> e.getEventType() + ":" + e.getStageTo(), java.util.TreeMap::new,
            Collectors.counting()));
  }

  private Map<String, Long> mailTemplates(long partnerId) {
    return notifications.findByPartnerIdOrderByIdAsc(partnerId).stream()
        .collect(Collectors.groupingBy(Notification::getTemplate, java.util.TreeMap::new, Collectors.counting()));
  }
}
