package org.serviceflow.casefile;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Case numbers under concurrent starts on the test H2 database. */
@SpringBootTest
@ActiveProfiles("test")
class CaseNumberConcurrencyTest extends CaseNumberConcurrencyScenarios {
}
