package org.partnerlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The startup check against real endpoints: a closed port, the in-process engine's gRPC gateway (a real Zeebe
 * 8.8 gateway, but without REST) and a small HTTP server standing in for the cluster's REST API.
 */
class CamundaStartupCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final String TOPOLOGY = """
      {"brokers":[{"nodeId":0,"host":"camunda","port":26501,"version":"8.8.14",
        "partitions":[{"partitionId":1,"role":"leader","health":"healthy"}]}],
       "clusterSize":1,"partitionsCount":1,"replicationFactor":1,"gatewayVersion":"8.8.14"}""";

  static EmbeddedEngine engine;
  HttpServer rest;
  final List<String> restRequests = new CopyOnWriteArrayList<>();
  CamundaClient client;

  @BeforeAll
  static void startEngine() {
    engine = EmbeddedEngine.start();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    if (rest != null) {
      rest.stop(0);
    }
  }

  @Test
  void aClosedGrpcPortFailsWithTheAddressAndTheVariableToFix() {
    URI grpc = URI.create("http://127.0.0.1:" + closedPort());
    var check = check(grpc, URI.create("http://127.0.0.1:" + closedPort()), new MockEnvironment());

    assertThatThrownBy(check::verify)
        .isInstanceOfSatisfying(CamundaGatewayUnavailableException.class, e -> {
          assertThat(e).hasMessageStartingWith("Cannot reach the Camunda gateway at " + grpc + " (gRPC) within 2s: ")
              .hasMessageContaining("Connection refused");
          assertThat(e.action()).contains("CAMUNDA_CLIENT_GRPCADDRESS (now " + grpc + ")",
              "PARTNER_CAMUNDA_STARTUPCHECK_TIMEOUT");
        });
  }

  @Test
  void aReachableGrpcGatewayWithoutRestFailsOnTheRestAddress() {
    URI restAddress = URI.create("http://127.0.0.1:" + closedPort());
    var check = check(embeddedGateway(), restAddress, new MockEnvironment());

    assertThatThrownBy(check::verify)
        .isInstanceOfSatisfying(CamundaGatewayUnavailableException.class, e -> {
          assertThat(e).hasMessageStartingWith("Cannot reach the Camunda gateway at " + restAddress + " (REST)");
          assertThat(e.action()).contains("CAMUNDA_CLIENT_RESTADDRESS (now " + restAddress + ")");
        });
  }

  @Test
  void passesWhenGrpcAndRestAnswerWithABroker() throws IOException {
    URI restAddress = fakeRest(200, TOPOLOGY);
    var topology = check(embeddedGateway(), restAddress, new MockEnvironment()).verify();

    assertThat(topology.getBrokers()).isNotEmpty();
    assertThat(restRequests).contains("GET /v2/topology");
  }

  @Test
  void refusedCredentialsFailAtOnceAndNameTheCredentialVariables() throws IOException {
    URI restAddress = fakeRest(401, """
        {"type":"about:blank","title":"Unauthorized","status":401,"detail":"bad credentials"}""");
    var env = new MockEnvironment().withProperty("camunda.client.auth.method", "basic");
    long started = System.nanoTime();

    assertThatThrownBy(() -> check(embeddedGateway(), restAddress, env).verify())
        .isInstanceOfSatisfying(CamundaGatewayUnavailableException.class, e -> {
          assertThat(e).hasMessageStartingWith("The Camunda gateway at " + restAddress
              + " (REST) refused the app's credentials: HTTP 401");
          assertThat(e.action()).contains("CAMUNDA_CLIENT_AUTH_USERNAME", "CAMUNDA_CLIENT_AUTH_PASSWORD");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no waiting on a definite answer")
        .isLessThan(TIMEOUT);
  }

  @Test
  void onSaasTheAdviceIsAboutClusterIdAndRegion() {
    var env = new MockEnvironment().withProperty("camunda.client.mode", "saas");
    var check = check(URI.create("http://127.0.0.1:" + closedPort()), URI.create("http://127.0.0.1:" + closedPort()),
        env);

    assertThatThrownBy(check::verify)
        .isInstanceOfSatisfying(CamundaGatewayUnavailableException.class, e -> assertThat(e.action())
            .contains("CAMUNDA_CLIENT_CLOUD_CLUSTERID", "CAMUNDA_CLIENT_CLOUD_REGION")
            .doesNotContain("CAMUNDA_CLIENT_GRPCADDRESS"));
  }

  @Test
  void doesNothingOnTheEmbeddedRuntimeOrWhenDisabled() {
    URI closed = URI.create("http://127.0.0.1:" + closedPort());
    client = client(closed, closed);
    new CamundaStartupCheck(client, CamundaRuntime.EMBEDDED, new StartupCheckProperties(true, TIMEOUT),
        new MockEnvironment()).afterSingletonsInstantiated();
    new CamundaStartupCheck(client, CamundaRuntime.REMOTE, new StartupCheckProperties(false, TIMEOUT),
        new MockEnvironment()).afterSingletonsInstantiated();
  }

  private CamundaStartupCheck check(URI grpc, URI restAddress, MockEnvironment env) {
    client = client(grpc, restAddress);
    return new CamundaStartupCheck(client, CamundaRuntime.REMOTE, new StartupCheckProperties(true, TIMEOUT), env);
  }

  private static CamundaClient client(URI grpc, URI restAddress) {
    return CamundaClient.newClientBuilder().grpcAddress(grpc).restAddress(restAddress).build();
  }

  private static URI embeddedGateway() {
    return URI.create("http://" + engine.gatewayAddress());
  }

  private URI fakeRest(int status, String body) throws IOException {
    rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    rest.createContext("/", exchange -> {
      restRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type",
          status == 200 ? "application/json" : "application/problem+json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    rest.start();
    return URI.create("http://127.0.0.1:" + rest.getAddress().getPort());
  }

  static int closedPort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
