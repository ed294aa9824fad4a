package portal.catalog.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import portal.catalog.Catalog;
import portal.catalog.ListedService;
import portal.catalog.ServiceKindDescriptors;
import portal.catalog.UnknownCatalogEntry;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The public catalog: anyone may read which services and companies the portal serves. */
@RestController
@Feature(PortalFeature.ESSENTIAL)
@Tag(name = "Catalog", description = "Relevant services with their service kind descriptors, and contracting companies")
class CatalogController {

	private final Catalog catalog;

	private final ServiceKindDescriptors descriptors;

	CatalogController(Catalog catalog, ServiceKindDescriptors descriptors) {
		this.catalog = catalog;
		this.descriptors = descriptors;
	}

	@GetMapping("/api/v1/catalog/relevant-services")
	@Operation(summary = "Every relevant service, retired ones included, each with its service kind descriptor")
	List<ServiceResponse> services() {
		LocalDate today = catalog.today();
		return catalog.listedServices().stream().map(service -> response(service, today)).toList();
	}

	@GetMapping("/api/v1/catalog/relevant-services/{key}")
	@Operation(summary = "One relevant service with its service kind descriptor")
	@ApiResponse(responseCode = "200", description = "The service")
	@ApiResponse(responseCode = "404", description = "The catalog lists no service with this key",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ServiceResponse service(@PathVariable String key) {
		return catalog.listedService(key)
			.map(service -> response(service, catalog.today()))
			.orElseThrow(() -> UnknownCatalogEntry.service(key));
	}

	@GetMapping("/api/v1/catalog/affiliates")
	@Operation(summary = "The affiliates, each with its country; the Company itself is not among them")
	List<CompanyResponse> affiliates() {
		LocalDate today = catalog.today();
		return catalog.listedCompanies().stream()
			.filter(company -> company.affiliate())
			.map(company -> CompanyResponse.of(company, today))
			.toList();
	}

	@GetMapping("/api/v1/catalog/contracting-companies")
	@Operation(summary = "Every company customers contract relevant services with: the Company itself first, then the affiliates")
	List<CompanyResponse> companies() {
		LocalDate today = catalog.today();
		return catalog.listedCompanies().stream().map(company -> CompanyResponse.of(company, today)).toList();
	}

	private ServiceResponse response(ListedService service, LocalDate today) {
		return ServiceResponse.of(service, descriptors.require(service.key()), today);
	}
}
