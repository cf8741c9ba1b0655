package org.partnerlifecycle.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.PartnerLifecycleApplication;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.onboarding.ApplicationService;
import org.partnerlifecycle.onboarding.PartnerBriefRepository;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.workers.onboarding.OnboardingPort;
import org.partnerlifecycle.workers.support.JobRef;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application stops while jobs are in flight (its workers hold locked jobs) and a new instance starts
 * against the same running engine and database: the locked jobs time out and are delivered again, and every
 * effect happens exactly once.
 */
class RestartMidFlightTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static EmbeddedEngine engine;
  /** Holds the first instance's brief workers mid-job until that instance is gone. */
  static final CountDownLatch firstInstanceGone = new CountDownLatch(1);
  static final java.util.concurrent.atomic.AtomicInteger stuckJobs = new java.util.concurrent.atomic.AtomicInteger();

  @BeforeAll
  static void startEngine() {
    engine = EmbeddedEngine.start();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  static ConfigurableApplicationContext startApp(Class<?>... extra) {
    List<Class<?>> sources = new ArrayList<>(List.of(PartnerLifecycleApplication.class));
    sources.addAll(List.of(extra));
    // as arguments: they must win over the defaults the Camunda starter sets for a self-managed cluster
    return new SpringApplicationBuilder(sources.toArray(Class[]::new))
        .run("--partner.runtime=remote", "--camunda.client.mode=self-managed",
            "--camunda.client.grpc-address=http://" + engine.gatewayAddress(),
            "--camunda.client.prefer-rest-over-grpc=false",
            "--camunda.client.worker.defaults.timeout=PT3S",
            "--spring.datasource.url=jdbc:h2:mem:restart-mid-flight;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "--partner.demo-data=false", "--server.port=0",
            // the in-process engine has no REST API for the startup check to ask
            "--partner.camunda.startup-check.enabled=false");
  }

  /** In the first instance only: brief generation blocks until the instance is closed, then fails. */
  @Configuration(proxyBeanMethods = false)
  static class StuckBriefWorker {
    @Bean
    static BeanPostProcessor blockBriefGeneration() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof OnboardingPort port)) {
            return bean;
          }
          return java.lang.reflect.Proxy.newProxyInstance(OnboardingPort.class.getClassLoader(),
              new Class<?>[] {OnboardingPort.class}, (proxy, method, args) -> {
                if (method.getName().equals("generateBrief")) {
                  stuckJobs.incrementAndGet();
                  firstInstanceGone.await();
                  throw new IllegalStateException("instance stopped mid-job");
                }
                return method.invoke(port, args);
              });
        }
      };
    }
  }

  @Test
  void lockedJobsAreRedeliveredToTheNextInstanceAndEveryEffectHappensOnce() throws Exception {
    List<Long> partnerIds = new ArrayList<>();
    try (ConfigurableApplicationContext first = startApp(StuckBriefWorker.class)) {
      ApplicationService applications = first.getBean(ApplicationService.class);
      for (int i = 0; i < 5; i++) {
        partnerIds.add(applications.submit(TestPartners.strongApplication("Restart Partner " + i,
            "restart" + i + "@partner.example"), Actor.system()).getPartnerId());
      }
      // a brief job is mid-handler in this instance, others are locked or not yet started
      EngineRecords.await(() -> stuckJobs.get() >= 1 ? Optional.of(true) : Optional.empty(),
          WAIT, "brief jobs held by the first instance (held so far: " + stuckJobs + ")");
    }
    firstInstanceGone.countDown();

    try (ConfigurableApplicationContext second = startApp()) {
      PartnerRepository partners = second.getBean(PartnerRepository.class);
      for (long partnerId : partnerIds) {
        EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getStage() == LifecycleStage.BRIEFED),
            WAIT, "partner " + partnerId + " briefed by the second instance");
      }
      var briefs = second.getBean(PartnerBriefRepository.class);
      var events = second.getBean(LifecycleEventRepository.class);
      var mails = second.getBean(NotificationRepository.class);
      for (long partnerId : partnerIds) {
        assertThat(briefs.findAll().stream().filter(b -> b.getPartnerId() == partnerId)).hasSize(1);
        assertThat(events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId).stream()
            .filter(e -> e.getStageTo() == LifecycleStage.BRIEFED)).hasSize(1);
        assertThat(mails.findByPartnerIdOrderByIdAsc(partnerId).stream()
            .filter(n -> n.getTemplate().equals("brief-ready"))).hasSize(1);
      }
    }
    // the held jobs came back to the engine (timed out, or failed by the stopping instance) and were redone
    long returned = new EngineRecords(engine).all()
        .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == ValueType.JOB
            && (r.getIntent() == JobIntent.TIMED_OUT || r.getIntent() == JobIntent.FAILED))
        .filter(r -> ((JobRecordValue) r.getValue()).getType().equals("partner-brief-generate"))
        .count();
    assertThat(returned).isGreaterThanOrEqualTo(1);
    System.out.printf("Restart mid-flight: %d jobs held by the stopped instance, %d returned to the engine, "
        + "%d partners briefed once each%n", stuckJobs.get(), returned, partnerIds.size());
  }
}
