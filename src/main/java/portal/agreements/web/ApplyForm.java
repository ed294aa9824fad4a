package portal.agreements.web;

import java.util.Arrays;
import java.util.Map;

import portal.agreements.desk.Applicant;

/** The /apply form as the page posts it; contracts are one per line. */
record ApplyForm(String legalName, String registeredAddress, String country, String contactName, String contactEmail,
		String contactPhone, String contractNumbers, String adminName, String adminEmail, String adminPhone,
		String language, Boolean consentConfirmed) {

	/** The applicant's field names (as the API names them) and the form's. */
	static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("contact.name", "contactName"),
			Map.entry("contact.email", "contactEmail"), Map.entry("contact.phone", "contactPhone"),
			Map.entry("administrator.name", "adminName"), Map.entry("administrator.email", "adminEmail"),
			Map.entry("administrator.phone", "adminPhone"));

	static ApplyForm empty() {
		return new ApplyForm("", "", "", "", "", "", "", "", "", "", "en", false);
	}

	Applicant applicant() {
		return new Applicant(legalName, registeredAddress, country, new Applicant.Person(contactName, contactEmail,
				contactPhone), contractNumbers == null ? java.util.List.of()
						: Arrays.stream(contractNumbers.split("[\\r\\n,]+")).map(String::strip).filter(s -> !s.isEmpty())
							.toList(),
				new Applicant.Person(adminName, adminEmail, adminPhone), language, Boolean.TRUE.equals(consentConfirmed));
	}
}
