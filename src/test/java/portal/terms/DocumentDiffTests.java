package portal.terms;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import portal.terms.DocumentDiff.Block;
import portal.terms.DocumentDiff.Change;
import portal.terms.DocumentDiff.Part;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentDiffTests {

	@Test
	@DisplayName("R-2.1 a changed paragraph shows the words removed and added, the rest unchanged")
	void marksWordsWithinChangedParagraph() {
		List<Block> blocks = DocumentDiff.blocks("First part.\n\nNotice comes 14 days ahead.\n\nLast part.",
				"First part.\n\nNotice comes 30 days ahead.\n\nLast part.");
		assertThat(blocks).extracting(Block::change).containsExactly(Change.SAME, Change.CHANGED, Change.SAME);
		assertThat(blocks.get(1).parts()).containsExactly(new Part("Notice comes ", Change.SAME),
				new Part("14 ", Change.REMOVED), new Part("30 ", Change.ADDED), new Part("days ahead.", Change.SAME));
	}

	@Test
	@DisplayName("R-2.1 whole paragraphs added or removed are marked as such")
	void marksWholeParagraphs() {
		List<Block> blocks = DocumentDiff.blocks("Kept.\n\nDropped.", "Kept.\n\nNew one.\n\nAnother.");
		assertThat(blocks).extracting(Block::change).contains(Change.SAME);
		assertThat(blocks.stream().flatMap(b -> b.parts().stream()).filter(p -> p.change() == Change.REMOVED)
			.map(Part::text)).anyMatch(text -> text.contains("Dropped"));
		assertThat(blocks.stream().flatMap(b -> b.parts().stream()).filter(p -> p.change() == Change.ADDED)
			.map(Part::text)).anyMatch(text -> text.contains("Another"));
	}

	@Test
	@DisplayName("R-2.1 joining a changed paragraph's unchanged and added words gives the new text back")
	void newTextIsRecoverable() {
		String newer = "The Company may pause  the portal\nwith notice.";
		List<Block> blocks = DocumentDiff.blocks("The Company will pause the portal.", newer);
		String rebuilt = blocks.stream().flatMap(b -> b.parts().stream())
			.filter(p -> p.change() != Change.REMOVED).map(Part::text).reduce("", String::concat);
		assertThat(rebuilt).isEqualTo(newer);
	}
}
