package portal.agreements.api;

import java.time.Instant;
import java.util.List;

import portal.agreements.desk.Applicant;
import portal.agreements.desk.DeskEntry;
import portal.agreements.desk.PortalApplication;
import portal.customers.ContractCheck;

/** An application as the desk's API shows it, with the check of Art. 5 (1) and its evidence. */
record ApplicationResource(long receiptNo, String state, Instant receivedAt, String legalName, String registeredAddress,
		String country, Applicant.Person contact, List<String> contractNumbers, Applicant.Person administrator,
		Check customerOfRecordCheck, Instant decidedAt, String decidedBy, String rejectionReason, String rejectionNote,
		String administratorLoginId) {

	record Check(boolean passed, List<ContractCheck.Finding> evidence) {
	}

	static ApplicationResource of(DeskEntry entry) {
		PortalApplication a = entry.application();
		Applicant applicant = a.applicant();
		return new ApplicationResource(a.receiptNo(), a.state().code(), a.receivedAt(), applicant.legalName(),
				applicant.registeredAddress(), applicant.country(), applicant.contact(), applicant.contractNumbers(),
				applicant.administrator(), new Check(entry.check().passed(), entry.check().findings()),
				a.decidedAt().orElse(null), a.decidedBy().orElse(null),
				a.rejectionReason().map(r -> r.code()).orElse(null), a.rejectionNote().orElse(null),
				a.administratorLoginId().orElse(null));
	}
}
