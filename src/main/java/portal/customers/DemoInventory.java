package portal.customers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import portal.customers.inventory.InstanceState;

/**
 * The demo's contracts and service instances, with attribute values valid for each relevant
 * service's descriptor. Plain data, fixed so that every demo database looks the same.
 */
final class DemoInventory {

	/** A demo contract and the instances under it; ended contracts have an end date. */
	record Contract(String number, String service, String kind, String company, String customerOfRecord,
			String registrationNumber, String customerCode, LocalDate start, Optional<LocalDate> end,
			List<Instance> instances) {
	}

	record Instance(String id, String label, Map<String, Object> attributes, InstanceState state) {
	}

	private static final String SAKURA = "Sakura Precision Industries Co., Ltd.";
	private static final String MERLION = "Merlion Freight Logistics Pte. Ltd.";
	private static final String CEDAR = "Cedar Lane Retail Inc.";

	List<Contract> contracts() {
		return List.of(
				contract("J-UNO-2019-00418", "arcstar-universal-one", "circuit", "COMPANY", SAKURA, "0104-01-028811",
						"C-0001", "2019-04-01", circuits("J-UNO-2019-00418", new String[][] {
							{ "Tokyo head office", "JP", "ethernet", "1000" }, { "Nagoya plant", "JP", "ethernet", "500" },
							{ "Osaka sales office", "JP", "broadband", "200" }, { "Kumamoto plant", "JP", "ethernet", "500" },
							{ "Suzhou plant", "CN", "ethernet", "300" }, { "Bangkok office", "TH", "broadband", "100" },
							{ "Hanoi office", "VN", "mobile", "50" }, { "Guadalajara plant", "MX", "ethernet", "200" } })),
				contract("J-MSS-2021-00077", "wideangle-mss", "security-device", "COMPANY", SAKURA, "0104-01-028811",
						"C-0001", "2021-10-01", devices("J-MSS-2021-00077", "Tokyo head office", "Nagoya plant")),
				contract("J-PBX-2022-01130", "arcstar-smart-pbx", "pbx-tenant", "COMPANY", SAKURA, "0104-01-028811",
						"C-0001", "2022-06-01", List.of(instance("J-PBX-2022-01130-T1", "Sakura company PBX",
								Map.of("tenantId", "SPBX-77120", "extensionLimit", 850, "representativeNumber",
										"0354001200")))),
				contract("J-OCN-2018-20931", "ocn-for-business", "internet-access", "COMPANY", SAKURA, "0104-01-028811",
						"C-0001", "2018-01-15", List.of(
								instance("J-OCN-2018-20931-A1", "Head office internet", Map.of("connectionId", "OCN-HQ-5512",
										"accessLine", "dedicated", "fixedIpv4Addresses", 16, "bandwidthMbps", 1000)),
								instance("J-OCN-2018-20931-A2", "Nagoya plant internet", Map.of("connectionId",
										"OCN-NGY-0931", "accessLine", "fibre", "fixedIpv4Addresses", 8)))),
				contract("D-MOB-5530012", "docomo-mobile", "sim-line", "DOCOMO", SAKURA, "0104-01-028811", "C-0001",
						"2020-07-01", simLines("D-MOB-5530012", 12)),
				ended(contract("J-IPV-2015-00310", "arcstar-ip-voice", "voice-line", "COMPANY", SAKURA, "0104-01-028811",
						"C-0001", "2015-04-01", List.of(
								terminated(instance("J-IPV-2015-00310-L1", "Tokyo main line", Map.of("phoneNumber",
										"0354001000", "numberType", "fixed", "channels", 30))),
								terminated(instance("J-IPV-2015-00310-L2", "Nagoya main line", Map.of("phoneNumber",
										"0529001000", "numberType", "fixed", "channels", 10))))),
						"2024-03-31"),
				contract("SG-NXC-2020-0142", "nexcenter", "data-centre-space", "NTT-SINGAPORE", MERLION, "201912345K",
						"C-0002", "2020-02-01", racks("SG-NXC-2020-0142", 4)),
				contract("SG-UNO-2020-0388", "arcstar-universal-one", "circuit", "NTT-SINGAPORE", MERLION, "201912345K",
						"C-0002", "2020-03-01", circuits("SG-UNO-2020-0388", new String[][] {
							{ "Jurong hub", "SG", "ethernet", "1000" }, { "Port Klang depot", "MY", "ethernet", "300" },
							{ "Jakarta depot", "ID", "broadband", "200" }, { "Laem Chabang depot", "TH", "broadband", "100" },
							{ "Sydney office", "AU", "ethernet", "200" } })),
				contract("SG-ACC-2023-0019", "arcstar-contact-center", "contact-center-tenant", "NTT-SINGAPORE", MERLION,
						"201912345K", "C-0002", "2023-05-01", List.of(instance("SG-ACC-2023-0019-T1",
								"Customer service desk", Map.of("tenantId", "ACC-SG-0019", "seats", 40,
										"platformRegion", "apac")))),
				contract("J-API-2024-00052", "api-gateway", "api-product", "COMPANY", MERLION, "201912345K", "C-0002",
						"2024-01-10", List.of(
								instance("J-API-2024-00052-P1", "Shipment SMS notices", Map.of("productKey", "sms",
										"plan", "standard", "rateLimitPerSecond", 50)),
								instance("J-API-2024-00052-P2", "Driver voice calls", Map.of("productKey", "voice-call",
										"plan", "standard", "rateLimitPerSecond", 10)),
								withState(instance("J-API-2024-00052-P3", "Network bandwidth control trial",
										Map.of("productKey", "bandwidth-on-demand", "plan", "trial", "rateLimitPerSecond",
												2)), InstanceState.RESERVED))),
				contract("US-UNO-2021-7781", "arcstar-universal-one", "circuit", "NTT-AMERICA", CEDAR, "84-3317702",
						"C-0003", "2021-09-01", circuits("US-UNO-2021-7781", new String[][] {
							{ "Denver head office", "US", "ethernet", "1000" }, { "Dallas distribution centre", "US",
								"ethernet", "500" }, { "Chicago store 014", "US", "broadband", "100" },
							{ "Seattle store 022", "US", "broadband", "100" }, { "Phoenix store 031", "US", "mobile", "50" },
							{ "Toronto store 101", "CA", "broadband", "100" } })),
				contract("US-MSS-2022-0934", "wideangle-mss", "security-device", "NTT-AMERICA", CEDAR, "84-3317702",
						"C-0003", "2022-02-01", devices("US-MSS-2022-0934", "Denver head office",
								"Dallas distribution centre")),
				contract("US-SDP-2023-0112", "smart-data-platform", "data-platform-project", "NTT-AMERICA", CEDAR,
						"84-3317702", "C-0003", "2023-11-01", List.of(
								instance("US-SDP-2023-0112-P1", "Sales analytics", Map.of("projectId", "cedar-sales-analytics",
										"region", "jp-east", "vcpuQuota", 96)),
								withState(instance("US-SDP-2023-0112-P2", "Demand forecasting", Map.of("projectId",
										"cedar-forecasting", "region", "jp-west")), InstanceState.DESIGNED))),
				// Not linked to any Portal Customer: the holder has not applied for the portal yet.
				contract("J-OCN-2020-31877", "ocn-for-business", "internet-access", "COMPANY", "Hanamizuki Trading K.K.",
						"0110-01-114422", "", "2020-08-01", List.of(instance("J-OCN-2020-31877-A1", "Office internet",
								Map.of("connectionId", "OCN-HNM-0001", "accessLine", "fibre", "fixedIpv4Addresses", 1)))));
	}

	private static Contract contract(String number, String service, String kind, String company, String ofRecord,
			String registration, String customerCode, String start, List<Instance> instances) {
		return new Contract(number, service, kind, company, ofRecord, registration, customerCode, LocalDate.parse(start),
				Optional.empty(), instances);
	}

	private static Contract ended(Contract contract, String end) {
		return new Contract(contract.number(), contract.service(), contract.kind(), contract.company(),
				contract.customerOfRecord(), contract.registrationNumber(), contract.customerCode(), contract.start(),
				Optional.of(LocalDate.parse(end)), contract.instances());
	}

	private static Instance instance(String id, String label, Map<String, Object> attributes) {
		return new Instance(id, label, attributes, InstanceState.ACTIVE);
	}

	private static Instance withState(Instance instance, InstanceState state) {
		return new Instance(instance.id(), instance.label(), instance.attributes(), state);
	}

	private static Instance terminated(Instance instance) {
		return withState(instance, InstanceState.TERMINATED);
	}

	/** Sites as {name, country, access type, bandwidth}. */
	private static List<Instance> circuits(String contract, String[][] sites) {
		List<Instance> circuits = new ArrayList<>();
		for (int i = 0; i < sites.length; i++) {
			String[] site = sites[i];
			String circuitId = contract.substring(0, contract.indexOf('-')) + "-C" + String.format("%05d",
					Math.abs(contract.hashCode() % 90000) + i * 7 + 10000);
			Instance circuit = instance(contract + "-C" + (i + 1), site[0] + " circuit", Map.of("circuitId", circuitId,
					"siteName", site[0], "country", site[1], "accessType", site[2], "bandwidthMbps",
					Integer.parseInt(site[3])));
			circuits.add(i == sites.length - 1 && sites.length > 6 ? withState(circuit, InstanceState.INACTIVE) : circuit);
		}
		return circuits;
	}

	private static List<Instance> devices(String contract, String first, String second) {
		String[][] devices = { { first, "firewall", "management" }, { first, "waf", "analysis" },
				{ second, "utm", "monitoring" }, { second, "proxy", "management" } };
		List<Instance> list = new ArrayList<>();
		for (int i = 0; i < devices.length; i++) {
			String[] device = devices[i];
			list.add(instance(contract + "-D" + (i + 1), device[0] + " " + device[1], Map.of("deviceId",
					"MSS-" + contract.substring(contract.length() - 4) + "-" + (i + 1), "deviceType", device[1],
					"serviceMenu", device[2], "location", device[0])));
		}
		return list;
	}

	private static List<Instance> simLines(String contract, int count) {
		String[] plans = { "voice-data-m", "voice-data-s", "voice-data-unlimited", "data-only" };
		List<Instance> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String msisdn = "0908001" + String.format("%04d", 1200 + i * 3);
			Instance line = instance(contract + "-S" + String.format("%02d", i + 1), (i < 8 ? "Sales staff phone "
					: "Factory tablet ") + (i + 1), Map.of("msisdn", msisdn, "iccid",
					"8981100" + String.format("%012d", 550012000L + i), "plan", i < 8 ? plans[i % 3] : plans[3],
					"network", i % 4 == 3 ? "lte" : "5g"));
			lines.add(i == count - 1 ? withState(line, InstanceState.FEASIBILITY_CHECKED) : line);
		}
		return lines;
	}

	private static List<Instance> racks(String contract, int count) {
		List<Instance> racks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			racks.add(instance(contract + "-R" + (i + 1), "Rack " + (char) ('A' + i) + (i + 1), Map.of("facility",
					"Singapore Data Centre 2", "rackId", "SG2-H3-" + (char) ('A' + i) + (i + 1), "rackUnits", 42,
					"contractedPowerKw", i < 2 ? 6.0 : 4.5)));
		}
		return racks;
	}
}
