/**
 * Records every script error into the page (`#script-errors`) so that a headless browser's
 * `--dump-dom` shows them. Runs first, before anything that could fail.
 */
export const ERROR_RECORDER_SCRIPT = `
(function () {
  function record(text) {
    var box = document.getElementById('script-errors');
    if (!box) { box = document.createElement('pre'); box.id = 'script-errors'; (document.body || document.documentElement).appendChild(box); }
    box.textContent += text + '\\n';
  }
  window.addEventListener('error', function (e) { record('error: ' + e.message + ' at ' + e.lineno + ':' + e.colno); });
  window.addEventListener('unhandledrejection', function (e) { record('unhandled rejection: ' + e.reason); });
})();
`;

/**
 * The catalog's behaviour, in plain script: filter the table (text, test status, a heatmap cell: a technique with its sub-techniques, or a tactic),
 * sort it by a column header, open a detection's detail view from its row. The state lives in
 * the URL fragment (#q=...&status=...&attack=...&sort=...&dir=..., or #detail-<id>), so a
 * filtered view can be linked, and works from file://. Sets body[data-ready] when wired up.
 */
export const CATALOG_SCRIPT = `
(function () {
  var table = document.getElementById('detection-table');
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var filter = document.getElementById('filter');
  var status = document.getElementById('status-filter');
  var shown = document.getElementById('shown');
  var cells = Array.prototype.slice.call(document.querySelectorAll('.cell'));
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var state = { q: '', status: '', attack: '', sort: '', dir: 'ascending' };

  function readHash() {
    var hash = location.hash.slice(1);
    if (hash.indexOf('detail-') === 0) { openDetail(decodeURIComponent(hash.slice(7))); return; }
    var params = new URLSearchParams(hash);
    state.q = params.get('q') || '';
    state.status = params.get('status') || '';
    state.attack = params.get('attack') || '';
    state.sort = params.get('sort') || '';
    state.dir = params.get('dir') === 'descending' ? 'descending' : 'ascending';
  }

  function writeHash() {
    var params = new URLSearchParams();
    ['q', 'status', 'attack', 'sort'].forEach(function (k) { if (state[k]) params.set(k, state[k]); });
    if (state.sort) params.set('dir', state.dir);
    var text = params.toString();
    history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
  }

  function apply() {
    filter.value = state.q;
    status.value = state.status;
    var words = state.q.toLowerCase().split(/\\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-search');
      var attack = (row.getAttribute('data-attack') || '').split(' ');
      var visible = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        (!state.status || row.getAttribute('data-status') === state.status) &&
        (!state.attack || attack.some(function (t) { return t === state.attack || t.indexOf(state.attack + '.') === 0; }));
      row.hidden = !visible;
      if (visible) count++;
    });
    cells.forEach(function (c) { c.classList.toggle('active', !!state.attack && c.getAttribute('data-filter') === state.attack); });
    shown.textContent = count + ' of ' + rows.length + ' shown' + (state.attack ? ' (ATT&CK ' + state.attack + ')' : '');
    sortRows();
  }

  function sortRows() {
    headers.forEach(function (th) { th.removeAttribute('aria-sort'); });
    if (!state.sort) return;
    var index = headers.findIndex(function (th) { return th.getAttribute('data-sort') === state.sort; });
    if (index < 0) return;
    headers[index].setAttribute('aria-sort', state.dir);
    var numeric = headers[index].getAttribute('data-type') === 'number';
    var sign = state.dir === 'descending' ? -1 : 1;
    rows.slice().sort(function (a, b) {
      var x = a.cells[index].getAttribute('data-value'), y = b.cells[index].getAttribute('data-value');
      var d = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return sign * (d || a.getAttribute('data-id').localeCompare(b.getAttribute('data-id')));
    }).forEach(function (row) { tbody.appendChild(row); });
  }

  function openDetail(id) {
    Array.prototype.forEach.call(document.querySelectorAll('.detail.open'), function (d) { d.classList.remove('open'); });
    rows.forEach(function (r) { r.classList.toggle('selected', r.getAttribute('data-id') === id); });
    var detail = document.getElementById('detail-' + id);
    if (detail) { detail.classList.add('open'); }
  }

  filter.addEventListener('input', function () { state.q = filter.value; writeHash(); apply(); });
  status.addEventListener('change', function () { state.status = status.value; writeHash(); apply(); });
  document.getElementById('clear').addEventListener('click', function () { state.q = ''; state.status = ''; state.attack = ''; writeHash(); apply(); });
  cells.forEach(function (cell) {
    cell.addEventListener('click', function () {
      var value = cell.getAttribute('data-filter') || '';
      state.attack = state.attack === value ? '' : value;
      writeHash(); apply();
      document.getElementById('detections').scrollIntoView();
    });
  });
  headers.forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      state.dir = state.sort === key && state.dir === 'ascending' ? 'descending' : 'ascending';
      state.sort = key;
      writeHash(); apply();
    });
  });
  rows.forEach(function (row) {
    row.addEventListener('click', function (e) {
      if (e.target.closest('a')) return;
      location.hash = 'detail-' + encodeURIComponent(row.getAttribute('data-id'));
    });
  });
  window.addEventListener('hashchange', function () { if (location.hash.indexOf('#detail-') === 0) readHash(); });

  readHash();
  apply();
  document.body.setAttribute('data-ready', 'true');
})();
`;
