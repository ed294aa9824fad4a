package portal.customers.systemkeys;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;
import portal.platform.Tenancy;
import portal.platform.security.SecurityContributor;

/**
 * Adds system-key authentication to the API chain, ahead of the tenancy filter so that the
 * tenancy context is set from the service system's principal.
 */
@Component
class SystemKeySecurity implements SecurityContributor {

	private final ServiceSystemKeys keys;

	private final Tenancy tenancy;

	SystemKeySecurity(ServiceSystemKeys keys, Tenancy tenancy) {
		this.keys = keys;
		this.tenancy = tenancy;
	}

	@Override
	public void contribute(HttpSecurity http, Chain chain) {
		if (chain == Chain.API) {
			http.addFilterBefore(new SystemKeyFilter(keys, tenancy), AnonymousAuthenticationFilter.class);
		}
	}
}
