package org.partnerlifecycle.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/docker-compose.yml as Docker Compose itself reads it ({@code docker-compose config}), with
 * docker/.env.example: valid, wired as the README describes, and refusing to start without its secrets.
 * Needs the docker-compose binary (no Docker daemon); .ci/run installs it, and under CI a missing binary fails.
 */
class ComposeFileTest {

  static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();
  static final Path COMPOSE = DOCKER.resolve("docker-compose.yml");
  static final Path ENV_EXAMPLE = DOCKER.resolve(".env.example");

  record Result(int exitCode, String output) {}

  @BeforeAll
  static void dockerComposeIsThere() {
    boolean installed = run(List.of("docker-compose", "version"), ENV_EXAMPLE).exitCode() == 0;
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("docker-compose is not installed; CI must provide it (.ci/run installs Debian's docker-compose)");
    }
    Assumptions.assumeTrue(installed, "docker-compose not installed (outside CI)");
  }

  @Test
  void isValidWithTheExampleEnvironment() {
    Result result = run(List.of("docker-compose", "-f", COMPOSE.toString(), "--env-file", ENV_EXAMPLE.toString(),
        "config", "-q"), ENV_EXAMPLE);
    assertThat(result.exitCode()).as("docker-compose config -q said:%n%s", result.output()).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void wiresTheAppToCamundaAndMysqlWithHealthyStartOrderAndNamedVolumes() {
    Map<String, Object> config = effectiveConfig();
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) config.get("services");
    assertThat(services).containsOnlyKeys("elasticsearch", "camunda", "mysql", "app");
    assertThat((String) services.get("camunda").get("image")).startsWith("camunda/camunda:8.8.");
    assertThat((String) services.get("mysql").get("image")).isEqualTo("mysql:8.4");

    assertThat(published(services.get("app"))).containsExactly("8081->8081");
    assertThat(published(services.get("camunda")))
        .containsExactlyInAnyOrder("8080->8080", "26500->26500", "127.0.0.1:9600->9600");
    assertThat(published(services.get("mysql"))).containsExactly("127.0.0.1:3307->3306");
    assertThat(published(services.get("elasticsearch"))).as("internal only").isEmpty();

    services.forEach((name, service) ->
        assertThat(service).as("healthcheck of %s", name).containsKey("healthcheck"));
    assertThat(dependsOn(services.get("app")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("mysql", "service_healthy", "camunda", "service_healthy"));
    assertThat(dependsOn(services.get("camunda"))).containsExactlyEntriesOf(Map.of("elasticsearch", "service_healthy"));

    assertThat((Map<String, Object>) config.get("volumes")).containsOnlyKeys("camunda-data", "elastic-data",
        "mysql-data");
    assertThat(volumes(services.get("camunda"))).containsExactly("camunda-data:/usr/local/camunda/data");
    assertThat(volumes(services.get("mysql"))).containsExactly("mysql-data:/var/lib/mysql");
    assertThat(volumes(services.get("elasticsearch"))).containsExactly("elastic-data:/usr/share/elasticsearch/data");

    Map<String, String> app = (Map<String, String>) services.get("app").get("environment");
    assertThat(app).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
        .containsEntry("MYSQL_URL", "jdbc:mysql://mysql:3306/partners")
        .containsEntry("CAMUNDA_CLIENT_GRPCADDRESS", "http://camunda:26500")
        .containsEntry("CAMUNDA_CLIENT_RESTADDRESS", "http://camunda:8080")
        .containsEntry("CAMUNDA_CLIENT_AUTH_METHOD", "basic");
    Map<String, String> camunda = (Map<String, String>) services.get("camunda").get("environment");
    assertThat(app.get("CAMUNDA_CLIENT_AUTH_USERNAME")).as("the app signs in as the user Camunda creates for it")
        .isEqualTo(camunda.get("CAMUNDA_SECURITY_INITIALIZATION_USERS_1_USERNAME"));
    assertThat(app.get("CAMUNDA_CLIENT_AUTH_PASSWORD"))
        .isEqualTo(camunda.get("CAMUNDA_SECURITY_INITIALIZATION_USERS_1_PASSWORD"));
    assertThat(app.get("MYSQL_PASSWORD")).isEqualTo(
        ((Map<String, String>) services.get("mysql").get("environment")).get("MYSQL_PASSWORD"));
  }

  @Test
  void refusesToRunWithoutTheSecretsAndSaysWhichOneIsMissing() throws IOException {
    Path empty = Files.createTempFile("compose", ".env");
    try {
      Result result = run(List.of("docker-compose", "-f", COMPOSE.toString(), "--env-file", empty.toString(),
          "config", "-q"), empty);
      assertThat(result.exitCode()).isNotZero();
      assertThat(result.output()).contains("set CAMUNDA_ADMIN_USER in docker/.env");
    } finally {
      Files.delete(empty);
    }
  }

  @Test
  void theExampleEnvironmentListsEveryVariableAndHoldsNoRealSecret() throws IOException {
    Set<String> used = new TreeSet<>();
    var reference = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(COMPOSE));
    while (reference.find()) {
      used.add(reference.group(1));
    }
    Map<String, String> example = exampleVariables();
    assertThat(example.keySet()).containsAll(used);
    example.forEach((name, value) -> {
      if (name.endsWith("PASSWORD") || name.endsWith("SECRET")) {
        assertThat(value).as(name).startsWith("change-me");
      }
    });
  }

  private static Map<String, String> exampleVariables() throws IOException {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ENV_EXAMPLE)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int equals = line.indexOf('=');
        variables.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
      }
    }
    return variables;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> effectiveConfig() {
    Result result = run(List.of("docker-compose", "-f", COMPOSE.toString(), "--env-file", ENV_EXAMPLE.toString(),
        "config"), ENV_EXAMPLE);
    assertThat(result.exitCode()).as("docker-compose config said:%n%s", result.output()).isZero();
    return new Yaml().load(result.output());
  }

  /** "host:port->target" per published port, from the long form (Compose v2) or the short one (v1). */
  @SuppressWarnings("unchecked")
  private static List<String> published(Map<String, Object> service) {
    List<String> ports = new ArrayList<>();
    for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
      if (port instanceof Map<?, ?> longForm) {
        String hostIp = longForm.get("host_ip") == null ? "" : longForm.get("host_ip") + ":";
        ports.add(hostIp + longForm.get("published") + "->" + longForm.get("target"));
      } else {
        String shortForm = port.toString().replaceFirst("/tcp$", "");
        int lastColon = shortForm.lastIndexOf(':');
        ports.add(shortForm.substring(0, lastColon) + "->" + shortForm.substring(lastColon + 1));
      }
    }
    return ports;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> dependsOn(Map<String, Object> service) {
    Map<String, String> conditions = new LinkedHashMap<>();
    ((Map<String, Map<String, String>>) service.get("depends_on"))
        .forEach((name, dependency) -> conditions.put(name, dependency.get("condition")));
    return conditions;
  }

  @SuppressWarnings("unchecked")
  private static List<String> volumes(Map<String, Object> service) {
    return ((List<String>) service.get("volumes")).stream().map(v -> v.replaceFirst(":rw$", "")).toList();
  }

  /**
   * Runs docker-compose with only PATH and HOME from this process: a variable exported in the shell (say
   * MYSQL_PASSWORD) would otherwise win over the env file under test.
   */
  private static Result run(List<String> command, Path envFile) {
    var process = new ProcessBuilder(command).directory(envFile.getParent().toFile()).redirectErrorStream(true);
    process.environment().keySet().retainAll(Set.of("PATH", "HOME"));
    try {
      Process started = process.start();
      byte[] output = started.getInputStream().readAllBytes();
      if (!started.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
        started.destroyForcibly();
        return new Result(-1, "docker-compose did not finish within a minute");
      }
      return new Result(started.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException notInstalled) {
      return new Result(-1, notInstalled.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}
