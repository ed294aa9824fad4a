package portal.agreements.api;

import java.util.List;

import portal.agreements.desk.Applicant;

/** The public application form as JSON. */
record ApplicationRequest(String legalName, String registeredAddress, String country, Applicant.Person contact,
		List<String> contractNumbers, Applicant.Person administrator, String language, Boolean consentConfirmed) {

	Applicant applicant() {
		return new Applicant(legalName, registeredAddress, country, contact, contractNumbers, administrator, language,
				Boolean.TRUE.equals(consentConfirmed));
	}
}
