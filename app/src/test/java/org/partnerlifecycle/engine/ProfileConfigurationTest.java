package org.partnerlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.impl.basicauth.BasicAuthCredentialsProvider;
import io.camunda.client.impl.oauth.OAuthCredentialsProvider;
import io.camunda.client.spring.configuration.CamundaAutoConfiguration;
import io.camunda.client.spring.properties.CamundaClientAuthProperties.AuthMethod;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.camunda.client.spring.properties.CamundaClientProperties.ClientMode;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.StartupFailure;
import org.partnerlifecycle.task.UserTaskService;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What each way of running the app binds to, from nothing but environment variables: the embedded default,
 * the mysql profile, and the prod profile against a self-managed cluster (basic auth, OIDC) and SaaS. Each
 * case boots the app's configuration files, the Camunda starter's auto-configuration (the same property
 * post-processing and client construction as the app) and the engine wiring, with the given variables as
 * the whole process environment. The client is built without connecting, so no cluster is needed.
 */
class ProfileConfigurationTest {

  /** The Camunda client, the engine wiring and the datasource settings; no database, no web server. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({CamundaAutoConfiguration.class, JacksonAutoConfiguration.class})
  @EnableConfigurationProperties(DataSourceProperties.class)
  @Import(EngineConfiguration.class)
  static class ClientAndEngineWiring {
  }

  static final Map<String, String> MYSQL = Map.of(
      "MYSQL_URL", "jdbc:mysql://mysql:3306/partners",
      "MYSQL_USER", "partners",
      "MYSQL_PASSWORD", "db-secret");

  @Test
  void embeddedDefaultRunsTheInProcessEngineOnH2() {
    try (var app = start(Map.of())) {
      assertThat(app.getBean(CamundaRuntime.class)).isEqualTo(CamundaRuntime.EMBEDDED);
      var engine = app.getBean(EmbeddedEngine.class);
      var client = app.getBean(CamundaClient.class).getConfiguration();
      assertThat(client.getGrpcAddress()).isEqualTo(URI.create("http://" + engine.gatewayAddress()));
      assertThat(client.preferRestOverGrpc()).as("the embedded engine has no REST API").isFalse();
      assertThat(app.getBean(UserTaskService.class)).isInstanceOf(EmbeddedUserTaskService.class);
      assertThat(app.getBean(DataSourceProperties.class).getUrl()).startsWith("jdbc:h2:mem:partners");
      assertThat(app.getEnvironment().getProperty("partner.demo-data", Boolean.class)).isTrue();
    }
  }

  @Test
  void mysqlProfileKeepsTheEmbeddedEngineAndTakesTheDatabaseFromTheEnvironment() {
    try (var app = start(with(MYSQL, "SPRING_PROFILES_ACTIVE", "mysql"))) {
      assertThat(app.getBean(CamundaRuntime.class)).isEqualTo(CamundaRuntime.EMBEDDED);
      assertDatabaseFromEnvironment(app);
    }
  }

  @Test
  void prodSelfManagedWithBasicAuth() {
    var env = with(MYSQL, "SPRING_PROFILES_ACTIVE", "prod",
        "CAMUNDA_CLIENT_MODE", "self-managed",
        "CAMUNDA_CLIENT_GRPCADDRESS", "http://camunda:26500",
        "CAMUNDA_CLIENT_RESTADDRESS", "http://camunda:8080",
        "CAMUNDA_CLIENT_AUTH_METHOD", "basic",
        "CAMUNDA_CLIENT_AUTH_USERNAME", "partner-app",
        "CAMUNDA_CLIENT_AUTH_PASSWORD", "camunda-secret");
    try (var app = start(env)) {
      assertRemoteProduction(app);
      var client = app.getBean(CamundaClient.class).getConfiguration();
      assertThat(client.getGrpcAddress()).isEqualTo(URI.create("http://camunda:26500"));
      assertThat(client.getRestAddress()).isEqualTo(URI.create("http://camunda:8080"));
      assertThat(client.getCredentialsProvider()).isInstanceOf(BasicAuthCredentialsProvider.class);
      var properties = app.getBean(CamundaClientProperties.class);
      assertThat(properties.getMode()).isEqualTo(ClientMode.selfManaged);
      assertThat(properties.getAuth().getMethod()).isEqualTo(AuthMethod.basic);
      assertThat(properties.getAuth().getUsername()).isEqualTo("partner-app");
      assertThat(properties.getAuth().getPassword()).isEqualTo("camunda-secret");
    }
  }

  @Test
  void prodSelfManagedWithOidcClientCredentials() {
    var env = with(MYSQL, "SPRING_PROFILES_ACTIVE", "prod",
        "CAMUNDA_CLIENT_MODE", "self-managed",
        "CAMUNDA_CLIENT_GRPCADDRESS", "https://zeebe.camunda.internal:443",
        "CAMUNDA_CLIENT_RESTADDRESS", "https://camunda.internal",
        "CAMUNDA_CLIENT_AUTH_METHOD", "oidc",
        "CAMUNDA_CLIENT_AUTH_CLIENTID", "partner-app",
        "CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "oidc-secret",
        "CAMUNDA_CLIENT_AUTH_TOKENURL", "https://idp.internal/realms/camunda/protocol/openid-connect/token",
        "CAMUNDA_CLIENT_AUTH_AUDIENCE", "orchestration-api");
    try (var app = start(env)) {
      assertRemoteProduction(app);
      var client = app.getBean(CamundaClient.class).getConfiguration();
      assertThat(client.getGrpcAddress()).isEqualTo(URI.create("https://zeebe.camunda.internal:443"));
      assertThat(client.getRestAddress()).isEqualTo(URI.create("https://camunda.internal"));
      assertThat(client.getCredentialsProvider()).isInstanceOf(OAuthCredentialsProvider.class);
      var auth = app.getBean(CamundaClientProperties.class).getAuth();
      assertThat(auth.getMethod()).isEqualTo(AuthMethod.oidc);
      assertThat(auth.getClientId()).isEqualTo("partner-app");
      assertThat(auth.getClientSecret()).isEqualTo("oidc-secret");
      assertThat(auth.getTokenUrl())
          .isEqualTo(URI.create("https://idp.internal/realms/camunda/protocol/openid-connect/token"));
      assertThat(auth.getAudience()).isEqualTo("orchestration-api");
    }
  }

  @Test
  void prodSaasDerivesTheAddressesFromClusterIdAndRegion() {
    var env = with(MYSQL, "SPRING_PROFILES_ACTIVE", "prod",
        "CAMUNDA_CLIENT_MODE", "saas",
        "CAMUNDA_CLIENT_CLOUD_CLUSTERID", "4d5f6a7b-0000-4c1e-9f00-123456789abc",
        "CAMUNDA_CLIENT_CLOUD_REGION", "dsm-1",
        "CAMUNDA_CLIENT_AUTH_CLIENTID", "saas-client",
        "CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "saas-secret");
    try (var app = start(env)) {
      assertRemoteProduction(app);
      var client = app.getBean(CamundaClient.class).getConfiguration();
      assertThat(client.getGrpcAddress())
          .isEqualTo(URI.create("https://4d5f6a7b-0000-4c1e-9f00-123456789abc.dsm-1.zeebe.camunda.io:443"));
      assertThat(client.getRestAddress())
          .isEqualTo(URI.create("https://dsm-1.zeebe.camunda.io:443/4d5f6a7b-0000-4c1e-9f00-123456789abc"));
      assertThat(client.getCredentialsProvider()).isInstanceOf(OAuthCredentialsProvider.class);
      var properties = app.getBean(CamundaClientProperties.class);
      assertThat(properties.getMode()).isEqualTo(ClientMode.saas);
      assertThat(properties.getAuth().getClientId()).isEqualTo("saas-client");
      assertThat(properties.getAuth().getTokenUrl()).isEqualTo(URI.create("https://login.cloud.camunda.io/oauth/token"));
      assertThat(properties.getAuth().getAudience()).isEqualTo("zeebe.camunda.io");
    }
  }

  @Test
  void prodWithoutTheDatabaseVariablesRefusesToStartAndNamesThem() {
    var env = Map.of("SPRING_PROFILES_ACTIVE", "prod", "CAMUNDA_CLIENT_GRPCADDRESS", "http://camunda:26500",
        "MYSQL_PASSWORD", "");
    assertThatThrownBy(() -> start(env).close())
        .isInstanceOfSatisfying(StartupFailure.class, e -> {
          assertThat(e).hasMessage("The prod profile needs the MySQL database settings, and MYSQL_URL, MYSQL_USER "
              + "are not set.");
          assertThat(e.action()).contains("SPRING_DATASOURCE_URL");
        });
  }

  private static void assertRemoteProduction(ConfigurableApplicationContext app) {
    assertThat(app.getBean(CamundaRuntime.class)).isEqualTo(CamundaRuntime.REMOTE);
    assertThat(app.getBeanNamesForType(EmbeddedEngine.class)).as("no in-process engine").isEmpty();
    assertThat(app.getBean(UserTaskService.class)).isInstanceOf(ClusterUserTaskService.class);
    assertDatabaseFromEnvironment(app);
    var env = app.getEnvironment();
    assertThat(env.getProperty("partner.demo-data", Boolean.class)).isFalse();
    assertThat(env.getProperty("spring.thymeleaf.cache", Boolean.class)).isTrue();
    assertThat(env.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
    assertThat(app.getBean(CamundaClientProperties.class).getWorker().getDefaults().getStreamEnabled())
        .as("job streaming to every instance").isTrue();
  }

  private static void assertDatabaseFromEnvironment(ConfigurableApplicationContext app) {
    var datasource = app.getBean(DataSourceProperties.class);
    assertThat(datasource.getUrl()).isEqualTo("jdbc:mysql://mysql:3306/partners");
    assertThat(datasource.getUsername()).isEqualTo("partners");
    assertThat(datasource.getPassword()).isEqualTo("db-secret");
    assertThat(datasource.getDriverClassName()).isEqualTo("com.mysql.cj.jdbc.Driver");
  }

  private static Map<String, String> with(Map<String, String> base, String... pairs) {
    Map<String, String> all = new HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      all.put(pairs[i], pairs[i + 1]);
    }
    return all;
  }

  /** Starts the wiring with exactly these environment variables, as if the process had no others. */
  private static ConfigurableApplicationContext start(Map<String, String> environmentVariables) {
    var environment = new StandardEnvironment() {
      @Override
      protected void customizePropertySources(MutablePropertySources sources) {
        super.customizePropertySources(sources);
        sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
            SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<String, Object>(environmentVariables)));
      }
    };
    return new SpringApplicationBuilder(ClientAndEngineWiring.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .environment(environment)
        .run();
  }
}
