package org.serviceflow.knowledge;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The knowledge base page {@code /knowledge} and an entry {@code /knowledge/{id}} (docs/knowledge-base.md): one
 * static page (static/pages/knowledge.html with its script) that searches, shows and, for maintainers, keeps the
 * entries through /api/knowledge with the browser's login, so the API's access rules and field checks are the page's.
 */
@Controller
class KnowledgePageController {

  static final String PAGE = "forward:/pages/knowledge.html";

  @GetMapping({"/knowledge", "/knowledge/", "/knowledge/{id:\\d+}"})
  String knowledgePage() {
    return PAGE;
  }
}
