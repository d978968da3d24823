package org.serviceflow.processchange;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored file of an attachment set (table process_change_attachment). */
@Entity
@Table(name = "process_change_attachment")
class ModelAttachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String setId;
  private String fileName;
  private byte[] content;
  private Instant createdAt;

  protected ModelAttachment() {
  }

  ModelAttachment(String setId, ModelFile file, Instant createdAt) {
    this.setId = setId;
    this.fileName = file.name();
    this.content = file.content();
    this.createdAt = createdAt;
  }

  ModelFile toModelFile() {
    return new ModelFile(fileName, content);
  }
}
