package org.serviceflow.processchange;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelAttachmentRepository extends JpaRepository<ModelAttachment, Long> {

  List<ModelAttachment> findBySetIdOrderByIdAsc(String setId);
}
