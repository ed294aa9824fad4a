package portal.terms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

/**
 * What changed between two versions, paragraph by paragraph; within a changed paragraph,
 * word by word. Compares the Markdown source, which is what the publisher wrote.
 *
 * @param blocks the paragraphs of the newer version with the older one's removed ones in place
 */
public record DocumentDiff(DocumentVersion from, DocumentVersion to, List<Block> blocks) {

	/** How a paragraph or a run of words differs: {@code same}, {@code added}, {@code removed} or {@code changed}. */
	public enum Change {
		SAME, ADDED, REMOVED, CHANGED;

		public String css() {
			return name().toLowerCase();
		}
	}

	/** A run of words with how it changed. */
	public record Part(String text, Change change) {
	}

	/** A paragraph, whole or as parts. */
	public record Block(Change change, List<Part> parts) {
	}

	public boolean identical() {
		return blocks.stream().allMatch(block -> block.change() == Change.SAME);
	}

	static DocumentDiff between(DocumentVersion from, DocumentVersion to) {
		return new DocumentDiff(from, to, blocks(from.bodyEn(), to.bodyEn()));
	}

	static List<Block> blocks(String older, String newer) {
		List<String> before = paragraphs(older);
		List<String> after = paragraphs(newer);
		List<Block> blocks = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
			for (; position < delta.getSource().getPosition(); position++) {
				blocks.add(whole(before.get(position), Change.SAME));
			}
			List<String> removed = delta.getSource().getLines();
			List<String> added = delta.getTarget().getLines();
			if (delta.getType() == DeltaType.CHANGE) {
				int paired = Math.min(removed.size(), added.size());
				for (int i = 0; i < paired; i++) {
					blocks.add(new Block(Change.CHANGED, words(removed.get(i), added.get(i))));
				}
				removed.subList(paired, removed.size()).forEach(text -> blocks.add(whole(text, Change.REMOVED)));
				added.subList(paired, added.size()).forEach(text -> blocks.add(whole(text, Change.ADDED)));
			}
			else {
				removed.forEach(text -> blocks.add(whole(text, Change.REMOVED)));
				added.forEach(text -> blocks.add(whole(text, Change.ADDED)));
			}
			position += removed.size();
		}
		for (; position < before.size(); position++) {
			blocks.add(whole(before.get(position), Change.SAME));
		}
		return blocks;
	}

	private static List<Part> words(String older, String newer) {
		List<String> before = tokens(older);
		List<String> after = tokens(newer);
		List<Part> parts = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
			if (position < delta.getSource().getPosition()) {
				parts.add(new Part(String.join("", before.subList(position, delta.getSource().getPosition())),
						Change.SAME));
			}
			if (!delta.getSource().getLines().isEmpty()) {
				parts.add(new Part(String.join("", delta.getSource().getLines()), Change.REMOVED));
			}
			if (!delta.getTarget().getLines().isEmpty()) {
				parts.add(new Part(String.join("", delta.getTarget().getLines()), Change.ADDED));
			}
			position = delta.getSource().getPosition() + delta.getSource().size();
		}
		if (position < before.size()) {
			parts.add(new Part(String.join("", before.subList(position, before.size())), Change.SAME));
		}
		return parts;
	}

	private static Block whole(String text, Change change) {
		return new Block(change, List.of(new Part(text, change)));
	}

	/** Paragraphs: runs of text between blank lines. */
	static List<String> paragraphs(String text) {
		return Arrays.stream(text.replace("\r\n", "\n").split("\\n\\s*\\n"))
			.map(String::strip)
			.filter(paragraph -> !paragraph.isEmpty())
			.toList();
	}

	/** Words with the spaces after them, so that joining the tokens gives back the text. */
	static List<String> tokens(String text) {
		return Arrays.asList(text.split("(?<=\\s)(?=\\S)"));
	}
}
