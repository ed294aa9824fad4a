/*
 * Wide tables on narrow screens (WCAG 2.1.1, 1.4.10): every `.table-responsive` wrapper is a
 * labelled region that takes the keyboard focus, so its hidden columns can be scrolled into
 * view without a mouse. Pages may write role, tabindex and aria-label themselves; this fills
 * in what they left out, naming the region after the table's caption or the nearest heading.
 * ES5, like portal.js.
 */
(function () {
	'use strict';

	function labelFor(region) {
		var caption = region.querySelector('caption');
		if (caption && caption.textContent.trim()) {
			return caption.textContent.trim();
		}
		var node = region;
		while (node) {
			var sibling = node.previousElementSibling;
			while (sibling) {
				if (/^H[1-6]$/.test(sibling.tagName)) {
					return sibling.textContent.trim();
				}
				sibling = sibling.previousElementSibling;
			}
			node = node.parentElement;
		}
		return document.title;
	}

	function enhance(root) {
		var regions = (root || document).querySelectorAll('.table-responsive');
		for (var i = 0; i < regions.length; i++) {
			var region = regions[i];
			if (!region.hasAttribute('role')) {
				region.setAttribute('role', 'region');
			}
			if (!region.hasAttribute('tabindex')) {
				region.setAttribute('tabindex', '0');
			}
			if (!region.hasAttribute('aria-label') && !region.hasAttribute('aria-labelledby')) {
				region.setAttribute('aria-label', labelFor(region));
			}
		}
	}

	document.addEventListener('DOMContentLoaded', function () {
		enhance(document);
	});
	document.addEventListener('htmx:afterSwap', function (event) {
		enhance(event.target);
	});
}());
