package portal.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import portal.audit.ChainVerification.BrokenLink;

/**
 * Walks the links of each chain in order and keeps the first break of each: a link whose
 * content no longer matches its hash (altered), whose previous hash is not its
 * predecessor's (removed or re-ordered), a gap in the sequence, or a chain that ends
 * before its recorded head (cut short).
 */
class ChainLinks {

	static final byte[] GENESIS = new byte[32];

	record Head(long seq, byte[] hash) {
	}

	// Where a chain cut by retention starts: the last purged link of its newest checkpoint, and
	// whether the checkpoint's signature holds.
	record Start(long seq, byte[] hash, boolean signed) {
	}

	private final Map<String, Head> heads;

	private final Map<String, Start> starts;

	private final Map<String, BrokenLink> broken = new HashMap<>();

	private final Set<String> seen = new HashSet<>();

	private String chain;

	private long lastSeq;

	private byte[] lastHash;

	private long checked;

	ChainLinks(Map<String, Head> heads) {
		this(heads, Map.of());
	}

	ChainLinks(Map<String, Head> heads, Map<String, Start> starts) {
		this.heads = heads;
		this.starts = starts;
	}

	void check(String chain, long seq, byte[] prevHash, byte[] hash, byte[] recomputed) {
		if (!chain.equals(this.chain)) {
			finishChain();
			this.chain = chain;
			Start start = starts.get(chain);
			this.lastSeq = start == null ? 0 : start.seq();
			this.lastHash = start == null ? GENESIS : start.hash();
			seen.add(chain);
			if (start != null && !start.signed()) {
				breaks(start.seq(), "its checkpoint's signature does not hold");
			}
		}
		checked++;
		if (!broken.containsKey(chain)) {
			if (seq != lastSeq + 1) {
				breaks(seq, "link " + (lastSeq + 1) + " is missing");
			}
			else if (!Arrays.equals(prevHash, lastHash)) {
				breaks(seq, "does not follow the link before it");
			}
			else if (!Arrays.equals(hash, recomputed)) {
				breaks(seq, "content does not match its hash");
			}
		}
		lastSeq = seq;
		lastHash = hash;
	}

	ChainVerification result() {
		finishChain();
		heads.forEach((chainKey, head) -> {
			if (!seen.contains(chainKey) && head.seq() > 0) {
				Start start = starts.get(chainKey);
				if (start == null) {
					broken.put(chainKey, new BrokenLink(chainKey, 1, "all links are missing"));
				}
				else if (!start.signed()) {
					broken.put(chainKey, new BrokenLink(chainKey, start.seq(), "its checkpoint's signature does not hold"));
				}
				else if (start.seq() != head.seq() || !Arrays.equals(start.hash(), head.hash())) {
					broken.put(chainKey, new BrokenLink(chainKey, start.seq() + 1, "all links after its checkpoint are missing"));
				}
			}
		});
		List<BrokenLink> links = new ArrayList<>(broken.values());
		links.sort((a, b) -> a.chain().compareTo(b.chain()));
		Set<String> chains = new HashSet<>(seen);
		chains.addAll(heads.keySet());
		return new ChainVerification(links.isEmpty(), checked, chains.size(), List.copyOf(links));
	}

	private void finishChain() {
		if (chain == null || broken.containsKey(chain)) {
			return;
		}
		Head head = heads.get(chain);
		if (head == null) {
			breaks(1, "chain has no recorded head");
		}
		else if (head.seq() != lastSeq || !Arrays.equals(head.hash(), lastHash)) {
			breaks(lastSeq + 1, "chain ends before its recorded head (link " + head.seq() + ")");
		}
	}

	private void breaks(long seq, String reason) {
		broken.put(chain, new BrokenLink(chain, seq, reason));
	}
}
