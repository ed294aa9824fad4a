package portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceKindDescriptorsTests {

	// Attachment 1, spelt exactly as there.
	private static final List<String> RELEVANT_SERVICES = List.of(
			"Arcstar Universal One",
			"WideAngle Managed Security Services",
			"Smart Data Platform",
			"Nexcenter",
			"Arcstar Smart PBX",
			"Arcstar Contact Center",
			"Arcstar IP Voice",
			"NTT Communications API Gateway",
			"OCN for business",
			"NTT docomo mobile service",
			"Access Premium",
			"Office link",
			"home5G",
			"homedenwa",
			"docomo Hikari",
			"docomo business ANCER Rec");

	private final ServiceKindDescriptors descriptors = ServiceKindDescriptors.from(ServiceKindDescriptors.DEFAULT_LOCATION);

	@Test
	@DisplayName("R-4.2 every relevant service of Attachment 1 has exactly one descriptor, under its official name")
	void describesEachRelevantServiceOnce() {
		assertThat(descriptors.all()).extracting(ServiceKindDescriptor::name)
				.containsExactlyInAnyOrderElementsOf(RELEVANT_SERVICES);
	}

	@Test
	@DisplayName("R-4.2 descriptors are listed by key")
	void listsDescriptorsByKey() {
		assertThat(descriptors.all()).extracting(ServiceKindDescriptor::key).isSorted().containsExactly(
				"access-premium", "ancer-rec", "api-gateway", "arcstar-contact-center", "arcstar-ip-voice",
				"arcstar-smart-pbx", "arcstar-universal-one", "docomo-hikari", "docomo-mobile", "home5g",
				"homedenwa", "nexcenter", "ocn-for-business", "office-link", "smart-data-platform",
				"wideangle-mss");
	}

	@Test
	@DisplayName("R-4.2 every descriptor reports usage, takes orders and describes its instances")
	void everyDescriptorIsComplete() {
		assertThat(descriptors.all()).allSatisfy(descriptor -> {
			assertThat(descriptor.metrics()).isNotEmpty();
			assertThat(descriptor.orderTypes()).isNotEmpty();
			assertThat(descriptor.attributes()).anyMatch(InstanceAttribute::required);
			assertThat(descriptor.description().en()).isNotBlank();
			assertThat(descriptor.description().ja()).isNotBlank();
		});
	}

	@Test
	@DisplayName("R-4.2 a global VPN circuit reports traffic with a 95th percentile, loss, latency and availability")
	void describesUniversalOne() {
		ServiceKindDescriptor vpn = descriptors.require("arcstar-universal-one");

		assertThat(vpn.instanceKind()).isEqualTo(InstanceKind.CIRCUIT);
		assertThat(vpn.category()).isEqualTo(ServiceCategory.NETWORK);
		assertThat(vpn.metric("traffic-in")).hasValueSatisfying(m -> {
			assertThat(m.unit()).isEqualTo(Unit.BITS_PER_SECOND);
			assertThat(m.aggregation()).isEqualTo(Aggregation.AVG);
			assertThat(m.interval()).isEqualTo(Duration.ofMinutes(5));
			assertThat(m.percentile95()).isTrue();
		});
		assertThat(vpn.metrics()).extracting(UsageMetric::key)
				.contains("traffic-out", "packet-loss", "latency", "availability");
		assertThat(vpn.orderTypes()).extracting(OrderType::key)
				.containsExactly("change-bandwidth", "add-site", "report-fault");
	}

	@Test
	@DisplayName("R-4.2 a mobile line reports data, voice and SMS, and can be suspended, resumed and re-planned")
	void describesDocomoMobile() {
		ServiceKindDescriptor mobile = descriptors.require("docomo-mobile");

		assertThat(mobile.instanceKind()).isEqualTo(InstanceKind.SIM_LINE);
		assertThat(mobile.metrics()).extracting(UsageMetric::key, UsageMetric::unit, UsageMetric::aggregation)
				.containsExactly(
						tuple("data-volume", Unit.BYTES, Aggregation.SUM),
						tuple("voice-minutes", Unit.MINUTES, Aggregation.SUM),
						tuple("sms-sent", Unit.MESSAGES, Aggregation.SUM));
		assertThat(mobile.orderTypes()).extracting(OrderType::key)
				.containsExactly("suspend-line", "resume-line", "change-plan");
		assertThat(mobile.attribute("msisdn")).hasValueSatisfying(a -> assertThat(a.required()).isTrue());
	}

	@Test
	@DisplayName("R-4.2 counters are summed and never offer a 95th percentile")
	void countersAreSummedWithoutPercentile() {
		assertThat(descriptors.all()).flatExtracting(ServiceKindDescriptor::metrics)
				.filteredOn(m -> m.unit() == Unit.CALLS || m.unit() == Unit.MESSAGES || m.unit() == Unit.REQUESTS)
				.isNotEmpty()
				.allSatisfy(m -> {
					assertThat(m.aggregation()).isEqualTo(Aggregation.SUM);
					assertThat(m.percentile95()).isFalse();
				});
	}

	@Test
	@DisplayName("R-4.2 names are shown in Japanese to Japanese readers and in English to everyone else")
	void localisesNames() {
		UsageMetric latency = descriptors.require("api-gateway").metric("latency").orElseThrow();

		assertThat(latency.name().in(Locale.JAPAN)).isEqualTo("応答時間");
		assertThat(latency.name().in(Locale.FRENCH)).isEqualTo("Response time");
	}

	@Test
	@DisplayName("R-4.2 an unknown key is absent, and requiring it fails")
	void findsOnlyKnownKeys() {
		assertThat(descriptors.find("home5g")).map(ServiceKindDescriptor::name).hasValue("home5G");
		assertThat(descriptors.find("pager")).isEmpty();
		assertThatThrownBy(() -> descriptors.require("pager"))
				.isInstanceOf(NoSuchElementException.class)
				.hasMessageContaining("pager");
	}

	@Test
	@DisplayName("R-4.2 a metric without an interval is sampled every five minutes")
	void defaultsTheInterval() {
		ServiceKindDescriptor minimal = ServiceKindDescriptors.from("classpath*:catalog/valid/*.yml").require("minimal");

		assertThat(minimal.metric("traffic-in")).map(UsageMetric::interval).hasValue(UsageMetric.DEFAULT_INTERVAL);
		assertThat(minimal.attributes()).isEmpty();
		assertThat(minimal.orderTypes()).isEmpty();
	}

	@Test
	@DisplayName("R-4.2 a location without descriptors is refused rather than giving an empty catalog")
	void refusesAnEmptyLocation() {
		assertThatThrownBy(() -> ServiceKindDescriptors.from("classpath*:catalog/nothing-here/*.yml"))
				.isInstanceOf(InvalidDescriptorException.class)
				.hasMessage("classpath*:catalog/nothing-here/*.yml: no service kind descriptors found");
	}
}
