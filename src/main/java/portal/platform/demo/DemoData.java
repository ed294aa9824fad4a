package portal.platform.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import portal.platform.Tenancy;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo data once per database and keeps the demo accounts in
 * {@code <data dir>/demo-accounts.json}, printed at every start. Runs only in demo mode,
 * so demo secrets never exist anywhere else.
 */
@Component
@Conditional(DemoModeEnabled.class)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final List<DemoSeeder> seeders;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Tenancy tenancy;

	private final Path accountsFile;

	DemoData(List<DemoSeeder> seeders, JdbcClient jdbc, TransactionTemplate transactions, Tenancy tenancy,
			@Value("${portal.data-dir}") Path dataDir) {
		this.seeders = seeders.stream().sorted(Comparator.comparingInt(DemoSeeder::order)).toList();
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.tenancy = tenancy;
		this.accountsFile = dataDir.toAbsolutePath().normalize().resolve("demo-accounts.json");
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<DemoAccount> accounts = new ArrayList<>(existing());
		// One query on a warm start instead of a transaction per seeder; a seeder not yet
		// recorded still claims its row first, so two nodes starting at once seed it once.
		Set<String> seeded = tenancy.call(portal.platform.Actor.job("demo-seed"), portal.platform.TenantScope.system(),
				() -> jdbc.sql("SELECT name FROM platform.demo_seeds").query(String.class).set());
		for (DemoSeeder seeder : seeders) {
			if (seeded.contains(seeder.name())) {
				continue;
			}
			DemoAccounts added = new DemoAccounts();
			boolean ran = tenancy.call(portal.platform.Actor.job("demo-seed"), portal.platform.TenantScope.system(),
					() -> transactions.execute(status -> seedOnce(seeder, added)));
			if (ran) {
				accounts.addAll(added.list());
				write(accounts);
				log.info("Demo data '{}' seeded", seeder.name());
			}
		}
		write(accounts);
		log.info("Demo mode is on. Demo accounts (also in {}):\n{}", accountsFile, JSON.writeValueAsString(accounts));
	}

	private boolean seedOnce(DemoSeeder seeder, DemoAccounts added) {
		int claimed = jdbc.sql("INSERT INTO platform.demo_seeds (name) VALUES (?) ON CONFLICT DO NOTHING")
			.param(seeder.name())
			.update();
		if (claimed == 0) {
			return false;
		}
		seeder.seed(added);
		return true;
	}

	private List<DemoAccount> existing() throws IOException {
		if (!Files.isRegularFile(accountsFile)) {
			return List.of();
		}
		return JSON.readValue(accountsFile.toFile(), new TypeReference<List<DemoAccount>>() {
		});
	}

	private void write(List<DemoAccount> accounts) throws IOException {
		Files.createDirectories(accountsFile.getParent());
		Path temporary = accountsFile.resolveSibling("demo-accounts.json.tmp");
		Files.writeString(temporary, JSON.writeValueAsString(accounts));
		try {
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the file keeps the platform's default permissions.
		}
		Files.move(temporary, accountsFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}
}
