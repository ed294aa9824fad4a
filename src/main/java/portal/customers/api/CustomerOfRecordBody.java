package portal.customers.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import portal.customers.inventory.CustomerOfRecord;

/** The company a contract is made with, as the contracting company records it. */
record CustomerOfRecordBody(@NotBlank @Size(max = 200) String legalName, @Size(max = 64) String registrationNumber) {

	static CustomerOfRecordBody of(CustomerOfRecord record) {
		return new CustomerOfRecordBody(record.legalName(), record.registrationNumber());
	}

	CustomerOfRecord toDomain() {
		return new CustomerOfRecord(legalName, registrationNumber);
	}
}
