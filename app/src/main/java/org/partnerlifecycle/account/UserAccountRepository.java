package org.partnerlifecycle.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

  Optional<UserAccount> findByUsername(String username);

  List<UserAccount> findByPartnerIdOrderByUsername(long partnerId);

  boolean existsByUsername(String username);

  List<UserAccount> findByEmailIgnoreCase(String email);

  List<UserAccount> findByRoleInAndEnabledTrueOrderByUsername(Collection<Role> roles);
}
