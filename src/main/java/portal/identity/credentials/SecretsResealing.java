package portal.identity.credentials;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.accounts.Accounts;
import portal.identity.activation.ActivationLinks;
import portal.platform.Actor;
import portal.platform.SealedSecrets;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Seals every stored TOTP secret (accounts and pending activations) under the current
 * secrets key: at start, for secrets stored in clear before sealing existed, and on a staff
 * administrator's request after a key rotation, so that the previous key can be retired.
 * Each row is rewritten only if it still holds the value read, so nodes doing this at once
 * do not overwrite a newer secret.
 */
@Service
public class SecretsResealing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SecretsResealing.class);

	private final JdbcClient jdbc;

	private final SealedSecrets sealed;

	private final AuditTrail audit;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	SecretsResealing(JdbcClient jdbc, SealedSecrets sealed, AuditTrail audit, Tenancy tenancy,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.sealed = sealed;
		this.audit = audit;
		this.tenancy = tenancy;
		this.transactions = transactions;
	}

	/** Reseals what is not under the current key; returns how many secrets were rewritten. */
	@Transactional
	public int resealAll() {
		int count = resealAccounts() + resealPendingActivations();
		audit.record(AuditRecord.of("secrets.resealed", "secrets", "totp").with("count", count));
		return count;
	}

	@Override
	public void run(ApplicationArguments args) {
		int count = tenancy.call(Actor.job("secrets-resealing"), TenantScope.system(),
				() -> transactions.execute(status -> resealAccounts() + resealPendingActivations()));
		if (count > 0) {
			log.info("Sealed {} TOTP secrets under the current secrets key", count);
		}
	}

	private int resealAccounts() {
		record Row(UUID id, String stored) {
		}
		List<Row> rows = jdbc.sql("SELECT id, totp_secret FROM identity.accounts WHERE totp_secret IS NOT NULL")
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		int count = 0;
		for (Row row : rows) {
			if (sealed.isCurrent(row.stored())) {
				continue;
			}
			String context = Accounts.totpContext(row.id());
			String secret = sealed.open(row.stored(), context).secret();
			count += jdbc.sql("UPDATE identity.accounts SET totp_secret = ? WHERE id = ? AND totp_secret = ?")
				.params(sealed.seal(secret, context), row.id(), row.stored())
				.update();
		}
		return count;
	}

	private int resealPendingActivations() {
		record Row(byte[] tokenHash, String stored) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT token_hash, pending_totp_secret FROM identity.activation_links
				WHERE pending_totp_secret IS NOT NULL""")
			.query((rs, n) -> new Row(rs.getBytes(1), rs.getString(2)))
			.list();
		int count = 0;
		for (Row row : rows) {
			if (sealed.isCurrent(row.stored())) {
				continue;
			}
			String context = ActivationLinks.pendingContext(row.tokenHash());
			String secret = sealed.open(row.stored(), context).secret();
			count += jdbc.sql("""
					UPDATE identity.activation_links SET pending_totp_secret = ?
					WHERE token_hash = ? AND pending_totp_secret = ?""")
				.params(sealed.seal(secret, context), row.tokenHash(), row.stored())
				.update();
		}
		return count;
	}
}
