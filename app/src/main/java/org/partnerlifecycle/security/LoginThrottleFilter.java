package org.partnerlifecycle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt before the password is even checked while the username or the client address is
 * locked, whether the password is right or not and whether the user exists or not. Not a bean, so the servlet
 * container does not also register it outside the security chain.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  static final String LOCKED_URL = "/login?locked";

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("POST".equals(request.getMethod()) && "/login".equals(path));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (throttle.isLocked(request.getParameter("username"), request.getRemoteAddr())) {
      response.sendRedirect(request.getContextPath() + LOCKED_URL);
      return;
    }
    chain.doFilter(request, response);
  }
}
