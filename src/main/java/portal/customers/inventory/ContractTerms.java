package portal.customers.inventory;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contract as a relevant-service system reports it. The customer code is empty when the
 * system names no Portal Customer; the end date is null while the contract has none.
 */
public record ContractTerms(String contractNo, String relevantService, String contractingCompany,
		CustomerOfRecord customerOfRecord, String customerCode, LocalDate startDate, LocalDate endDate,
		ContractState state) {

	/** Contract numbers appear in URLs, so they keep to characters that need no escaping. */
	public static final Pattern CONTRACT_NO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	public ContractTerms {
		if (contractNo == null || !CONTRACT_NO.matcher(contractNo).matches()) {
			throw InventoryRefusal.invalid("contractNo", "Use 1 to 64 letters, digits, '.', '_' or '-'.");
		}
		Objects.requireNonNull(customerOfRecord, "customerOfRecord");
		customerCode = customerCode == null ? "" : customerCode.strip();
		if (startDate == null) {
			throw InventoryRefusal.invalid("startDate", "Enter the start date.");
		}
		if (endDate != null && endDate.isBefore(startDate)) {
			throw InventoryRefusal.invalid("endDate", "The end date is before the start date.");
		}
		if (state == null) {
			throw InventoryRefusal.invalid("state", "Use active or ended.");
		}
		if (state == ContractState.ENDED && endDate == null) {
			throw InventoryRefusal.invalid("endDate", "An ended contract needs its end date.");
		}
	}

	public Optional<LocalDate> end() {
		return Optional.ofNullable(endDate);
	}
}
