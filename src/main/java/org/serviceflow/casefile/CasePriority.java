package org.serviceflow.casefile;

import java.util.Optional;

/**
 * Why a case is served first: the priority package provides it (casefile must not know its rules), and
 * {@link CaseFileService#readable} asks every one for {@link CaseView#servedFirst()}.
 */
public interface CasePriority {

  /** Why the case of this process instance is served first (e.g. "A类客户"), empty when it is not. */
  Optional<String> servedFirst(String processInstanceId);
}
