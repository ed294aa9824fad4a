package portal.audit;

import java.util.List;

/**
 * The result of re-computing every chain of the trail: intact, or the first broken link of
 * each broken chain (its sequence number and why it does not hold).
 */
public record ChainVerification(boolean intact, long entriesChecked, int chainsChecked, List<BrokenLink> broken) {

	/** The first link of a chain that does not hold, and why. */
	public record BrokenLink(String chain, long seq, String reason) {
	}
}
