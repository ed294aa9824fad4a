package portal.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.platform.SealedSecrets;

/**
 * Retention of the trail itself (R-13.1, docs/adr/0004): the links of each chain older than a
 * cutoff are purged behind a signed checkpoint naming the last purged link, so that verifying
 * what remains starts from the checkpoint and still detects a changed, removed or re-ordered
 * link, and a forged checkpoint.
 */
@Service
public class AuditCheckpoints {

	static final String PURPOSE = "audit-checkpoint";

	private final JdbcClient jdbc;

	private final SealedSecrets secrets;

	private final Clock clock;

	AuditCheckpoints(JdbcClient jdbc, SealedSecrets secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/** What a purge removed: links in all, over how many chains, and the time range they covered. */
	public record Purged(long links, int chains, Instant oldest, Instant newest) {

		public static final Purged NOTHING = new Purged(0, 0, null, null);
	}

	/**
	 * Purges, in every chain, the links recorded before the cutoff up to the first one that is
	 * not (a chain is cut only at its front, never in its middle), and leaves a signed
	 * checkpoint per chain cut. Runs in the caller's transaction.
	 */
	@Transactional
	public Purged purgeBefore(Instant cutoff) {
		return purge(cutoff, null);
	}

	// The purge, limited to some chains when they are given (tests share one trail).
	@Transactional
	Purged purge(Instant cutoff, Collection<String> onlyChains) {
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant until = cutoff.truncatedTo(ChronoUnit.MICROS);
		record Cut(String chain, long seq, long links, Instant oldest, Instant newest) {
		}
		String chains = onlyChains == null ? "" : " AND e.chain = ANY (:chains)";
		var query = jdbc.sql("""
				WITH first_kept AS (
					SELECT chain, min(seq) AS seq FROM audit.entries WHERE occurred_at >= :cutoff GROUP BY chain
				)
				SELECT e.chain, max(e.seq) AS seq, count(*) AS links, min(e.occurred_at) AS oldest,
					max(e.occurred_at) AS newest
				FROM audit.entries e LEFT JOIN first_kept k ON k.chain = e.chain
				WHERE e.occurred_at < :cutoff AND (k.seq IS NULL OR e.seq < k.seq)%s
				GROUP BY e.chain ORDER BY e.chain""".formatted(chains))
			.param("cutoff", Timestamp.from(until));
		if (onlyChains != null) {
			query = query.param("chains", onlyChains.toArray(String[]::new));
		}
		List<Cut> cuts = query.query((rs, row) -> new Cut(rs.getString("chain"), rs.getLong("seq"), rs.getLong("links"),
				rs.getTimestamp("oldest").toInstant(), rs.getTimestamp("newest").toInstant()))
			.list();
		long links = 0;
		Instant oldest = null;
		Instant newest = null;
		for (Cut cut : cuts) {
			byte[] hash = jdbc.sql("SELECT hash FROM audit.entries WHERE chain = ? AND seq = ?")
				.params(cut.chain(), cut.seq())
				.query((rs, row) -> rs.getBytes(1))
				.single();
			Checkpoint checkpoint = new Checkpoint(cut.chain(), cut.seq(), hash, cut.links(), until, at);
			SealedSecrets.Signature signature = secrets.sign(PURPOSE, checkpoint.signedBytes());
			jdbc.sql("""
					INSERT INTO audit.checkpoints (chain, seq, hash, purged, cutoff, made_at, key_id, signature)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(cut.chain(), cut.seq(), hash, cut.links(), Timestamp.from(until), Timestamp.from(at),
						signature.keyId(), signature.mac())
				.update();
			long removed = jdbc.sql("SELECT audit.cut_chain(?, ?)").params(cut.chain(), cut.seq())
				.query(Long.class)
				.single();
			if (removed != cut.links()) {
				throw new IllegalStateException("Chain " + cut.chain() + " changed while it was cut");
			}
			links += removed;
			oldest = oldest == null || cut.oldest().isBefore(oldest) ? cut.oldest() : oldest;
			newest = newest == null || cut.newest().isAfter(newest) ? cut.newest() : newest;
		}
		return links == 0 ? Purged.NOTHING : new Purged(links, cuts.size(), oldest, newest);
	}

	// Where verification of each chain starts: after the newest checkpoint of the chain, if its
	// signature holds; a checkpoint that does not hold starts its chain broken.
	Map<String, ChainLinks.Start> starts() {
		Map<String, ChainLinks.Start> starts = new HashMap<>();
		jdbc.sql("""
				SELECT DISTINCT ON (chain) chain, seq, hash, purged, cutoff, made_at, key_id, signature
				FROM audit.checkpoints ORDER BY chain, seq DESC""")
			.query(rs -> {
				Checkpoint checkpoint = new Checkpoint(rs.getString("chain"), rs.getLong("seq"), rs.getBytes("hash"),
						rs.getLong("purged"), rs.getTimestamp("cutoff").toInstant(),
						rs.getTimestamp("made_at").toInstant());
				boolean holds = secrets.verify(PURPOSE, checkpoint.signedBytes(),
						new SealedSecrets.Signature(rs.getString("key_id"), rs.getBytes("signature")));
				starts.put(checkpoint.chain(), new ChainLinks.Start(checkpoint.seq(), checkpoint.hash(), holds));
			});
		return starts;
	}

	/**
	 * Signs again, under the current secrets key, every checkpoint whose signature holds under
	 * the previous key, so that the previous key can be retired; answers how many. A checkpoint
	 * whose signature does not hold is left as it is, for verification to report.
	 */
	@Transactional
	public int resign() {
		record Row(long id, Checkpoint checkpoint, SealedSecrets.Signature signature) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, chain, seq, hash, purged, cutoff, made_at, key_id, signature FROM audit.checkpoints""")
			.query((rs, n) -> new Row(rs.getLong("id"),
					new Checkpoint(rs.getString("chain"), rs.getLong("seq"), rs.getBytes("hash"), rs.getLong("purged"),
							rs.getTimestamp("cutoff").toInstant(), rs.getTimestamp("made_at").toInstant()),
					new SealedSecrets.Signature(rs.getString("key_id"), rs.getBytes("signature"))))
			.list();
		int count = 0;
		for (Row row : rows) {
			byte[] signed = row.checkpoint().signedBytes();
			if (secrets.isCurrentKey(row.signature().keyId()) || !secrets.verify(PURPOSE, signed, row.signature())) {
				continue;
			}
			SealedSecrets.Signature signature = secrets.sign(PURPOSE, signed);
			count += jdbc.sql("UPDATE audit.checkpoints SET key_id = ?, signature = ? WHERE id = ? AND key_id = ?")
				.params(signature.keyId(), signature.mac(), row.id(), row.signature().keyId())
				.update();
		}
		return count;
	}

	/** Every checkpoint of a chain, oldest first. */
	@Transactional(readOnly = true)
	public List<CheckpointView> of(String chain) {
		return new ArrayList<>(jdbc.sql("""
				SELECT chain, seq, purged, cutoff, made_at FROM audit.checkpoints WHERE chain = ? ORDER BY seq""")
			.param(chain)
			.query((rs, row) -> new CheckpointView(rs.getString("chain"), rs.getLong("seq"), rs.getLong("purged"),
					rs.getTimestamp("cutoff").toInstant(), rs.getTimestamp("made_at").toInstant()))
			.list());
	}

	/** A checkpoint as people read it: the chain, its last purged link, how many links it purged, and when. */
	public record CheckpointView(String chain, long seq, long purged, Instant cutoff, Instant madeAt) {
	}

	// What the signature covers, in one rendering for signer and verifier.
	private record Checkpoint(String chain, long seq, byte[] hash, long purged, Instant cutoff, Instant madeAt) {

		byte[] signedBytes() {
			return String.join("\u001f", PURPOSE, chain, Long.toString(seq), HexFormat.of().formatHex(hash),
					Long.toString(purged), cutoff.toString(), madeAt.toString())
				.getBytes(StandardCharsets.UTF_8);
		}
	}
}
