package org.partnerlifecycle.onboarding;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementSignatureRepository extends JpaRepository<AgreementSignature, Long> {

  Optional<AgreementSignature> findByAgreementIdAndParty(long agreementId, AgreementSignature.Party party);

  List<AgreementSignature> findByAgreementIdIn(List<Long> agreementIds);
}
