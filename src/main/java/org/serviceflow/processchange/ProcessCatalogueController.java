package org.serviceflow.processchange;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/process-catalogue: the 流程清单 for any authenticated user. */
@RestController
@RequestMapping("/api/process-catalogue")
class ProcessCatalogueController {

  private final ProcessCatalogue catalogue;

  ProcessCatalogueController(ProcessCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping
  List<CatalogueEntry> list() {
    return catalogue.list();
  }
}
