package org.serviceflow.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.serviceflow.knowledge.KnowledgeBase.EntryView;
import org.springframework.stereotype.Component;

/**
 * Task listener (create) of a task that may be answered directly, e.g. 12345 即时办结或派单: searches the knowledge
 * base with the case's {@code content} and gives the task, as local variables its Camunda Form shows,
 * {@code knowledgeOptions} (the best entries as the options of the select {@code knowledgeEntryId}, a JSON list of
 * label and value) and {@code knowledgeSuggestion} (the best entries' answers as text). Forms cannot call our API, so
 * the suggestion is made when the task is created.
 */
@Component
class SuggestKnowledgeListener implements TaskListener {

  static final String QUESTION = "content";
  static final String OPTIONS = "knowledgeOptions";
  static final String SUGGESTION = "knowledgeSuggestion";
  static final int SUGGESTED = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KnowledgeBase knowledge;

  SuggestKnowledgeListener(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void notify(DelegateTask task) {
    Object question = task.getVariable(QUESTION);
    List<EntryView> best = question == null ? List.of() : knowledge.search(question.toString(), SUGGESTED);
    ArrayNode options = JSON.createArrayNode();
    best.forEach(entry -> options.addObject().put("label", "#" + entry.id() + " " + entry.title())
        .put("value", String.valueOf(entry.id())));
    task.setVariableLocal(OPTIONS, SpinValues.jsonValue(options.toString()).create());
    task.setVariableLocal(SUGGESTION, suggestion(best));
  }

  static String suggestion(List<EntryView> best) {
    if (best.isEmpty()) {
      return "知识库中没有与诉求内容相近的条目。";
    }
    StringBuilder text = new StringBuilder();
    for (EntryView entry : best) {
      text.append("**#").append(entry.id()).append(" ").append(entry.title()).append("**（").append(entry.category())
          .append("；来源：").append(entry.source()).append("）\n\n").append(entry.answer()).append("\n\n");
    }
    return text.toString().strip();
  }
}
