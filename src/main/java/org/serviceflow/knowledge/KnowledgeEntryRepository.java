package org.serviceflow.knowledge;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface KnowledgeEntryRepository extends JpaRepository<KnowledgeEntry, Long> {

  List<KnowledgeEntry> findAllByOrderByCategoryAscTitleAsc();

  List<KnowledgeEntry> findByReviewDateBeforeAndReviewTaskIdIsNull(LocalDate date);

  /** Counts one use in one statement, so that concurrent direct answers do not lose a count. */
  @Modifying
  @Query("update KnowledgeEntry e set e.usageCount = e.usageCount + 1 where e.id = :id")
  int countUse(Long id);
}
