package portal.customers;

import java.util.Map;

/**
 * A service instance as other modules see it, with the contracting company of its contract
 * (who fulfils orders on it).
 *
 * @param state its TMF638 state, such as {@code active} or {@code terminated}
 */
public record ServiceInstanceSummary(String id, String contractNo, String relevantService, String contractingCompany,
		String kind, String label, Map<String, Object> attributes, String state) {

	public ServiceInstanceSummary {
		attributes = Map.copyOf(attributes);
	}

	public boolean live() {
		return !"terminated".equals(state);
	}
}
