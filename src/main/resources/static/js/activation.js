/*
 * The activation page. A mailed link carries its single-use token after "#"; fragment-code.js
 * moves it into the page's form and posts it. After htmx swaps in the answer, the focus goes
 * to the first field to fix, else the new heading.
 */
(function () {
	'use strict';

	document.addEventListener('htmx:afterSwap', function () {
		var root = document.getElementById('activation');
		var target = root && (root.querySelector('[aria-invalid="true"]') || root.querySelector('h1'));
		if (target) {
			target.focus();
		}
	});
})();
