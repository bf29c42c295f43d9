'use strict';
// Sweep's page. The order comes from the URL (?side=sell&qty=15&symbol=BTC-USD), so a view can be shared as a link.
// One WebSocket stream brings a sweep document per refresh (the document of /api/v1/sweep); the depth chart draws the
// venues' books (/api/v1/books) with the sweep on them; the venues' states come from /api/v1/health. Every number
// is also shown as text, as the API writes it.

const COLORS = ['#3d6fb6', '#c4572a', '#2f8f5b', '#8a4fb0', '#b08a1f'];
const DASHES = [[], [6, 3], [2, 2], [8, 2, 2, 2], [1, 3]];
const MERGED = {label: 'merged', color: '#1d2330', dash: []};
const BOOK_DEPTH = 500;

const order = readOrder(new URLSearchParams(location.search));
let latest = null;          // the last sweep document
let books = [];             // the venues' books of the last document, as the API writes them
let stream = null;
let booksPending = false;
const charts = {};

function readOrder(params) {
  const quote = params.get('quote');
  return {
    side: params.get('side') === 'buy' ? 'buy' : 'sell',
    unit: quote ? 'quote' : 'qty',
    amount: quote || params.get('qty') || '15',
    symbol: (params.get('symbol') || '').toUpperCase(),
  };
}

function orderQuery() {
  const query = new URLSearchParams({side: order.side, [order.unit]: order.amount});
  if (order.symbol) {
    query.set('symbol', order.symbol);
  }
  return query;
}

function showOrderInForm() {
  const form = document.getElementById('order');
  form.side.value = order.side;
  form.unit.value = order.unit;
  form.amount.value = order.amount;
  form.symbol.value = order.symbol;
}

document.getElementById('order').addEventListener('submit', event => {
  event.preventDefault();
  const form = event.target;
  Object.assign(order, {side: form.side.value, unit: form.unit.value, amount: form.amount.value.trim(),
    symbol: form.symbol.value.trim().toUpperCase()});
  history.replaceState(null, '', '/?' + orderQuery());
  connect();
});
document.getElementById('overlay').addEventListener('change', drawDepth);

// The stream: reconnected whenever the order changes, and after a drop.
function connect() {
  if (stream) {
    stream.onclose = null;
    stream.close();
  }
  const query = orderQuery();
  query.set('interval', '1s');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(scheme + '//' + location.host + '/api/v1/stream?' + query);
  socket.onmessage = message => show(JSON.parse(message.data));
  socket.onclose = () => {
    if (stream === socket) {
      setTimeout(connect, 2000);
    }
  };
  stream = socket;
  // A bad order is refused before the upgrade: ask the same question over HTTP to read why.
  socket.onerror = () => fetch('/api/v1/sweep?' + orderQuery()).then(r => r.json()).then(show).catch(() => {});
}

function text(id, value) {
  document.getElementById(id).textContent = value === null || value === undefined ? '–' : value;
}

function show(doc) {
  if (doc.error) {
    text('problem', doc.error + (doc.parameter ? ' (' + doc.parameter + ')' : ''));
    return;
  }
  latest = doc;
  text('source', doc.source === 'demo' ? 'DEMO: simulated exchanges, not real prices.' : '');
  text('order-text', doc.side.toUpperCase() + ' ' + doc.requested + ' ' + doc.unit + ' of ' + doc.symbol);
  if (!doc.merged) {
    text('problem', 'No venue is live: nothing swept.');
    text('merged-vwap', null);
    showVenues();
    return;
  }
  const merged = doc.merged;
  const truncated = merged.truncated.length === 0 ? ''
      : ' as seen; truncated, with more unseen: ' + merged.truncated.join(', ');
  text('problem', merged.complete ? '' : 'INCOMPLETE: the books hold only ' + merged.filled + ' '
      + doc.symbol.split('-')[0] + truncated);
  text('merged-vwap', merged.vwap);
  text('merged-vwap-fees', merged.vwapWithFees);
  text('merged-slippage', merged.slippageBps.vsBest);
  text('merged-filled', 'filled ' + merged.filled + (merged.complete ? ', complete' : ', incomplete'));
  showSplit(merged);
  showVenues();
  fetchBooks(doc);
}

function showSplit(merged) {
  const list = document.getElementById('split');
  list.replaceChildren(...merged.split.map(share => {
    const item = document.createElement('li');
    const percent = (Number(share.share) * 100).toFixed(2);
    item.textContent = share.venue + ': ' + share.filled + ' (' + percent + ' %), notional ' + share.notional;
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.style.width = percent + '%';
    bar.setAttribute('aria-hidden', 'true');
    item.append(bar);
    return item;
  }));
}

// The venues' table: each venue's state and age from the health document, its VWAP from the last sweep. A book
// that is not live is greyed and says its state in words.
let health = null;

// A venue swept converted (a USDT book in a USD sweep) is shown by the book it is swept with, its currency named.
function showVenues() {
  const symbol = latest ? latest.symbol : order.symbol;
  const [base, quote] = symbol.split('-');
  const taken = latest ? [...latest.venues, ...(latest.excluded || [])] : [];
  const bookOf = book => book.symbol === symbol ? quote : (taken.find(venue => venue.venue === book.venue
    && venue.quote !== quote && book.symbol === base + '-' + venue.quote) || {}).quote;
  const rows = (health ? health.books : []).filter(book => bookOf(book)).map(book => {
    const swept = latest ? latest.venues.find(venue => venue.venue === book.venue) : null;
    const row = document.createElement('tr');
    row.className = book.state === 'LIVE' ? 'live' : 'not-live';
    row.dataset.venue = book.venue;
    const name = bookOf(book) === quote ? book.venue : book.venue + ' (' + bookOf(book) + ' book converted)';
    for (const [value, kind] of [[name, ''], [book.state + (book.lastProblem ? ': ' + book.lastProblem : ''),
      'state'], [book.ageMs === null ? '–' : book.ageMs + ' ms', 'number'], [swept ? swept.vwap : '–', 'number'],
      [swept ? swept.filled : '–', 'number']]) {
      const cell = document.createElement('td');
      cell.textContent = value;
      cell.className = kind;
      row.append(cell);
    }
    return row;
  });
  document.querySelector('#venues tbody').replaceChildren(...rows);
}

function pollHealth() {
  fetch('/api/v1/health').then(r => r.json()).then(doc => {
    health = doc;
    showVenues();
  }).catch(() => {}).finally(() => setTimeout(pollHealth, 1000));
}

// The books of the venues swept, for the depth chart: one request per venue, at most one round at a time.
function fetchBooks(doc) {
  if (booksPending) {
    return;
  }
  booksPending = true;
  Promise.all(doc.venues.map(venue => fetch('/api/v1/books/' + venue.venue + '/' + doc.symbol + '?depth=' + BOOK_DEPTH)
    .then(r => r.ok ? r.json() : {books: []})))
    .then(answers => {
      books = answers.flatMap(answer => answer.books);
      drawDepth();
    })
    .catch(() => {})
    .finally(() => { booksPending = false; });
}

// Cumulative size at each price: bids from the best down, asks from the best up; nothing inside the spread.
function cumulative(levels, prices, bids) {
  const sorted = levels.map(([price, size]) => [Number(price), Number(size)])
    .sort((a, b) => bids ? b[0] - a[0] : a[0] - b[0]);
  const best = sorted.length ? sorted[0][0] : NaN;
  return prices.map(x => {
    if (!(bids ? x <= best : x >= best)) {
      return null;
    }
    let total = 0;
    for (const [price, size] of sorted) {
      if (bids ? price < x : price > x) {
        break;
      }
      total += size;
    }
    return total;
  });
}

function add(a, b) {
  return a.map((value, i) => value === null && b[i] === null ? null : (value || 0) + (b[i] || 0));
}

function drawDepth() {
  if (!latest || !latest.merged || books.length === 0) {
    return;
  }
  const merged = latest.merged;
  const mid = Number(merged.mid);
  // Wide enough to show the whole sweep and twice as much again beyond it.
  const reach = Math.max(Math.abs(Number(merged.worst) - mid) * 3, mid * 0.0002);
  const lo = mid - reach;
  const hi = mid + reach;
  const prices = [...new Set(books.flatMap(book => [...book.bids, ...book.asks].map(level => Number(level[0])))
    .filter(price => price >= lo && price <= hi).concat([lo, mid, hi]))].sort((a, b) => a - b);
  const overlay = document.getElementById('overlay').checked;
  const series = [];
  const data = [prices];
  const perBook = books.map(book => ({venue: book.venue, bids: cumulative(book.bids, prices, true),
    asks: cumulative(book.asks, prices, false)}));
  const lines = overlay ? perBook.map((book, i) => ({label: book.venue, color: COLORS[i % COLORS.length],
    dash: DASHES[i % DASHES.length], bids: book.bids, asks: book.asks}))
    : [{...MERGED, bids: perBook.map(b => b.bids).reduce(add), asks: perBook.map(b => b.asks).reduce(add)}];
  for (const line of lines) {
    for (const side of ['bids', 'asks']) {
      series.push({label: line.label + ' ' + side, stroke: line.color, dash: line.dash, width: 2,
        fill: line.color + '22', paths: uPlot.paths.stepped({align: side === 'bids' ? -1 : 1})});
      data.push(line[side]);
    }
  }
  const key = (overlay ? 'overlay:' : 'merged:') + lines.map(line => line.label).join(',');
  const marks = sweepMarks(overlay);
  text('depth-note', 'Shaded: the part of the book the order takes. Solid line: VWAP ' + merged.vwap + '; dashed: '
    + 'worst price ' + merged.worst + '; dotted: mid ' + merged.mid + '. Bids left, asks right; the gap between is the spread.');
  chart('depth', key, {
    height: 320,
    scales: {x: {time: false}},
    axes: [{label: 'price (' + latest.symbol.split('-')[1] + ')'}, {label: 'cumulative size (' + latest.symbol.split('-')[0] + ')'}],
    series: [{label: 'price'}, ...series],
    hooks: {draw: [u => drawMarks(u, marks)]},
  }, data, marks);
}

// What the sweep adds to the chart: the range taken (best to worst), the VWAP and the mid.
function sweepMarks(overlay) {
  const merged = latest.merged;
  const taken = overlay
    ? latest.venues.filter(venue => venue.best !== null).map((venue, i) => ({from: Number(venue.best),
      to: Number(venue.worst), color: COLORS[i % COLORS.length] + '33'}))
    : [{from: Number(merged.best), to: Number(merged.worst), color: '#1d233033'}];
  return {taken, vwap: Number(merged.vwap), worst: Number(merged.worst), mid: Number(merged.mid)};
}

function drawMarks(u, marks) {
  const ctx = u.ctx;
  const top = u.bbox.top;
  const height = u.bbox.height;
  ctx.save();
  for (const range of marks.taken) {
    const a = u.valToPos(Math.min(range.from, range.to), 'x', true);
    const b = u.valToPos(Math.max(range.from, range.to), 'x', true);
    ctx.fillStyle = range.color;
    ctx.fillRect(a, top, Math.max(b - a, 2), height);
  }
  const line = (value, dash, label, row) => {
    const x = u.valToPos(value, 'x', true);
    ctx.setLineDash(dash);
    ctx.strokeStyle = '#1d2330';
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.fillStyle = '#1d2330';
    ctx.font = (12 * devicePixelRatio) + 'px system-ui, sans-serif';
    ctx.fillText(label, x + 4, top + 14 * row * devicePixelRatio);
  };
  line(marks.mid, [2, 3], 'mid', 1);
  line(marks.vwap, [], 'VWAP', 2);
  line(marks.worst, [6, 4], 'worst', 3);
  ctx.restore();
}

// A chart kept while its series stay the same, rebuilt when they change.
function chart(id, key, options, data) {
  const element = document.getElementById(id);
  const width = Math.max(element.clientWidth, 300);
  const existing = charts[id];
  if (existing && existing.key === key) {
    existing.plot.setData(data);
    existing.plot.redraw();
    return;
  }
  if (existing) {
    existing.plot.destroy();
  }
  charts[id] = {key, plot: new uPlot({width, ...options}, data, element)};
}

// The slippage curve: sizes around the order's, refreshed every few seconds.
function fetchCurve() {
  const base = order.unit === 'qty' ? Number(order.amount) : NaN;
  const sizes = Number.isFinite(base) && base > 0
    ? [0.1, 0.25, 0.5, 1, 2, 4].map(f => +(base * f).toPrecision(6)) : [1, 5, 10, 25, 50];
  const query = new URLSearchParams({side: order.side, sizes: sizes.join(',')});
  if (order.symbol) {
    query.set('symbol', order.symbol);
  }
  fetch('/api/v1/curve?' + query).then(r => r.json()).then(doc => {
    if (doc.error) {
      return;
    }
    const curves = [...doc.venues.map((venue, i) => ({label: venue.venue, color: COLORS[i % COLORS.length],
      dash: DASHES[i % DASHES.length], points: venue.points})), {...MERGED, points: doc.merged.points}];
    const data = [doc.sizes.map(Number), ...curves.map(curve => curve.points.map(point =>
      point.slippageBps.vsMid === null ? null : Number(point.slippageBps.vsMid)))];
    chart('curve', curves.map(curve => curve.label).join(','), {
      height: 260,
      scales: {x: {time: false}},
      axes: [{label: 'size (' + doc.unit + ')'}, {label: 'bps vs mid'}],
      series: [{label: 'size'}, ...curves.map(curve => ({label: curve.label, stroke: curve.color, dash: curve.dash,
        width: 2, points: {show: true}}))],
    }, data);
  }).catch(() => {}).finally(() => setTimeout(fetchCurve, 5000));
}

showOrderInForm();
connect();
pollHealth();
fetchCurve();
