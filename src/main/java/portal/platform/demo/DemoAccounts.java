package portal.platform.demo;

import java.util.ArrayList;
import java.util.List;

/** The accounts the seeders register while they run. */
public final class DemoAccounts {

	private final List<DemoAccount> accounts = new ArrayList<>();

	public void add(DemoAccount account) {
		accounts.add(account);
	}

	List<DemoAccount> list() {
		return List.copyOf(accounts);
	}
}
