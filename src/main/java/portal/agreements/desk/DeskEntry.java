package portal.agreements.desk;

import portal.customers.ContractCheck;

/** An application as the desk sees it, with the automatic check of Art. 5 (1) and its evidence. */
public record DeskEntry(PortalApplication application, ContractCheck check) {
}
