/*
 * Pages opened by a mailed link that carries a code after "#" (which browsers never send to the
 * server, so it stays out of request lines, logs and Referer headers). On a page with a form
 * marked data-fragment-field, this script moves the code into that field, takes it out of the
 * address bar, and posts the form. Without scripts, people paste the code the mail shows.
 */
(function () {
	'use strict';

	function start() {
		var form = document.querySelector('form[data-fragment-field]');
		var hash = window.location.hash;
		if (!form || !hash || hash.length < 2) {
			return;
		}
		var code = hash.substring(1);
		try {
			code = decodeURIComponent(code);
		} catch (malformed) {
			// Left as it came; the server answers that the code is unknown.
		}
		window.history.replaceState(null, '', window.location.pathname + window.location.search);
		form.elements[form.getAttribute('data-fragment-field')].value = code;
		if (form.requestSubmit) {
			form.requestSubmit();
		} else {
			form.submit();
		}
	}

	if (document.readyState === 'complete') {
		start();
	} else {
		window.addEventListener('load', start);
	}
})();
