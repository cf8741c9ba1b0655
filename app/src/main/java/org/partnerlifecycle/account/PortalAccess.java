package org.partnerlifecycle.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partnerlifecycle.account.AccountToken.Purpose;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.notification.NotificationService;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How people get into the portal: invitations (by ops, by a partner admin, or by the lifecycle for the
 * application's contact) and password resets. Both are one-time, expiring links; the link carries a random
 * token, the database only its SHA-256. Following a link sets the password and enables the account.
 */
@Service
public class PortalAccess {

  public static final int MIN_PASSWORD_LENGTH = 12;
  /** BCrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
  public static final int MAX_PASSWORD_BYTES = 72;
  public static final String PASSWORD_PATH = "/account/password?token=";
  /** A new reset link is mailed at most this often per account, so the form cannot flood someone's inbox. */
  static final Duration RESET_MAIL_INTERVAL = Duration.ofMinutes(5);
  /** Partners in these stages get no new portal users. */
  public static final Set<LifecycleStage> CLOSED_STAGES =
      Set.of(LifecycleStage.DECLINED, LifecycleStage.WITHDRAWN, LifecycleStage.TERMINATED);
  private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final UserAccountRepository accounts;
  private final AccountTokenRepository tokens;
  private final NotificationService notifications;
  private final PartnerService partners;
  private final PasswordEncoder passwords;
  private final PortalProperties settings;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public PortalAccess(UserAccountRepository accounts, AccountTokenRepository tokens,
      NotificationService notifications, PartnerService partners, PasswordEncoder passwords,
      PortalProperties settings, Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.notifications = notifications;
    this.partners = partners;
    this.passwords = passwords;
    this.settings = settings;
    this.clock = clock;
  }

  /** An invitation that cannot be made; {@code field} names the form field it is about. */
  public static class InvitationRefused extends RuntimeException {
    private final String field;

    InvitationRefused(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() { return field; }
  }

  /** The link is unknown, used, replaced or expired. Deliberately says no more than that. */
  public static class LinkNotUsable extends RuntimeException {
    LinkNotUsable() {
      super("This link has expired or was already used.");
    }
  }

  /** A freshly issued link and when it stops working. */
  public record IssuedLink(long tokenId, String url, Instant expiresAt) {
    public String expiresText() {
      return MAIL_TIME.format(expiresAt);
    }
  }

  /** What the password page shows about the link being followed. */
  public record OpenLink(Purpose purpose, String displayName, String username, Instant expiresAt) {}

  /** How long a password reset link works, in words ("1 hour", "30 minutes"). */
  public String resetLinkValidity() {
    return inWords(settings.passwordResetValidFor());
  }

  static String inWords(Duration duration) {
    if (duration.toMinutes() < 60 || duration.toMinutesPart() != 0) {
      long minutes = Math.max(1, duration.toMinutes());
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    long hours = duration.toHours();
    return hours % 24 == 0 && hours >= 48 ? hours / 24 + " days" : hours + (hours == 1 ? " hour" : " hours");
  }

  public String portalUrl() {
    return settings.url("/portal");
  }

  /**
   * Invites someone to a partner's portal: creates the (disabled) account, or renews the invitation of one
   * that was never activated, and mails a one-time link.
   */
  @Transactional
  public UserAccount invite(long partnerId, String displayName, String email, boolean partnerAdmin, Actor invitedBy,
      String invitedByName) {
    String username = email.strip().toLowerCase();
    Partner partner = partners.get(partnerId);
    if (CLOSED_STAGES.contains(partner.getStage())) {
      throw new InvitationRefused("partnerId",
          partner.getLegalName() + " is " + partner.getStage().label().toLowerCase() + "; its portal is closed.");
    }
    Instant now = clock.instant();
    UserAccount account = accounts.findByUsername(username).orElse(null);
    if (account == null) {
      account = accounts.save(UserAccount.partnerUser(username, displayName.strip(), username, partnerId, now));
    } else if (account.getRole() != Role.PARTNER || account.getPartnerId() == null
        || account.getPartnerId() != partnerId) {
      throw new InvitationRefused("email", "This email address belongs to another account and cannot be invited.");
    } else if (!account.isAwaitingActivation()) {
      throw new InvitationRefused("email", username + " already has portal access.");
    }
    if (partnerAdmin) {
      account.makePartnerAdmin();
    }
    IssuedLink link = issue(account, Purpose.INVITATION, invitedBy.name(), null);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("displayName", account.getDisplayName());
    model.put("partnerName", partner.getLegalName());
    model.put("invitedBy", invitedByName);
    model.put("url", link.url());
    model.put("expires", link.expiresText());
    model.put("loginUrl", settings.url("/login"));
    notifications.send(partnerId, account.getEmail(), "invitation", model, "account-link-" + link.tokenId());
    partners.recordEvent(partnerId, "PORTAL_USER_INVITED", invitedBy, ProcessRef.NONE,
        Map.of("username", username, "partnerAdmin", account.isPartnerAdmin()), null);
    return account;
  }

  /**
   * For the lifecycle's mails to the application's contact: an invitation link if the account has no password
   * yet. Issued once per idempotency key: a repeated job gets nothing new (its mail already exists).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<IssuedLink> invitationFor(UserAccount account, String idempotencyKey) {
    if (!account.isAwaitingActivation() || tokens.findByIdempotencyKey(idempotencyKey).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(issue(account, Purpose.INVITATION, "lifecycle", idempotencyKey));
  }

  /**
   * "Forgot password": mails a reset link to the account with this username or email, if there is one that may
   * sign in or is waiting to be activated. The caller answers the same either way.
   */
  @Transactional
  public void requestPasswordReset(String usernameOrEmail) {
    String key = usernameOrEmail == null ? "" : usernameOrEmail.strip().toLowerCase();
    if (key.isEmpty()) {
      return;
    }
    List<UserAccount> found = new ArrayList<>();
    accounts.findByUsername(key).ifPresentOrElse(found::add, () -> found.addAll(accounts.findByEmailIgnoreCase(key)));
    Instant now = clock.instant();
    for (UserAccount account : found) {
      boolean deactivated = !account.isEnabled() && !account.isAwaitingActivation();
      if (deactivated || tokens.existsByUserAccountIdAndPurposeAndCreatedAtAfter(account.getId(),
          Purpose.PASSWORD_RESET, now.minus(RESET_MAIL_INTERVAL))) {
        continue;
      }
      IssuedLink link = issue(account, Purpose.PASSWORD_RESET, "self-service", null);
      notifications.send(account.getPartnerId(), account.getEmail(), "password-reset", Map.of(
          "displayName", account.getDisplayName(), "username", account.getUsername(), "url", link.url(),
          "expires", link.expiresText()), "account-link-" + link.tokenId());
    }
  }

  @Transactional(readOnly = true)
  public Optional<OpenLink> open(String rawToken) {
    return usableToken(rawToken).flatMap(token -> accounts.findById(token.getUserAccountId())
        .filter(PortalAccess::mayUseLinks)
        .map(a -> new OpenLink(token.getPurpose(), a.getDisplayName(), a.getUsername(), token.getExpiresAt())));
  }

  /**
   * Sets the password through a link and enables the account; the link and every other open link of the account
   * stop working. Check the password with {@link #passwordProblems} first.
   */
  @Transactional
  public UserAccount setPassword(String rawToken, String password) {
    AccountToken token = usableToken(rawToken).orElseThrow(LinkNotUsable::new);
    UserAccount account = accounts.findById(token.getUserAccountId()).filter(PortalAccess::mayUseLinks)
        .orElseThrow(LinkNotUsable::new);
    if (!passwordProblems(password, password, account.getUsername()).isEmpty()) {
      throw new IllegalArgumentException("the password does not meet the policy");
    }
    boolean firstPassword = account.isAwaitingActivation();
    Instant now = clock.instant();
    account.activate(passwords.encode(password));
    token.use(now);
    tokens.findByUserAccountIdAndUsedAtIsNullAndRevokedAtIsNull(account.getId()).forEach(t -> t.revoke(now));
    if (account.getPartnerId() != null) {
      partners.recordEvent(account.getPartnerId(), firstPassword ? "PORTAL_USER_ACTIVATED" : "PORTAL_PASSWORD_RESET",
          new Actor(ActorType.PARTNER_USER, account.getUsername()), ProcessRef.NONE,
          Map.of("username", account.getUsername()), null);
    }
    return account;
  }

  /** What is wrong with a new password, as messages for the form; empty if nothing. */
  public static List<String> passwordProblems(String password, String confirmation, String username) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
      problems.add("Use at least " + MIN_PASSWORD_LENGTH + " characters.");
      return problems;
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      problems.add("Use at most " + MAX_PASSWORD_BYTES + " characters (fewer with accents or symbols).");
    }
    if (password.isBlank()) {
      problems.add("Use more than spaces.");
    }
    if (username != null && password.strip().equalsIgnoreCase(username)) {
      problems.add("Do not use your username or email address as the password.");
    }
    if (!password.equals(confirmation)) {
      problems.add("The two passwords do not match.");
    }
    return problems;
  }

  /** Pending invitations of the given accounts, newest first; for the team and console pages. */
  @Transactional(readOnly = true)
  public Map<Long, AccountToken> openInvitations(List<Long> accountIds) {
    Map<Long, AccountToken> byAccount = new LinkedHashMap<>();
    if (accountIds.isEmpty()) {
      return byAccount;
    }
    tokens.findByUserAccountIdInAndPurposeAndUsedAtIsNullAndRevokedAtIsNullAndExpiresAtAfter(accountIds,
        Purpose.INVITATION, clock.instant()).forEach(t -> byAccount.merge(t.getUserAccountId(), t,
            (a, b) -> a.getCreatedAt().isAfter(b.getCreatedAt()) ? a : b));
    return byAccount;
  }

  /** Deactivated accounts (a password was set, then the account disabled) are not reopened by a mailed link. */
  private static boolean mayUseLinks(UserAccount account) {
    return account.isEnabled() || account.isAwaitingActivation();
  }

  private Optional<AccountToken> usableToken(String rawToken) {
    if (rawToken == null || rawToken.isBlank() || rawToken.length() > 100) {
      return Optional.empty();
    }
    return tokens.findByTokenSha256(sha256(rawToken)).filter(t -> t.isUsable(clock.instant()));
  }

  /** A new link; open links of the same purpose for the account are revoked, so only the newest works. */
  private IssuedLink issue(UserAccount account, Purpose purpose, String createdBy, String idempotencyKey) {
    Instant now = clock.instant();
    tokens.findByUserAccountIdAndUsedAtIsNullAndRevokedAtIsNull(account.getId()).stream()
        .filter(t -> t.getPurpose() == purpose).forEach(t -> t.revoke(now));
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Duration validFor = purpose == Purpose.INVITATION ? settings.invitationValidFor() : settings.passwordResetValidFor();
    AccountToken token = tokens.save(new AccountToken(account.getId(), purpose, sha256(raw),
        createdBy.length() > 100 ? createdBy.substring(0, 100) : createdBy, now, now.plus(validFor), idempotencyKey));
    return new IssuedLink(token.getId(), settings.url(PASSWORD_PATH + raw), token.getExpiresAt());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
