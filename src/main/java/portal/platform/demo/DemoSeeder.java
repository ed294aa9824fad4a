package portal.platform.demo;

/**
 * One module's share of the demo data. Each seeder runs once per database, in its order,
 * in one transaction with the system scope, and registers the accounts it created.
 */
public interface DemoSeeder {

	/** A stable name: a seeder that has run under this name is not run again. */
	String name();

	/** Lower runs first: reference data before customers, customers before their users. */
	int order();

	void seed(DemoAccounts accounts);
}
