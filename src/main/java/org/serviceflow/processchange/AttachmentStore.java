package org.serviceflow.processchange;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model files attached to a process change, kept as one set per submission until the change
 * goes live. Joins the caller's transaction (the intake's, or the engine's inside a delegate).
 */
@Service
public class AttachmentStore {

  private final ModelAttachmentRepository attachments;

  AttachmentStore(ModelAttachmentRepository attachments) {
    this.attachments = attachments;
  }

  /** Stores the files under a new set id and returns it. */
  @Transactional
  public String save(List<ModelFile> files) {
    String setId = UUID.randomUUID().toString();
    var now = ClockUtil.getCurrentTime().toInstant();
    attachments.saveAll(files.stream().map(file -> new ModelAttachment(setId, file, now)).toList());
    return setId;
  }

  /** The files of a set in the order they were submitted; empty for an unknown set. */
  @Transactional(readOnly = true)
  public List<ModelFile> load(String setId) {
    return attachments.findBySetIdOrderByIdAsc(setId).stream().map(ModelAttachment::toModelFile).toList();
  }
}
