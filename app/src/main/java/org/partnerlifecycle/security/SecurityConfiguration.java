package org.partnerlifecycle.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle) throws Exception {
    var afterLogin = new SimpleUrlAuthenticationSuccessHandler("/");
    afterLogin.setAlwaysUseDefaultTargetUrl(true);
    http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/login", "/css/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
            // prospects apply, invited users choose a password, anyone may ask for a password reset
            .requestMatchers("/apply", "/apply/**", "/account/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/portal/**").hasRole("PARTNER")
            .requestMatchers("/console/invitations", "/console/invitations/**").hasAnyRole("OPS", "ADMIN")
            // ending a partnership for cause is a channel manager's decision
            .requestMatchers("/console/partners/*/terminate").hasRole("MANAGER")
            .requestMatchers("/console/**").hasAnyRole("OPS", "MANAGER", "ADMIN")
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").permitAll()
            .successHandler((request, response, authentication) -> {
              throttle.recordSuccess(authentication.getName());
              afterLogin.onAuthenticationSuccess(request, response, authentication);
            })
            // every failure looks the same (wrong password, no such user, not activated), until the lock
            .failureHandler((request, response, exception) -> {
              boolean locked = throttle.recordFailure(request.getParameter("username"), request.getRemoteAddr());
              response.sendRedirect(request.getContextPath()
                  + (locked ? LoginThrottleFilter.LOCKED_URL : "/login?error"));
            }))
        .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
        // mailed links carry a token in the address: it must not leak to other sites as a referrer
        .headers(headers -> headers.referrerPolicy(policy -> policy.policy(ReferrerPolicy.SAME_ORIGIN)))
        // a new session id at login (default made explicit): a session id seen before login is worthless after
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }
}
