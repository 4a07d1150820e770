// Gardefou pages: small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  // A running timer shows its elapsed time, counted from its start by the server's clock (the
  // page's data-now) rather than the device's, written as the server writes hours ("1 h 05").
  var loaded = Date.now();
  document.querySelectorAll('[data-since]').forEach(function (el) {
    var since = Date.parse(el.getAttribute('data-since'));
    var serverNow = Date.parse(el.getAttribute('data-now') || '');
    var skew = isNaN(serverNow) ? 0 : serverNow - loaded;
    function tick() {
      var m = Math.max(0, Math.floor((Date.now() + skew - since) / 60000));
      var rest = m % 60;
      el.textContent = Math.floor(m / 60) + ' h' + (rest ? ' ' + String(rest).padStart(2, '0') : '');
    }
    tick();
    setInterval(tick, 30000);
  });
  // The consultant's menu folds behind its button on a phone.
  var toggle = document.querySelector('.menu-toggle');
  if (toggle) {
    var header = toggle.closest('.top');
    toggle.hidden = false;
    header.classList.add('folded');
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(!open));
      header.classList.toggle('folded', open);
    });
  }
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
