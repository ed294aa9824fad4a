package portal.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import portal.audit.AuditEntry;
import portal.audit.AuditPage;

/**
 * A page of changes with what its pagination shows: the current page (from 0), the last
 * page, and the page numbers offered as links — the first, the last and those around the
 * current one; a {@code -1} stands for a gap.
 */
// Public methods because templates call them; the expression language sees only public methods.
record ChangesPage(List<AuditEntry> entries, int current, int last, List<Integer> links) {

	private static final int AROUND = 2;

	static ChangesPage of(AuditPage page) {
		int last = page.total() == 0 ? 0 : (int) ((page.total() - 1) / page.size());
		int current = page.page();
		TreeSet<Integer> shown = new TreeSet<>(List.of(0, last));
		for (int number = Math.max(0, current - AROUND); number <= Math.min(last, current + AROUND); number++) {
			shown.add(number);
		}
		List<Integer> links = new ArrayList<>();
		for (int number : shown) {
			if (!links.isEmpty() && number > links.get(links.size() - 1) + 1) {
				links.add(-1);
			}
			links.add(number);
		}
		return new ChangesPage(page.entries(), current, last, List.copyOf(links));
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}

	public boolean hasPrevious() {
		return current > 0 && current <= last;
	}

	public boolean hasNext() {
		return current < last;
	}
}
