// The first-start form: each field checked as it is typed, with the same rules as the server
// (SIREN and SIRET keys, the French VAT key of the SIREN), and the problem shown beside the field.
// The server checks everything again and stays the judge; the page works without this file.
(function () {
  'use strict';
  var form = document.getElementById('setup');
  if (!form) return;
  var prefix = form.getAttribute('data-problem-prefix') || '';

  function compact(value) {
    return value.replace(/[\s\u00a0\u202f]/g, '');
  }

  // ISO/IEC 7812, as INSEE keys SIREN and SIRET.
  function luhn(digits) {
    var sum = 0;
    for (var i = 0; i < digits.length; i++) {
      var d = Number(digits.charAt(digits.length - 1 - i));
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    return sum % 10 === 0;
  }

  function validSiren(s) {
    return /^\d{9}$/.test(s) && luhn(s);
  }

  // La Poste's offices share one SIREN and follow a key rule of their own.
  function validSiret(s) {
    if (!/^\d{14}$/.test(s)) return false;
    if (luhn(s)) return true;
    var total = 0;
    for (var i = 0; i < s.length; i++) total += Number(s.charAt(i));
    return s.indexOf('356000000') === 0 && total % 5 === 0;
  }

  // FR + (12 + 3 × (SIREN mod 97)) mod 97 + SIREN. The SIREN fits a double exactly.
  function vatOf(siren) {
    var key = (12 + 3 * (Number(siren) % 97)) % 97;
    return 'FR' + (key < 10 ? '0' : '') + key + siren;
  }

  function field(name) {
    return form.elements.namedItem(name);
  }

  // The legal form's first word, as the server reads it (SARL, "SAS à associé unique"…).
  var company = document.getElementById('su-company');
  function isCompany() {
    var form = field('legalForm');
    if (!company || !form) return false;
    var first = form.value.trim().toUpperCase().split(/[\s,(\u2013-]+/)[0];
    return (company.getAttribute('data-company-forms') || '').split(' ').indexOf(first) >= 0;
  }

  function sirenTyped() {
    var siren = field('siren');
    return siren ? compact(siren.value) : '';
  }

  var checks = {
    required: function (v) {
      return v.trim() !== '';
    },
    email: function (v, input) {
      if (v.trim() === '') return !input.required;
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());
    },
    password: function (v) {
      return v.length >= 12;
    },
    country: function (v) {
      return /^[A-Za-z]{2}$/.test(v.trim());
    },
    // A company's registration and capital: required while the legal form is a company's.
    company: function (v) {
      return !isCompany() || v.trim() !== '';
    },
    siren: function (v) {
      return validSiren(compact(v));
    },
    siret: function (v) {
      var s = compact(v);
      if (s === '') return true;
      var siren = sirenTyped();
      return validSiret(s) && (!validSiren(siren) || s.indexOf(siren) === 0);
    },
    vat: function (v) {
      var vat = v.replace(/[\s.\-\u00a0\u202f]/g, '').toUpperCase();
      var regime = field('vatRegime');
      if (vat === '') return !(regime && regime.value === 'standard');
      var match = /^FR(\d{2})(\d{9})$/.exec(vat);
      if (!match || !validSiren(match[2]) || vatOf(match[2]) !== vat) return false;
      var siren = sirenTyped();
      return !validSiren(siren) || match[2] === siren;
    },
  };

  // The problem's message sits before the input, first of the ids describing it (as the server
  // writes it); it is made, or taken away, as the value changes.
  function show(input, ok) {
    var id = input.id + '-problem';
    var place = document.getElementById(id);
    var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (d) {
      return d && d !== id;
    });
    if (ok) {
      input.removeAttribute('aria-invalid');
      if (place) place.parentNode.removeChild(place);
      if (described.length) input.setAttribute('aria-describedby', described.join(' '));
      else input.removeAttribute('aria-describedby');
      return;
    }
    if (!place) {
      place = document.createElement('p');
      place.className = 'field-problem';
      place.id = id;
      input.parentNode.insertBefore(place, input);
    }
    place.textContent = '';
    var hidden = document.createElement('span');
    hidden.className = 'sr-only';
    hidden.textContent = prefix + ' ';
    place.appendChild(hidden);
    place.appendChild(document.createTextNode(input.getAttribute('data-problem') || ''));
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [id].concat(described).join(' '));
  }

  function check(input) {
    var rule = checks[input.getAttribute('data-check')];
    if (!rule) return true;
    var ok = rule(input.value, input);
    show(input, ok);
    return ok;
  }

  // Under the VAT field, the number the SIREN calls for.
  function suggestVat() {
    var help = document.querySelector('[data-expected]');
    var vat = field('vatNumber');
    if (!help || !vat) return;
    if (!help.hasAttribute('data-plain')) help.setAttribute('data-plain', help.textContent);
    var siren = sirenTyped();
    var expected = validSiren(siren) ? vatOf(siren) : '';
    help.textContent = expected
      ? help.getAttribute('data-expected').replace('{vat}', expected)
      : help.getAttribute('data-plain');
    vat.placeholder = expected;
  }

  // Full lengths are checked while typing; anything else when the field is left, and again
  // as it is corrected.
  var complete = { siren: 9, siret: 14, vat: 13 };
  var inputs = form.querySelectorAll('[data-check]');
  Array.prototype.forEach.call(inputs, function (input) {
    var rule = input.getAttribute('data-check');
    input.addEventListener('blur', function () {
      if (input.value !== '' || input.getAttribute('aria-invalid') === 'true') check(input);
    });
    input.addEventListener('input', function () {
      var length = compact(input.value).length;
      if (input.getAttribute('aria-invalid') === 'true' || length >= (complete[rule] || Infinity)) {
        check(input);
      }
      if (rule === 'siren') {
        suggestVat();
        ['siret', 'vatNumber'].forEach(function (name) {
          var other = field(name);
          if (other && other.value !== '') check(other);
        });
      }
    });
  });
  var regime = field('vatRegime');
  if (regime) {
    regime.addEventListener('change', function () {
      var vat = field('vatNumber');
      if (vat && (vat.value !== '' || vat.getAttribute('aria-invalid') === 'true')) check(vat);
    });
  }
  suggestVat();

  // The company's fields, shown and required for a company only; hidden ones are not sent.
  function showCompany() {
    if (!company) return;
    var on = isCompany();
    company.hidden = !on;
    company.disabled = !on;
    Array.prototype.forEach.call(company.querySelectorAll('[data-check]'), function (input) {
      input.required = on;
      if (!on) show(input, true);
    });
  }
  var legalForm = field('legalForm');
  if (legalForm) legalForm.addEventListener('change', showCompany);
  showCompany();

  // On sending: every field checked, the first one wrong taken to; the server judges the rest.
  form.addEventListener('submit', function (event) {
    var first = null;
    Array.prototype.forEach.call(inputs, function (input) {
      if (!check(input) && !first) first = input;
    });
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
})();
