package org.partnerlifecycle.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.account.Role;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.engine.CamundaRuntime;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.ApplicationForm;
import org.partnerlifecycle.onboarding.ApplicationService;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.partner.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the embedded runtime, a living system for a newcomer: staff users for each role, and a few partners at
 * different stages with their history. Never runs against a cluster, nor when partner.demo-data is false.
 */
@Component
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  /** Demo logins, printed at startup; they exist only in the in-memory demo. */
  static final Map<String, Role> STAFF = Map.of("admin", Role.ADMIN, "manager", Role.MANAGER, "ops", Role.OPS);

  private final CamundaRuntime runtime;
  private final Environment env;
  private final UserAccountRepository accounts;
  private final PartnerRepository partners;
  private final PartnerService partnerService;
  private final PasswordEncoder passwords;
  private final TransactionTemplate tx;
  private final ApplicationService applications;
  private final PartnerSteps steps;
  private final AgreementRepository agreements;
  private static final Actor DEMO = new Actor(ActorType.SYSTEM, "demo-data");

  DemoData(CamundaRuntime runtime, Environment env, UserAccountRepository accounts, PartnerRepository partners,
      PartnerService partnerService, PasswordEncoder passwords, TransactionTemplate tx,
      ApplicationService applications, PartnerSteps steps, AgreementRepository agreements) {
    this.runtime = runtime;
    this.env = env;
    this.accounts = accounts;
    this.partners = partners;
    this.partnerService = partnerService;
    this.passwords = passwords;
    this.tx = tx;
    this.applications = applications;
    this.steps = steps;
    this.agreements = agreements;
  }

  static String demoPassword(String username) {
    return username + "-demo";
  }

  @Override
  public void run(ApplicationArguments args) {
    if (runtime != CamundaRuntime.EMBEDDED || !env.getProperty("partner.demo-data", Boolean.class, true)
        || accounts.count() > 0) {
      return;
    }
    tx.executeWithoutResult(status -> {
      var now = java.time.Instant.now();
      STAFF.forEach((username, role) -> {
        var account = UserAccount.staff(username, "Demo " + role.name().toLowerCase(), username + "@vendor.example",
            role, now);
        account.activate(passwords.encode(demoPassword(username)));
        accounts.save(account);
      });
      Partner northwind = partnerAt("Northwind Resellers Ltd", "GB", "EMEA", Segment.RESELLER,
          List.of("ERP", "Retail"), LifecycleStage.ACTIVE);
      northwind.setTier(Tier.GOLD);
      partnerAt("Contoso Integration GmbH", "DE", "EMEA", Segment.SYSTEM_INTEGRATOR, List.of("Cloud migration"),
          LifecycleStage.ONBOARDING);
      partnerAt("Fabrikam Distribution Inc.", "US", "AMER", Segment.DISTRIBUTOR, List.of("Hardware"),
          LifecycleStage.AGREEMENT);
      partnerAt("Tailspin Managed Services", "AU", "APAC", Segment.MSP, List.of("Security", "Backup"),
          LifecycleStage.APPLIED);
      partnerAt("Adatum Referrals", "FR", "EMEA", Segment.REFERRAL, List.of(), LifecycleStage.DECLINED);
      var partnerUser = UserAccount.partnerUser("northwind", "Nora at Northwind", "nora@northwind.example",
          northwind.getId(), now);
      partnerUser.activate(passwords.encode(demoPassword("northwind")));
      partnerUser.makePartnerAdmin();
      accounts.save(partnerUser);
    });
    StringBuilder logins = new StringBuilder("\n Demo logins (embedded runtime only):\n");
    STAFF.keySet().stream().sorted().forEach(u ->
        logins.append(String.format("   %-10s password %-16s role %s%n", u, demoPassword(u), STAFF.get(u))));
    logins.append(String.format("   %-10s password %-16s role PARTNER (Northwind Resellers Ltd)%n", "northwind",
        demoPassword("northwind")));
    log.warn(logins.toString());
    Thread live = new Thread(this::startLivePartners, "demo-live-partners");
    live.setDaemon(true);
    live.start();
  }

  /**
   * Partners with real process instances behind them, so the console has work in it: one waiting for its brief
   * to be acknowledged, one whose application waits for ops review, and one whose signed agreement waits for
   * countersignature.
   */
  private void startLivePartners() {
    try {
      applications.submit(new ApplicationForm("Blue Yonder Cloud Services Ltd", "IE", Segment.MSP, List.of("EMEA"),
          List.of("Managed cloud", "Security"), 120, 3, new BigDecimal("1200000"),
          "We run managed cloud for 120 mid-sized customers.", "Aoife Byrne", "aoife@blueyonder.example"), DEMO);
      applications.submit(new ApplicationForm("Pampas Integradores SA", "AR", Segment.SYSTEM_INTEGRATOR,
          List.of("LATAM"), List.of("Data"), 30, 1, new BigDecimal("300000"),
          "A young integrator with a strong data practice.", "Lucía Gómez", "lucia@pampas.example"), DEMO);
      var signing = applications.submit(new ApplicationForm("Maple Leaf Resellers Inc.", "CA", Segment.RESELLER,
          List.of("AMER"), List.of("Retail", "ERP"), 200, 5, new BigDecimal("2500000"),
          "Retail ERP reseller with 200 customers.", "Owen Tremblay", "owen@mapleleaf.example"), DEMO);
      long partnerId = signing.getPartnerId();
      awaitStage(partnerId, LifecycleStage.BRIEFED);
      steps.acknowledgeBrief(partnerId, "owen@mapleleaf.example");
      awaitStage(partnerId, LifecycleStage.AGREEMENT);
      var agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
      steps.signAgreement(partnerId, "Owen Tremblay", true, agreement.getDocumentSha256(), "127.0.0.1",
          "owen@mapleleaf.example");
      log.info("Demo partners with live processes started");
    } catch (RuntimeException | InterruptedException e) {
      log.warn("Demo partners with live processes could not be started: {}", e.toString());
    }
  }

  private void awaitStage(long partnerId, LifecycleStage stage) throws InterruptedException {
    for (int i = 0; i < 300 && partners.findById(partnerId).orElseThrow().getStage() != stage; i++) {
      Thread.sleep(100);
    }
  }

  /** A partner walked through the stages up to the given one, so its history reads like a real one. */
  private Partner partnerAt(String name, String country, String region, Segment segment, List<String> expertise,
      LifecycleStage target) {
    Partner partner = partnerService.register(name, country, region, segment, expertise, DEMO);
    List<LifecycleStage> path = target == LifecycleStage.DECLINED
        ? List.of(LifecycleStage.APPLIED, LifecycleStage.DECLINED)
        : List.of(LifecycleStage.APPLIED, LifecycleStage.QUALIFIED, LifecycleStage.BRIEFED, LifecycleStage.AGREEMENT,
            LifecycleStage.ONBOARDING, LifecycleStage.ACTIVE);
    for (LifecycleStage stage : path) {
      partnerService.moveToStage(partner.getId(), stage, DEMO, ProcessRef.NONE, Map.of("demo", true), null);
      if (stage == target) {
        break;
      }
    }
    return partners.findById(partner.getId()).orElseThrow();
  }
}
