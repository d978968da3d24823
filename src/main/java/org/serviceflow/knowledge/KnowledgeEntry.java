package org.serviceflow.knowledge;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of the knowledge base (知识条目): a ready answer staff give directly, with its search terms. */
@Entity
@Table(name = "knowledge_entry")
class KnowledgeEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String title;
  private String answer;
  private String category;
  private String source;
  private String ownerGroup;
  private LocalDate reviewDate;
  private String titleTerms;
  private String answerTerms;
  private int usageCount;
  private String reviewTaskId;
  private Instant updatedAt;
  private String updatedBy;

  protected KnowledgeEntry() {
  }

  KnowledgeEntry(KnowledgeRequest content, Instant at, String by) {
    change(content, at, by);
  }

  /** Replaces the content (and its search terms). */
  void change(KnowledgeRequest content, Instant at, String by) {
    this.title = content.title().strip();
    this.answer = content.answer().strip();
    this.category = content.category().strip();
    this.source = content.source().strip();
    this.ownerGroup = content.ownerGroup();
    this.reviewDate = content.reviewDate();
    this.titleTerms = Bigrams.joined(title);
    this.answerTerms = Bigrams.joined(answer + " " + category);
    this.updatedAt = at;
    this.updatedBy = by;
  }

  Long getId() { return id; }
  String getTitle() { return title; }
  String getAnswer() { return answer; }
  String getCategory() { return category; }
  String getSource() { return source; }
  String getOwnerGroup() { return ownerGroup; }
  LocalDate getReviewDate() { return reviewDate; }
  String getTitleTerms() { return titleTerms; }
  String getAnswerTerms() { return answerTerms; }
  int getUsageCount() { return usageCount; }
  String getReviewTaskId() { return reviewTaskId; }
  Instant getUpdatedAt() { return updatedAt; }
  String getUpdatedBy() { return updatedBy; }

  void setReviewTaskId(String reviewTaskId) { this.reviewTaskId = reviewTaskId; }
}
