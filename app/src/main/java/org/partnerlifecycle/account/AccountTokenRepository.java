package org.partnerlifecycle.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

  Optional<AccountToken> findByTokenSha256(String tokenSha256);

  Optional<AccountToken> findByIdempotencyKey(String idempotencyKey);

  List<AccountToken> findByUserAccountIdAndUsedAtIsNullAndRevokedAtIsNull(long userAccountId);

  List<AccountToken> findByUserAccountIdInAndPurposeAndUsedAtIsNullAndRevokedAtIsNullAndExpiresAtAfter(
      List<Long> userAccountIds, AccountToken.Purpose purpose, Instant now);

  List<AccountToken> findByPurposeAndUsedAtIsNullAndRevokedAtIsNullAndExpiresAtAfterOrderByCreatedAtDesc(
      AccountToken.Purpose purpose, Instant now);

  boolean existsByUserAccountIdAndPurposeAndCreatedAtAfter(long userAccountId, AccountToken.Purpose purpose,
      Instant after);
}
