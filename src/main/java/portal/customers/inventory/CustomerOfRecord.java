package portal.customers.inventory;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The company a relevant-service contract is made with, as the contracting company records
 * it. It may not (yet) be a Portal Customer.
 */
public record CustomerOfRecord(String legalName, String registrationNumber) {

	public CustomerOfRecord {
		if (legalName == null || legalName.isBlank()) {
			throw InventoryRefusal.invalid("customerOfRecord.legalName", "Enter the legal name.");
		}
		legalName = legalName.strip();
		registrationNumber = registrationNumber == null ? "" : registrationNumber.strip();
	}

	/**
	 * Whether a name given elsewhere (an application, R-5.2) is this legal name, ignoring case,
	 * spacing and the full-width forms Japanese input methods produce.
	 */
	public boolean isNamed(String name) {
		return name != null && comparable(name).equals(comparable(legalName));
	}

	static String comparable(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
	}
}
