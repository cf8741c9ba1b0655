package org.partnerlifecycle.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.TopologyRequestStep1;
import io.camunda.client.api.response.Topology;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the remote runtime, asks the Camunda cluster for its topology over gRPC (what the job workers use) and
 * over REST (user task commands, process starts) before the workers open and the web server takes requests.
 * If either does not answer within {@code partner.camunda.startup-check.timeout}, the start fails with a message
 * that names the address and the variable to fix; otherwise the app would come up, report DOWN and retry in
 * the background without telling anyone why. A cluster that is still starting is asked again until then.
 */
@Component
class CamundaStartupCheck implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(CamundaStartupCheck.class);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration PAUSE = Duration.ofSeconds(1);

  /** The two ways the app talks to the cluster, and the variable that sets each address when self-managed. */
  enum Api {
    GRPC("gRPC", "CAMUNDA_CLIENT_GRPCADDRESS", "http://camunda:26500", TopologyRequestStep1::useGrpc),
    REST("REST", "CAMUNDA_CLIENT_RESTADDRESS", "http://camunda:8080", TopologyRequestStep1::useRest);

    final String label;
    final String variable;
    final String example;
    final UnaryOperator<TopologyRequestStep1> select;

    Api(String label, String variable, String example, UnaryOperator<TopologyRequestStep1> select) {
      this.label = label;
      this.variable = variable;
      this.example = example;
      this.select = select;
    }
  }

  private enum Kind { UNREACHABLE, CREDENTIALS_REFUSED, NO_BROKERS, UNEXPECTED }

  private record Problem(Kind kind, String detail, Throwable cause) {}

  private final CamundaClient client;
  private final CamundaRuntime runtime;
  private final StartupCheckProperties settings;
  private final Environment env;

  CamundaStartupCheck(CamundaClient client, CamundaRuntime runtime, StartupCheckProperties settings,
      Environment env) {
    this.client = client;
    this.runtime = runtime;
    this.settings = settings;
    this.env = env;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (runtime != CamundaRuntime.REMOTE) {
      return;
    }
    if (!settings.enabled()) {
      log.warn("Camunda startup check disabled (partner.camunda.startup-check.enabled=false): a cluster that "
          + "cannot be reached only shows in /actuator/health");
      return;
    }
    verify();
  }

  /** Returns the cluster's topology once both APIs answer; throws {@link CamundaGatewayUnavailableException}. */
  Topology verify() {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    Topology topology = await(Api.GRPC, deadline);
    await(Api.REST, deadline);
    log.info("Camunda cluster answers at {} (gRPC) and {} (REST): {} broker(s), gateway version {}",
        address(Api.GRPC), address(Api.REST), topology.getBrokers().size(), topology.getGatewayVersion());
    return topology;
  }

  private Topology await(Api api, long deadline) {
    Problem problem;
    boolean told = false;
    while (true) {
      Duration attempt = min(ATTEMPT_TIMEOUT, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)));
      attempt = attempt.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : attempt;
      try {
        Topology topology = api.select.apply(client.newTopologyRequest()).requestTimeout(attempt).send()
            .join(attempt.toMillis() + 500, TimeUnit.MILLISECONDS);
        if (!topology.getBrokers().isEmpty()) {
          return topology;
        }
        problem = new Problem(Kind.NO_BROKERS, "it answers, but reports no broker", null);
      } catch (RuntimeException e) {
        problem = classify(e);
        if (problem.kind() == Kind.CREDENTIALS_REFUSED) {
          break; // asking again will not change the answer
        }
      }
      if (System.nanoTime() + PAUSE.toNanos() >= deadline) {
        break;
      }
      if (!told) {
        log.info("Camunda cluster not ready at {} ({}): {}; asking again for up to {}", address(api), api.label,
            problem.detail(), settings.timeout());
        told = true;
      }
      sleep(PAUSE);
    }
    throw failure(api, problem);
  }

  private static Problem classify(RuntimeException e) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      root = t;
      if (t instanceof ClientStatusException status) {
        switch (status.getStatusCode()) {
          case UNAUTHENTICATED, PERMISSION_DENIED -> {
            return new Problem(Kind.CREDENTIALS_REFUSED, status.getStatusCode() + " " + describe(status), e);
          }
          case UNAVAILABLE, DEADLINE_EXCEEDED -> {
            return new Problem(Kind.UNREACHABLE, describe(deepest(status)), e);
          }
          default -> { }
        }
      }
      if (t instanceof ClientHttpException http && (http.code() == 401 || http.code() == 403)) {
        return new Problem(Kind.CREDENTIALS_REFUSED, "HTTP " + http.code() + " " + describe(http), e);
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
          || t instanceof UnresolvedAddressException || t instanceof SocketTimeoutException
          || t instanceof TimeoutException) {
        return new Problem(Kind.UNREACHABLE, describe(t), e);
      }
    }
    return new Problem(Kind.UNEXPECTED, describe(root), e);
  }

  private static Throwable deepest(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
  }

  private CamundaGatewayUnavailableException failure(Api api, Problem problem) {
    URI address = address(api);
    String where = "the Camunda gateway at " + address + " (" + api.label + ")";
    String description = switch (problem.kind()) {
      case UNREACHABLE -> "Cannot reach " + where + " within " + seconds(settings.timeout()) + ": " + problem.detail();
      case CREDENTIALS_REFUSED -> capitalized(where) + " refused the app's credentials: " + problem.detail();
      case NO_BROKERS -> capitalized(where) + " answers, but reported no broker within " + seconds(settings.timeout())
          + ": the cluster is still starting or unhealthy";
      case UNEXPECTED -> capitalized(where) + " did not answer as expected: " + problem.detail();
    };
    String action = switch (problem.kind()) {
      case CREDENTIALS_REFUSED -> credentialsAdvice();
      case NO_BROKERS -> "Check the cluster's health (Operate, or its /actuator/health on the management port), "
          + "or give it longer to start with PARTNER_CAMUNDA_STARTUPCHECK_TIMEOUT (now " + settings.timeout() + ").";
      case UNREACHABLE -> addressAdvice(api, address);
      case UNEXPECTED -> addressAdvice(api, address) + " " + credentialsAdvice();
    };
    return new CamundaGatewayUnavailableException(description + ".", action, problem.cause());
  }

  private String addressAdvice(Api api, URI address) {
    if (isSaas()) {
      return "Check CAMUNDA_CLIENT_CLOUD_CLUSTERID and CAMUNDA_CLIENT_CLOUD_REGION (the " + api.label
          + " address " + address + " is derived from them) and that this host can reach it on port 443.";
    }
    return "Check that the Camunda 8.8 cluster is running and that " + api.variable + " (now " + address
        + ") is its " + api.label + " endpoint as seen from this host, e.g. " + api.example
        + ". A cluster that needs longer to start: raise PARTNER_CAMUNDA_STARTUPCHECK_TIMEOUT (now " + settings.timeout()
        + ").";
  }

  private String credentialsAdvice() {
    String method = env.getProperty("camunda.client.auth.method", isSaas() ? "oidc" : "none");
    return switch (method.toLowerCase()) {
      case "basic" -> "Credentials: CAMUNDA_CLIENT_AUTH_METHOD=basic with CAMUNDA_CLIENT_AUTH_USERNAME and "
          + "CAMUNDA_CLIENT_AUTH_PASSWORD of a user the cluster knows.";
      case "oidc" -> "Credentials: CAMUNDA_CLIENT_AUTH_CLIENTID and CAMUNDA_CLIENT_AUTH_CLIENTSECRET"
          + (isSaas() ? " of an API client of this cluster." : ", CAMUNDA_CLIENT_AUTH_TOKENURL (now "
              + env.getProperty("camunda.client.auth.token-url", "not set") + ") and CAMUNDA_CLIENT_AUTH_AUDIENCE.");
      default -> "Credentials: none are sent (CAMUNDA_CLIENT_AUTH_METHOD=" + method + "); set "
          + "CAMUNDA_CLIENT_AUTH_METHOD=basic or oidc if the cluster's API is protected.";
    };
  }

  private boolean isSaas() {
    return "saas".equalsIgnoreCase(env.getProperty("camunda.client.mode", ""));
  }

  private URI address(Api api) {
    return api == Api.GRPC ? client.getConfiguration().getGrpcAddress() : client.getConfiguration().getRestAddress();
  }

  private static String seconds(Duration duration) {
    return duration.toSeconds() + "s";
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Camunda cluster", e);
    }
  }
}
