/*
 * The activation page. A mailed link carries its single-use token after "#", which browsers
 * never send to the server (so it stays out of request lines, logs and Referer headers).
 * This script moves the token into the page's form, takes it out of the address bar, and
 * posts it, so that the page can show what the link offers. Without scripts, people paste
 * the code the email shows into the same form.
 */
(function () {
	'use strict';

	function start() {
		var form = document.getElementById('activation-entry');
		var hash = window.location.hash;
		if (!form || !hash || hash.length < 2) {
			return;
		}
		var token = hash.substring(1);
		try {
			token = decodeURIComponent(token);
		} catch (malformed) {
			// Left as it came; the server answers that the code is unknown.
		}
		window.history.replaceState(null, '', window.location.pathname + window.location.search);
		form.elements.token.value = token;
		if (form.requestSubmit) {
			form.requestSubmit();
		} else {
			form.submit();
		}
	}

	// After the swap, the focus goes to the first field to fix, else the new heading.
	document.addEventListener('htmx:afterSwap', function () {
		var root = document.getElementById('activation');
		var target = root && (root.querySelector('[aria-invalid="true"]') || root.querySelector('h1'));
		if (target) {
			target.focus();
		}
	});

	// htmx binds its forms when the document is ready; posting after that keeps the address /activate.
	if (document.readyState === 'complete') {
		start();
	} else {
		window.addEventListener('load', start);
	}
})();
