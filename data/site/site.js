/* The hub list's search and filters, from file:// as from a web server:
 * no request, the index is the script data/hubs-LANG.js loaded before
 * this one. Words are matched as the application matches them: each word
 * of the query starts a word of the hub, accents and case aside. */
(function () {
  'use strict';
  var hubs = window.L4A_HUBS || [];
  var list = document.getElementById('hubs');
  var input = document.getElementById('q');
  if (!list || !input) { return; }
  var count = document.getElementById('count');
  var none = document.getElementById('none');
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var items = {};
  Array.prototype.forEach.call(list.children, function (li) { items[li.getAttribute('data-id')] = li; });

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function words(text) {
    return fold(text).split(/[^0-9a-z\u00c0-\uffff]+/).filter(function (w) { return w.length > 0; });
  }
  function matchesText(hub, query) {
    return query.every(function (q) {
      return hub.tokens.some(function (t) { return t.lastIndexOf(q, 0) === 0; });
    });
  }
  function matchesFilter(hub, name, value) {
    if (value === '') { return true; }
    switch (name) {
      case 'region': return hub.region === value;
      case 'country': return hub.country === value;
      case 'sdg': return hub.sdgs.indexOf(Number(value)) >= 0;
      case 'axis': return hub.axis === value;
      case 'status': return hub.status === value;
      case 'council': return hub.councils.indexOf(value) >= 0;
      case 'year':
        var year = Number(value);
        return hub.from <= year && year <= hub.to;
      default: return true;
    }
  }
  function update() {
    var query = words(input.value);
    var shown = 0;
    hubs.forEach(function (hub) {
      var ok = matchesText(hub, query) && selects.every(function (s) {
        return matchesFilter(hub, s.getAttribute('data-filter'), s.value);
      });
      var li = items[hub.id];
      if (li) { li.hidden = !ok; }
      if (ok) { shown++; }
    });
    count.textContent = (shown === 1 ? count.getAttribute('data-one') : count.getAttribute('data-many'))
      .replace('%d', String(shown));
    none.hidden = shown > 0;
  }
  /* filters given in the address, such as a map marker's ?country=BR */
  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (s) {
    var value = params.get(s.getAttribute('data-filter'));
    if (value !== null) { s.value = value; }
  });
  if (params.get('q') !== null) { input.value = params.get('q'); }
  input.addEventListener('input', update);
  selects.forEach(function (s) { s.addEventListener('change', update); });
  document.querySelector('form.finder').addEventListener('submit', function (e) { e.preventDefault(); });
  update();
})();
