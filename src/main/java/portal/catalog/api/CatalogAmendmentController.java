package portal.catalog.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.catalog.Catalog;
import portal.catalog.CatalogAmendments;
import portal.catalog.ListedCompany;
import portal.catalog.ListedService;
import portal.catalog.ServiceKindDescriptors;
import portal.catalog.UnknownCatalogEntry;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * Staff amend the catalog over JSON. Every amendment is kept with who, when and
 * the effective date, and audited; a refused one answers with a problem detail and writes
 * nothing.
 */
@RestController
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasAnyRole('STAFF_SERVICE_MANAGER', 'STAFF_ADMIN')")
@Tag(name = "Catalog amendments", description = "Staff add, rename and retire relevant services and contracting companies")
@ApiResponse(responseCode = "400", description = "Invalid input; the problem names the fields",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Only service managers and administrators amend the catalog",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class CatalogAmendmentController {

	private final CatalogAmendments amendments;

	private final Catalog catalog;

	private final ServiceKindDescriptors descriptors;

	CatalogAmendmentController(CatalogAmendments amendments, Catalog catalog, ServiceKindDescriptors descriptors) {
		this.amendments = amendments;
		this.catalog = catalog;
		this.descriptors = descriptors;
	}

	@GetMapping("/api/v1/console/catalog/amendments")
	@Operation(summary = "The kept amendments of the catalog, newest first")
	List<AmendmentResponse> history(@RequestParam(defaultValue = "100") int limit) {
		return amendments.history(limit).stream().map(AmendmentResponse::of).toList();
	}

	@PostMapping("/api/v1/console/catalog/relevant-services")
	@Operation(summary = "Lists a relevant service that has a service kind descriptor")
	@ApiResponse(responseCode = "201", description = "Listed")
	@ApiResponse(responseCode = "409", description = "The key or the name is already listed",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ServiceResponse> addService(@Valid @RequestBody AddServiceRequest request) {
		ListedService added = amendments.addService(request.key(), request.name(), request.offeredFrom());
		return ResponseEntity.created(URI.create("/api/v1/catalog/relevant-services/" + added.key()))
			.body(ServiceResponse.of(added, descriptors.require(added.key()), catalog.today()));
	}

	@PatchMapping("/api/v1/console/catalog/relevant-services/{key}")
	@Transactional
	@Operation(summary = "Renames a relevant service from today on, retires it from a date, or both")
	@ApiResponse(responseCode = "200", description = "Amended")
	@ApiResponse(responseCode = "404", description = "The catalog lists no service with this key",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The amendment conflicts with the entry's state or another name",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ServiceResponse amendService(@PathVariable String key, @Valid @RequestBody AmendEntryRequest request) {
		if (request.name() != null) {
			amendments.renameService(key, request.name());
		}
		if (request.retire() != null) {
			amendments.retireService(key, request.retire().effectiveDate());
		}
		ListedService amended = catalog.listedService(key).orElseThrow(() -> UnknownCatalogEntry.service(key));
		return ServiceResponse.of(amended, descriptors.require(key), catalog.today());
	}

	@PostMapping("/api/v1/console/catalog/contracting-companies")
	@Operation(summary = "Lists a new affiliate with its country")
	@ApiResponse(responseCode = "201", description = "Listed")
	@ApiResponse(responseCode = "409", description = "The code or the name is already listed",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<CompanyResponse> addAffiliate(@Valid @RequestBody AddAffiliateRequest request) {
		ListedCompany added = amendments.addAffiliate(request.code(), request.name(), request.country(),
				request.offeredFrom());
		return ResponseEntity.created(URI.create("/api/v1/catalog/contracting-companies"))
			.body(CompanyResponse.of(added, catalog.today()));
	}

	@PatchMapping("/api/v1/console/catalog/contracting-companies/{code}")
	@Transactional
	@Operation(summary = "Renames a contracting company from today on, retires an affiliate from a date, or both")
	@ApiResponse(responseCode = "200", description = "Amended")
	@ApiResponse(responseCode = "404", description = "The catalog lists no company with this code",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The amendment conflicts with the entry's state or another name",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	CompanyResponse amendCompany(@PathVariable String code, @Valid @RequestBody AmendEntryRequest request) {
		if (request.name() != null) {
			amendments.renameCompany(code, request.name());
		}
		if (request.retire() != null) {
			amendments.retireCompany(code, request.retire().effectiveDate());
		}
		LocalDate today = catalog.today();
		return catalog.listedCompany(code)
			.map(company -> CompanyResponse.of(company, today))
			.orElseThrow(() -> UnknownCatalogEntry.company(code));
	}
}
