package org.partnerlifecycle.web;

import org.partnerlifecycle.account.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The partner a portal request is about: always the signed-in user's own, never one named in the address. */
final class PortalUser {

  private PortalUser() {}

  static long partnerId(SignedInUser user) {
    if (user == null || user.getPartnerId() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return user.getPartnerId();
  }
}
