package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.SequencedSet;
import org.springframework.web.util.WebUtils;

/**
 * One-time tokens for a form, kept in the visitor's session: each rendered form gets one in a hidden field, and
 * the first submit that claims it wins. A second submit of the same form (double click, back button, reload)
 * finds its token used and creates nothing. A few tokens stay open at once, for several tabs.
 */
final class OneTimeFormTokens implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;
  private static final int KEEP = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  enum Claim { CLAIMED, ALREADY_USED, UNKNOWN }

  private final SequencedSet<String> open = new LinkedHashSet<>();
  private final SequencedSet<String> used = new LinkedHashSet<>();

  static OneTimeFormTokens in(HttpSession session, String name) {
    synchronized (WebUtils.getSessionMutex(session)) {
      var tokens = (OneTimeFormTokens) session.getAttribute(name);
      if (tokens == null) {
        tokens = new OneTimeFormTokens();
        session.setAttribute(name, tokens);
      }
      return tokens;
    }
  }

  synchronized String issue() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    open.add(token);
    while (open.size() > KEEP) {
      open.removeFirst();
    }
    return token;
  }

  /** Claims a token for one submit; only the first claim of a token succeeds. */
  synchronized Claim claim(String token) {
    if (token != null && open.remove(token)) {
      used.add(token);
      while (used.size() > KEEP) {
        used.removeFirst();
      }
      return Claim.CLAIMED;
    }
    return token != null && used.contains(token) ? Claim.ALREADY_USED : Claim.UNKNOWN;
  }

  /** Gives a claimed token back after a submit that failed, so the same form can be sent again. */
  synchronized void release(String token) {
    if (used.remove(token)) {
      open.add(token);
    }
  }
}
