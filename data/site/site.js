/* The hub list's search and filters, from file:// as from a web server:
 * the index is the script data/hubs-LANG.js (browsers fetch nothing from
 * file://), loaded before this one for a registry of a few hundred hubs,
 * or else by this one when the search or a filter is first used (tens of
 * megabytes at 100 000 hubs: a reader who only turns the pages never
 * loads it). Words are matched as the application matches them: each word
 * of the query starts a word of the hub, accents and case aside.
 *
 * The list is published a page of hubs at a time; with no words and no
 * filter the page shows its own hubs and the links to the others. A
 * search or a filter runs over the index of every hub and lists what
 * matches, PAGE at a time, in place of the page's hubs. */
(function () {
  'use strict';
  var PAGE = 100;
  var hubs = null;
  var labels = { goals: {}, statuses: {} };
  var list = document.getElementById('hubs');
  var input = document.getElementById('q');
  if (!list || !input) { return; }
  var count = document.getElementById('count');
  var none = document.getElementById('none');
  var moreRow = document.getElementById('more-row');
  var more = document.getElementById('more');
  var pages = document.getElementById('pages');
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var own = Array.prototype.slice.call(list.children);
  var matches = [];
  var shown = 0;

  var loading = false;
  var waiting = null;
  function indexLoaded() {
    if (window.L4A_HUBS) {
      hubs = window.L4A_HUBS;
      labels = window.L4A_LABELS || labels;
    }
    return hubs !== null;
  }
  /* runs @then with the index, loading it first if need be */
  function withIndex(then) {
    if (indexLoaded()) { then(); return; }
    waiting = then;
    if (loading) { return; }
    loading = true;
    var script = document.createElement('script');
    script.src = list.getAttribute('data-index');
    script.onload = function () {
      if (!indexLoaded()) { hubs = []; }
      if (waiting) { waiting(); }
    };
    script.onerror = function () {
      loading = false;
      count.textContent = count.getAttribute('data-error');
    };
    document.body.appendChild(script);
  }
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
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  /* a card as the page's own (data/site/hub-item.html), from the index:
   * every text goes in as text */
  function card(hub) {
    var li = element('li', 'hub-card');
    li.setAttribute('data-id', hub.id);
    var heading = element('h2');
    var link = element('a', '', hub.name);
    link.href = 'hubs/' + encodeURIComponent(hub.id) + '.html';
    heading.appendChild(link);
    li.appendChild(heading);
    li.appendChild(element('p', 'place', hub.place));
    var meta = element('p', 'meta');
    meta.appendChild(element('span', 'status status-' + hub.status, labels.statuses[hub.status] || hub.status));
    meta.appendChild(document.createTextNode(' · ' + hub.period));
    li.appendChild(meta);
    var goals = element('ul', 'sdgs');
    goals.setAttribute('aria-label', list.getAttribute('data-sdgs-label'));
    hub.sdgs.forEach(function (goal) {
      var name = labels.goals[String(goal)] || String(goal);
      var item = element('li', 'sdg sdg-' + goal);
      item.title = name;
      item.appendChild(element('span', 'sdg-number', String(goal)));
      item.appendChild(element('span', 'sdg-name', name));
      goals.appendChild(item);
    });
    li.appendChild(goals);
    return li;
  }
  function say(n) {
    count.textContent = (n === 1 ? count.getAttribute('data-one') : count.getAttribute('data-many'))
      .replace('%d', String(n));
  }
  function showMore() {
    var next = matches.slice(shown, shown + PAGE);
    next.forEach(function (hub) { list.appendChild(card(hub)); });
    shown += next.length;
    moreRow.hidden = shown >= matches.length;
  }
  function update() {
    var query = words(input.value);
    var asked = query.length > 0 || selects.some(function (s) { return s.value !== ''; });
    if (asked && !indexLoaded()) {
      count.textContent = count.getAttribute('data-loading');
      withIndex(update);
      return;
    }
    show(query, asked);
  }
  function show(query, asked) {
    list.textContent = '';
    if (!asked) {
      own.forEach(function (li) { list.appendChild(li); });
      say(Number(count.getAttribute('data-total')));
      none.hidden = true;
      moreRow.hidden = true;
      if (pages) { pages.hidden = false; }
      return;
    }
    matches = hubs.filter(function (hub) {
      return matchesText(hub, query) && selects.every(function (s) {
        return matchesFilter(hub, s.getAttribute('data-filter'), s.value);
      });
    });
    shown = 0;
    showMore();
    say(matches.length);
    none.hidden = matches.length > 0;
    if (pages) { pages.hidden = true; }
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
  more.addEventListener('click', function () {
    var first = shown;
    showMore();
    /* the first of the new hubs, for a keyboard or a screen reader */
    var link = list.children[first] && list.children[first].querySelector('a');
    if (link) { link.focus(); }
  });
  var finder = document.querySelector('form.finder');
  finder.addEventListener('submit', function (e) { e.preventDefault(); });
  /* a reader about to search: the index comes while they type */
  finder.addEventListener('focusin', function () { withIndex(function () {}); });
  update();
})();
