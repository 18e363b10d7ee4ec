// The classroom page: one WebSocket to the server, which computes everything; this module only
// keeps the latest messages and hands them to the views. Protocol: sim-server/README.md.
import { Office } from './office.js';
import { Air } from './air.js';
import { Controls } from './controls.js';

const $ = (id) => document.getElementById(id);

const state = {
  socket: null,
  session: 0,
  sent: 0,          // run commands sent (the server numbers the runs it accepts 1, 2, ...)
  run: 0,           // the run the server started last
  marks: {},
  walkthrough: null,
  outcome: null,
};

const office = new Office({ marks: () => state.marks });
const air = new Air({
  onTelegram: () => { showView('office'); office.showStage('radiogram'); },
  onAlarm: (e) => showAlarm(e),
});
const controls = new Controls({ onRun: (command) => send(command) });

function setStatus(text) { $('status').textContent = text; }

function showError(text) {
  const box = $('errors');
  box.textContent = '⚠ ' + text;
  box.hidden = false;
}

function clearError() { $('errors').hidden = true; $('errors').textContent = ''; }

function showAlarm(e) {
  const box = $('alarm');
  box.textContent = '⚠ DEPTH ALARM at ' + e.station + ' (' + e.local + ', ' + e.moscow
    + ' Moscow): ' + e.detail;
  box.hidden = false;
}

function send(command) {
  if (!state.socket || state.socket.readyState !== WebSocket.OPEN) {
    showError('not connected to the server: reload the page');
    return;
  }
  clearError();
  $('alarm').hidden = true;
  state.sent++;
  state.socket.send(JSON.stringify(command));
}

function receive(m) {
  switch (m.type) {
    case 'hello':
      state.session = m.session;
      state.marks = Object.fromEntries(m.marks.map((k) => [k.id, k.symbol]));
      office.legend(m.marks);
      controls.init(m);
      air.reset(m.topology);
      setStatus('Session ' + m.session + ': connected');
      controls.submit();
      break;
    case 'run-started':
      state.run = m.run;
      state.outcome = null;
      office.audio(null);
      air.reset(m.topology);
      $('delivery').textContent = '';
      setStatus('Session ' + state.session + ', run ' + m.run + ' (seed ' + m.seed + '): running…');
      break;
    case 'walkthrough':
      if (m.run !== state.run) return;
      state.walkthrough = m.walkthrough;
      office.load(m.walkthrough);
      break;
    case 'morse-audio':
      if (m.run !== state.run) return;
      office.audio(m);
      break;
    case 'event':
      if (m.run !== state.run) return;
      air.add(m);
      break;
    case 'outcome':
      if (m.run !== state.run) return;
      state.outcome = m;
      air.finish(m);
      controls.outcome(m);
      setStatus('Session ' + state.session + ', run ' + m.run + ': ' + m.events + ' events, '
        + (m.allDelivered ? 'delivered ✓' : 'not all delivered ✗'));
      break;
    case 'error':
      showError(m.message);
      if (m.run !== undefined && m.run === state.run) {
        setStatus('Session ' + state.session + ', run ' + m.run + ': failed ✗');
      }
      break;
    default:
      break;
  }
}

function connect() {
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
  const socket = new WebSocket(url);
  state.socket = socket;
  socket.addEventListener('message', (ev) => receive(JSON.parse(ev.data)));
  socket.addEventListener('close', (ev) => {
    setStatus('Disconnected' + (ev.code === 1006 ? ' (the server is full or stopped)' : '')
      + ': reload the page to start again');
  });
}

function showView(name) {
  for (const v of ['office', 'air']) {
    const on = v === name;
    $('tab-' + v).setAttribute('aria-selected', String(on));
    $('view-' + v).hidden = !on;
  }
  air.visible(name === 'air');
}

function toggleLarge() {
  const on = !document.body.classList.contains('large');
  document.body.classList.toggle('large', on);
  $('large-text').setAttribute('aria-pressed', String(on));
}

$('tab-office').addEventListener('click', () => showView('office'));
$('tab-air').addEventListener('click', () => showView('air'));
$('large-text').addEventListener('click', toggleLarge);

document.addEventListener('keydown', (ev) => {
  const t = ev.target;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
  if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const airShown = !$('view-air').hidden;
  if (ev.key === 'ArrowRight') { airShown ? air.step() : office.next(); ev.preventDefault(); }
  else if (ev.key === 'ArrowLeft') { if (!airShown) { office.back(); ev.preventDefault(); } }
  else if (ev.key === ' ' && airShown && t.tagName !== 'BUTTON') { air.toggle(); ev.preventDefault(); }
  else if (ev.key === 'End' && airShown) { air.toEnd(); ev.preventDefault(); }
  else if (ev.key === 'l' || ev.key === 'L') toggleLarge();
  else if (ev.key === 'o' || ev.key === 'O') showView('office');
  else if (ev.key === 'a' || ev.key === 'A') showView('air');
});

window.shifrovka = state; // for the browser tests and the curious: what the page holds
connect();
