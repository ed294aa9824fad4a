package portal.customers;

import java.util.List;

/**
 * The check of reason (1) and its evidence: for each contract an applicant names,
 * whether the portal knows it, whether it is active, and whether the applicant is its
 * customer of record. It passes when at least one named contract satisfies all three.
 */
public record ContractCheck(String applicantName, List<Finding> findings) {

	public ContractCheck {
		findings = List.copyOf(findings);
	}

	/**
	 * What the portal knows of one named contract.
	 *
	 * @param contractingCompany the company it is made with; empty when not found
	 * @param relevantService the service it is for; empty when not found
	 * @param customerOfRecordMatches whether its customer of record is the applicant, ignoring case and spacing
	 */
	public record Finding(String contractNo, boolean found, boolean active, boolean customerOfRecordMatches,
			String contractingCompany, String relevantService) {

		public boolean satisfied() {
			return found && active && customerOfRecordMatches;
		}
	}

	public boolean passed() {
		return findings.stream().anyMatch(Finding::satisfied);
	}
}
