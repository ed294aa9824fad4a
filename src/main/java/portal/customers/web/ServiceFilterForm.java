package portal.customers.web;

import portal.customers.inventory.InstanceFilter;
import portal.customers.inventory.InstanceState;

/**
 * The filters of a services list as the page's form sends them. Pages forgive what the API
 * refuses: an unknown state or a negative page simply does not filter. Public because
 * templates call its methods.
 */
public record ServiceFilterForm(String service, String state, String q, Integer page) {

	public ServiceFilterForm {
		service = service == null ? "" : service.strip();
		state = state == null || InstanceState.of(state.strip()).isEmpty() ? "" : state.strip();
		q = q == null ? "" : q.strip();
		q = q.length() > 100 ? q.substring(0, 100) : q;
		page = page == null || page < 0 ? 0 : page;
	}

	InstanceFilter instances() {
		return new InstanceFilter(service, "", state, q);
	}

	public boolean filtered() {
		return !service.isEmpty() || !state.isEmpty() || !q.isEmpty();
	}
}
