package org.serviceflow.pause;

/**
 * A pause type's rule from decision casePauseTypes.
 *
 * @param label       its Chinese name
 * @param party       who the paused time is counted to: customer, supplier or ourselves
 * @param stopsClock  whether the case's deadlines stop while it runs (and move by the paused working time)
 * @param maxWorkdays how long it may run before the handling group is reminded
 */
record PauseRule(String label, String party, boolean stopsClock, int maxWorkdays) {

  static final String CUSTOMER = "customer";
  static final String SUPPLIER = "supplier";
  static final String OURSELVES = "ourselves";

  String partyLabel() {
    return partyLabel(party);
  }

  static String partyLabel(String party) {
    return switch (party) {
      case CUSTOMER -> "客户";
      case SUPPLIER -> "供应商";
      case OURSELVES -> "我方";
      default -> party;
    };
  }
}
