package portal.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import portal.customers.inventory.ContractFeed;
import portal.customers.inventory.ContractState;
import portal.customers.inventory.ContractTerms;
import portal.customers.inventory.CustomerOfRecord;
import portal.customers.inventory.InstanceFeed;
import portal.customers.inventory.InstanceReport;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.demo.DemoAccount;
import portal.platform.demo.DemoAccounts;
import portal.platform.demo.DemoModeEnabled;
import portal.platform.demo.DemoSeeder;

/**
 * Demo customers and their inventory: three customers in three countries, contracts with
 * the Company and three affiliates across ten relevant services, one contract not yet
 * linked to any customer, and an API key per contracting company. Contracts and instances
 * go through the same feed the systems use, so the demo obeys the same rules and is audited.
 */
@Component
@Conditional(DemoModeEnabled.class)
class CustomersDemo implements DemoSeeder {

	private final Customers customers;

	private final ContractFeed contracts;

	private final InstanceFeed instances;

	private final ServiceSystemKeys keys;

	private final Tenancy tenancy;

	CustomersDemo(Customers customers, ContractFeed contracts, InstanceFeed instances, ServiceSystemKeys keys,
			Tenancy tenancy) {
		this.customers = customers;
		this.contracts = contracts;
		this.instances = instances;
		this.keys = keys;
		this.tenancy = tenancy;
	}

	@Override
	public String name() {
		return "customers-inventory";
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public void seed(DemoAccounts accounts) {
		Map<String, String> feeds = new LinkedHashMap<>();
		feeds.put("COMPANY", "company-service-feed");
		feeds.put("DOCOMO", "docomo-mobile-feed");
		feeds.put("NTT-SINGAPORE", "ntt-singapore-feed");
		feeds.put("NTT-AMERICA", "ntt-america-feed");
		feeds.forEach((company, name) -> accounts.add(new DemoAccount("system-key", name, "", "",
				keys.issue(name, company), "", List.of("SERVICE_SYSTEM"))));
		DemoInventory inventory = new DemoInventory();
		customers.register("Sakura Precision Industries Co., Ltd.", "JP",
				"4-12-8 Shiba, Minato-ku, Tokyo 108-0014, Japan");
		customers.register("Merlion Freight Logistics Pte. Ltd.", "SG",
				"10 Pioneer Crescent #05-01, Singapore 628560");
		customers.register("Cedar Lane Retail Inc.", "US", "1200 Market Street, Suite 400, Denver, CO 80202, USA");
		for (DemoInventory.Contract contract : inventory.contracts()) {
			asSystem(feeds.get(contract.company()), () -> record(contract));
		}
	}

	private void record(DemoInventory.Contract contract) {
		CustomerOfRecord ofRecord = new CustomerOfRecord(contract.customerOfRecord(), contract.registrationNumber());
		contracts.record(contract.company(), new ContractTerms(contract.number(), contract.service(),
				contract.company(), ofRecord, contract.customerCode(), contract.start(), null, ContractState.ACTIVE));
		for (DemoInventory.Instance instance : contract.instances()) {
			instances.record(contract.company(), new InstanceReport(instance.id(), contract.number(),
					contract.kind(), instance.label(), instance.attributes(), instance.state()));
		}
		contract.end().ifPresent(end -> contracts.record(contract.company(), new ContractTerms(contract.number(),
				contract.service(), contract.company(), ofRecord, contract.customerCode(), contract.start(), end,
				ContractState.ENDED)));
	}

	// Attributed to the company's system, as if its feed had reported it.
	private void asSystem(String feed, Runnable work) {
		tenancy.run(Actor.serviceSystem(feed), TenantScope.system(), work);
	}
}
