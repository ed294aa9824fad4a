package portal.catalog.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import portal.catalog.ListedService;
import portal.catalog.ServiceKindDescriptor;

/** A relevant service with its offer period, its state today and its service kind descriptor. */
record ServiceResponse(String key, String name,
		@Schema(description = "upcoming, offered, retiring or retired, as of today") String state,
		@Schema(description = "whether it is offered today") boolean active, LocalDate offeredFrom,
		@Schema(description = "the first day it is no longer offered; absent unless retirement is set") LocalDate retiredFrom,
		DescriptorResponse descriptor) {

	static ServiceResponse of(ListedService service, ServiceKindDescriptor descriptor, LocalDate today) {
		return new ServiceResponse(service.key(), service.name(), service.stateOn(today).code(),
				service.stateOn(today).offered(), service.offeredFrom(), service.retiredFrom().orElse(null),
				DescriptorResponse.of(descriptor));
	}
}
