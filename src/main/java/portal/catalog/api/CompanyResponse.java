package portal.catalog.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import portal.catalog.ListedCompany;

/** A contracting company: the Company itself or an affiliate, with its country and offer period. */
record CompanyResponse(String code, String name, @Schema(description = "ISO 3166-1 alpha-2", example = "JP") String country,
		@Schema(description = "false only for the Company itself") boolean affiliate,
		@Schema(description = "upcoming, offered, retiring or retired, as of today") String state,
		@Schema(description = "whether contracts with it are offered today") boolean active, LocalDate offeredFrom,
		@Schema(description = "the first day it is no longer offered; absent unless retirement is set") LocalDate retiredFrom) {

	static CompanyResponse of(ListedCompany company, LocalDate today) {
		return new CompanyResponse(company.code(), company.name(), company.country(), company.affiliate(),
				company.stateOn(today).code(), company.stateOn(today).offered(), company.offeredFrom(),
				company.retiredFrom().orElse(null));
	}
}
