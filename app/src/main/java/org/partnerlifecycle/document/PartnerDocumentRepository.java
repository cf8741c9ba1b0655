package org.partnerlifecycle.document;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerDocumentRepository extends JpaRepository<PartnerDocument, Long> {

  List<PartnerDocument> findByPartnerIdOrderByUploadedAtAscIdAsc(long partnerId);

  long countByPartnerId(long partnerId);
}
