package org.serviceflow.casefile;

import org.serviceflow.support.PostgresIntegrationTest;

/** Case numbers under concurrent starts on a real PostgreSQL server. */
@PostgresIntegrationTest
class CaseNumberConcurrencyIT extends CaseNumberConcurrencyScenarios {
}
