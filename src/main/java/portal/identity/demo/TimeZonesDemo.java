package portal.identity.demo;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import portal.platform.demo.DemoAccounts;
import portal.platform.demo.DemoModeEnabled;
import portal.platform.demo.DemoSeeder;

/**
 * Demo staff who work elsewhere than their browsers say: the affiliate's desk in Singapore and
 * a service manager in London chose their zones in their profiles; everyone else follows
 * their browser's zone.
 */
@Component
@Conditional(DemoModeEnabled.class)
class TimeZonesDemo implements DemoSeeder {

	private final JdbcClient jdbc;

	TimeZonesDemo(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "identity-time-zones";
	}

	@Override
	public int order() {
		return 310;
	}

	@Override
	public void seed(DemoAccounts demo) {
		jdbc.sql("UPDATE identity.accounts SET time_zone = 'Asia/Singapore' WHERE kind = 'STAFF' AND company_scope = ?")
			.param("NTT-SINGAPORE")
			.update();
		jdbc.sql("UPDATE identity.accounts SET time_zone = 'Europe/London' WHERE kind = 'STAFF' AND name = ?")
			.param("Brian Walsh")
			.update();
	}
}
