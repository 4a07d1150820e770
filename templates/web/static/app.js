// Gardefou pages: small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  // A running timer shows its elapsed time.
  document.querySelectorAll('[data-since]').forEach(function (el) {
    var since = Date.parse(el.getAttribute('data-since'));
    function tick() {
      var m = Math.max(0, Math.floor((Date.now() - since) / 60000));
      el.textContent = Math.floor(m / 60) + ' h ' + String(m % 60).padStart(2, '0');
    }
    tick();
    setInterval(tick, 30000);
  });
  // A refused form: its summary of problems takes the focus, so it is read first; each of its
  // links takes the focus to its input (a fragment alone only scrolls to it).
  var problems = document.querySelector('[data-problems]');
  if (problems) problems.focus();
  document.querySelectorAll('[data-problems] a[href^="#"]').forEach(function (link) {
    link.addEventListener('click', function (e) {
      var input = document.getElementById(link.getAttribute('href').slice(1));
      if (!input) return;
      e.preventDefault();
      input.focus();
      input.scrollIntoView({ block: 'center' });
    });
  });
  // Markdown preview in the knowledge-base editor is rendered by the server; the button submits the form to it.
  document.querySelectorAll('[data-confirm]').forEach(function (el) {
    el.addEventListener('submit', function (e) {
      if (!window.confirm(el.getAttribute('data-confirm'))) e.preventDefault();
    });
  });
})();
