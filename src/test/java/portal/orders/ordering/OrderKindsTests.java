package portal.orders.ordering;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import portal.catalog.ServiceKindDescriptors;

import static org.assertj.core.api.Assertions.assertThat;

/** What each order type of the real descriptors does to its instance when completed. */
class OrderKindsTests {

	private static final OrderKinds KINDS = new OrderKinds(
			ServiceKindDescriptors.from(ServiceKindDescriptors.DEFAULT_LOCATION));

	@Test
	@DisplayName("R-7.7 a bandwidth change modifies the circuit's bandwidth and nothing else")
	void bandwidthChangeChangesBandwidthOnly() {
		OrderKind change = KINDS.find("arcstar-universal-one", "change-bandwidth").orElseThrow();
		assertThat(change.action()).isEqualTo(ItemAction.MODIFY);
		assertThat(change.changes()).containsExactly("bandwidthMbps");
	}

	@Test
	@DisplayName("R-7.7 parameters merely named like attributes change nothing: adding a site or numbers leaves the instance alone")
	void namesAlikeChangeNothing() {
		for (String[] type : List.of(new String[] { "arcstar-universal-one", "add-site" },
				new String[] { "arcstar-ip-voice", "add-numbers" })) {
			OrderKind kind = KINDS.find(type[0], type[1]).orElseThrow();
			assertThat(kind.action()).as(type[1]).isEqualTo(ItemAction.NO_CHANGE);
			assertThat(kind.changes()).as(type[1]).isEmpty();
		}
	}

	@Test
	@DisplayName("R-7.7 the generic modify may change any attribute; add and delete change none by parameter")
	void genericKinds() {
		assertThat(KINDS.find("arcstar-universal-one", OrderKinds.MODIFY).orElseThrow().changes())
			.containsExactly("circuitId", "siteName", "country", "accessType", "bandwidthMbps");
		assertThat(KINDS.find("arcstar-universal-one", OrderKinds.ADD).orElseThrow().changes()).isEmpty();
		assertThat(KINDS.find("arcstar-universal-one", OrderKinds.DELETE).orElseThrow().changes()).isEmpty();
	}

	@Test
	@DisplayName("R-7.7 every descriptor order type that changes its instance names attributes that it takes as parameters")
	void everyChangeIsAParameter() {
		ServiceKindDescriptors descriptors = ServiceKindDescriptors.from(ServiceKindDescriptors.DEFAULT_LOCATION);
		long modifying = descriptors.all().stream().flatMap(d -> KINDS.of(d.key()).stream())
			.filter(k -> !k.key().equals(OrderKinds.MODIFY) && k.action() == ItemAction.MODIFY)
			.peek(k -> assertThat(k.parameters()).extracting(p -> p.key()).containsAll(k.changes()))
			.count();
		assertThat(modifying).isEqualTo(11);
	}
}
