package org.partnerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No secret is committed: the repository's tracked text files hold no private key, no AWS-style access key, and
 * configuration files (properties, yml, env) set passwords only from the environment, empty, or to a documented
 * "change-me" placeholder. Failures name file:line.
 */
class RepositorySecretsTest {

  // assembled so that this file does not match itself
  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*" + "PRIVATE KEY-----");
  private static final Pattern AWS_KEY = Pattern.compile("\\b(AKIA|ASIA)" + "[0-9A-Z]{16}\\b");
  private static final Pattern AWS_SECRET = Pattern.compile("(?i)aws_secret_access_key\\s*[:=]\\s*[A-Za-z0-9/+]{40}");
  /** key = value or key: value, where the key names a password or secret. */
  private static final Pattern PASSWORD_SETTING = Pattern.compile(
      "(?i)^\\s*-?\\s*([A-Za-z0-9_.\\-]*(password|secret|passwd)[A-Za-z0-9_.\\-]*)\\s*[:=]\\s*(.*)$");
  private static final Pattern CONFIG_FILE = Pattern.compile("(?i).*(\\.properties|\\.ya?ml|\\.env|\\.env\\.[a-z]+)$");

  @Test
  void trackedFilesHoldNoSecrets() throws Exception {
    Path root = projectRoot();
    List<String> findings = new ArrayList<>();
    int scanned = 0;
    for (String file : trackedFiles(root)) {
      Path path = root.resolve(file);
      if (!Files.isRegularFile(path)) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(path);
      if (isBinary(bytes)) {
        continue;
      }
      scanned++;
      String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        String where = file + ":" + (i + 1);
        if (PRIVATE_KEY.matcher(line).find()) {
          findings.add(where + ": private key");
        }
        if (AWS_KEY.matcher(line).find() || AWS_SECRET.matcher(line).find()) {
          findings.add(where + ": AWS-style key");
        }
        var setting = PASSWORD_SETTING.matcher(line);
        if (CONFIG_FILE.matcher(file).matches() && !line.strip().startsWith("#") && setting.matches()
            && isLiteralSecret(setting.group(3))) {
          findings.add(where + ": " + setting.group(1) + " has a literal value");
        }
      }
    }
    System.out.printf("Secrets scan: %d tracked text files%n", scanned);
    assertThat(scanned).as("tracked text files scanned").isGreaterThan(50);
    assertThat(findings).as("secrets in tracked files").isEmpty();
  }

  @Test
  void theRuleRecognisesLiteralsAndPlaceholders() {
    assertThat(isLiteralSecret("hunter2")).isTrue();
    assertThat(isLiteralSecret("\"s3cr3t\"")).isTrue();
    for (String allowed : List.of("", "\"\"", "${MYSQL_PASSWORD}", "${MYSQL_PASSWORD:}",
        "${X:?set X in docker/.env}", "change-me-mysql", "\"$$MYSQL_PASSWORD\"", "PT1H")) {
      assertThat(isLiteralSecret(allowed)).as(allowed).isFalse();
    }
  }

  /** A value that is neither empty, an environment reference, a documented placeholder nor a duration. */
  static boolean isLiteralSecret(String raw) {
    String value = raw.strip();
    int comment = value.indexOf(" #");
    if (comment >= 0) {
      value = value.substring(0, comment).strip();
    }
    value = value.replaceAll("^[\"']|[\"']$", "");
    return !(value.isEmpty() || value.startsWith("${") || value.startsWith("$") || value.startsWith("change-me")
        || value.matches("P(T)?[0-9A-Z]+"));
  }

  private static boolean isBinary(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static List<String> trackedFiles(Path root) throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).redirectErrorStream(true)
        .start();
    byte[] out = git.getInputStream().readAllBytes();
    assertThat(git.waitFor()).as("git ls-files in " + root).isZero();
    return Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isBlank()).toList();
  }

  /** The project root: the nearest directory upwards with the Maven wrapper (tests run in the module's directory). */
  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("project root with mvnw").isNotNull();
    return dir;
  }
}
