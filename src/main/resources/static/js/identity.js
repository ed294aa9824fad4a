/*
 * Copy buttons of the identity pages (recovery codes, a new API token's secret). Listens on
 * the document, so buttons that htmx swaps in later work too. A strict CSP allows no inline
 * handlers, hence the data attributes.
 */
(function () {
	'use strict';

	function textOf(target) {
		return target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' ? target.value : target.innerText;
	}

	function announce(button, copied) {
		var status = document.getElementById(button.getAttribute('data-copy-status'));
		if (status) {
			status.textContent = button.getAttribute(copied ? 'data-copied' : 'data-copy-failed') || '';
		}
	}

	function copy(button) {
		var target = document.getElementById(button.getAttribute('data-copy-target'));
		if (!target) {
			return;
		}
		if (navigator.clipboard && window.isSecureContext) {
			navigator.clipboard.writeText(textOf(target)).then(function () {
				announce(button, true);
			}, function () {
				announce(button, false);
			});
			return;
		}
		// Plain http (a local demo): the older command still copies a selected field.
		if (target.select) {
			target.select();
		}
		try {
			announce(button, document.execCommand('copy'));
		} catch (refused) {
			announce(button, false);
		}
	}

	document.addEventListener('click', function (event) {
		var button = event.target.closest ? event.target.closest('[data-copy-target]') : null;
		if (button) {
			copy(button);
		}
	});

	document.addEventListener('focusin', function (event) {
		if (event.target.matches && event.target.matches('input[data-select-on-focus]')) {
			event.target.select();
		}
	});
}());
