// The air view: the simulator's event stream played back in simulated time. The server sends
// every event of a run (station, event, peer, simulated time with local and Moscow columns); this
// module lays them out on the map, in the sequence diagram and in the timeline. A frame on the air
// is drawn from the event that sent it to the event that shows it arrived at the peer; one that
// never arrived is marked lost.
const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// which event at the peer shows that a frame of each kind arrived there
const ARRIVALS = {
  send: ['registered', 'request', 'duplicate', 'alarm', 'problem', 'delivered'],
  repeat: ['registered', 'request', 'duplicate', 'alarm', 'problem', 'delivered'],
  request: ['repeat'],
  'receipt-sent': ['receipt'],
};
const KIND = { send: 'radiogram', repeat: 'repeat', request: 'request', 'receipt-sent': 'receipt' };
// how long a lost frame stays marked on the map, in simulated time
const LOST_SHOWN_NS = 120e9;
const LABEL = { send: '✉', repeat: '↻', request: '✱ ?', 'receipt-sent': 'R' };
// the telegram's number as the detail line names it ("radiogram No. 15 ...", "R 15")
const number = (detail) => { const m = /(?:No\.|R) (\d+)/.exec(detail); return m ? 'No. ' + m[1] : ''; };
const SYMBOL = {
  request: '✱', alarm: '⚠', delivered: '✓', registered: '✎', timeout: '⌛', undeliverable: '✗',
  problem: '!', receipt: 'R', filed: '✎', forward: '→', duplicate: '=',
};

export class Air {
  constructor({ onTelegram, onAlarm }) {
    this.onTelegram = onTelegram;
    this.onAlarm = onAlarm;
    this.shownView = false;
    this.events = [];
    this.frames = [];
    this.shown = 0;
    this.t = 0;
    this.playing = true;
    this.last = null;
    this.outcome = null;
    $('play').addEventListener('click', () => this.play());
    $('pause').addEventListener('click', () => this.pause());
    $('step').addEventListener('click', () => this.step());
    $('end').addEventListener('click', () => this.toEnd());
    requestAnimationFrame((now) => this.tick(now));
  }

  reset(topology) {
    this.topology = topology;
    this.events = [];
    this.frames = [];
    this.shown = 0;
    this.t = 0;
    this.outcome = null;
    this.alarmed = false;
    this.playing = true;
    this.lanes = new Map(topology.stations.map((s, i) => [s.name, i]));
    $('timeline').tBodies[0].replaceChildren();
    this.drawMap();
    this.render();
  }

  add(e) {
    const i = this.events.length;
    this.events.push(e);
    const kinds = Object.keys(ARRIVALS).filter((k) => ARRIVALS[k].includes(e.event));
    for (const kind of kinds) {
      // the latest frame of that kind from the peer to this station still on the air
      for (let k = this.frames.length - 1; k >= 0; k--) {
        const f = this.frames[k];
        if (f.arrival === null && f.kind === kind && f.from === e.peer && f.to === e.station) {
          f.arrival = i;
          break;
        }
      }
    }
    if (ARRIVALS[e.event]) {
      this.frames.push({ kind: e.event, from: e.station, to: e.peer, start: i, arrival: null, ref: e.ref });
    }
    this.dirty = true;
  }

  finish(outcome) { this.outcome = outcome; this.dirty = true; }

  visible(on) { this.shownView = on; this.dirty = true; }

  play() { this.playing = true; if (this.shown >= this.events.length && this.outcome) this.rewind(); }

  pause() { this.playing = false; }

  toggle() { this.playing ? this.pause() : this.play(); }

  rewind() {
    this.shown = 0; this.t = 0; this.alarmed = false;
    $('timeline').tBodies[0].replaceChildren();
    this.dirty = true;
  }

  step() {
    this.pause();
    if (this.shown < this.events.length) {
      this.t = this.events[this.shown].simNs;
      this.reveal(this.shown + 1);
    }
  }

  toEnd() {
    this.pause();
    if (this.events.length) this.t = this.events[this.events.length - 1].simNs;
    this.reveal(this.events.length);
  }

  reveal(n) {
    const body = $('timeline').tBodies[0];
    for (let i = this.shown; i < n; i++) {
      const e = this.events[i];
      const tr = document.createElement('tr');
      tr.className = 'ev-' + e.event;
      tr.dataset.seq = String(e.seq);
      for (const c of [e.local, e.moscow, e.station, (SYMBOL[e.event] || '') + ' ' + e.event, e.detail]) {
        const td = document.createElement('td');
        td.textContent = c;
        tr.append(td);
      }
      if (e.ref) {
        tr.tabIndex = 0;
        tr.title = 'Open the stages of ' + e.ref;
        tr.addEventListener('click', () => this.onTelegram(e.ref));
        tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') this.onTelegram(e.ref); });
      }
      body.append(tr);
      if (e.event === 'alarm' && !this.alarmed) { this.alarmed = true; this.onAlarm(e); }
    }
    if (n > this.shown) {
      const pane = body.closest('.timeline-wrap');
      pane.scrollTop = pane.scrollHeight; // the newest event in view, without moving the page
    }
    this.shown = n;
    this.dirty = true;
  }

  tick(now) {
    const dt = this.last === null ? 0 : Math.min(0.25, (now - this.last) / 1000);
    this.last = now;
    if (this.playing && this.events.length) {
      const end = this.events[this.events.length - 1].simNs;
      if (this.shown < this.events.length || this.t < end) {
        this.t = Math.min(end, this.t + dt * Number($('speed').value) * 1e9);
        let n = this.shown;
        while (n < this.events.length && this.events[n].simNs <= this.t) n++;
        if (n !== this.shown) this.reveal(n);
        this.dirty = true;
      } else if (this.outcome) {
        this.playing = false;
      }
    }
    if (this.dirty) { this.render(); this.dirty = false; }
    requestAnimationFrame((t) => this.tick(t));
  }

  x(station, width, margin) {
    const n = this.topology.stations.length;
    return n === 1 ? width / 2 : margin + this.lanes.get(station) * (width - 2 * margin) / (n - 1);
  }

  drawMap() {
    const map = $('topology');
    map.replaceChildren();
    const g = svg('g', { id: 'map-links' });
    for (const l of this.topology.links) {
      const x1 = this.x(l.a, 900, 110); const x2 = this.x(l.b, 900, 110);
      g.append(svg('line', { class: 'link', x1, y1: 90, x2, y2: 90 }));
      // two short lines, so that neighbouring links' labels never run into each other
      g.append(svg('text', { class: 'link-label', x: (x1 + x2) / 2, y: 52, 'text-anchor': 'middle' },
        l.wpm + ' WPM · ' + l.delayMs + ' ms'));
      g.append(svg('text', { class: 'link-label', x: (x1 + x2) / 2, y: 74, 'text-anchor': 'middle' },
        'loss ' + l.loss + ' · garble ' + l.garble));
    }
    map.append(g);
    for (const s of this.topology.stations) {
      const x = this.x(s.name, 900, 110);
      const st = svg('g', { class: 'station role-' + s.role, 'data-station': s.name });
      st.append(svg('circle', { cx: x, cy: 90, r: 26 }));
      st.append(svg('text', { x, y: 140, 'text-anchor': 'middle', class: 'station-name' }, s.name));
      st.append(svg('text', { x, y: 160, 'text-anchor': 'middle', class: 'station-place' }, s.place + ' · ' + s.role));
      map.append(st);
    }
    map.append(svg('g', { id: 'map-frames' }));
  }

  render() {
    if (!this.topology) return;
    const shownEvents = this.events.slice(0, this.shown);
    const last = shownEvents[shownEvents.length - 1];
    $('clock').textContent = last ? last.local + ' local at ' + last.station + ' · ' + last.moscow + ' Moscow' : '–';
    $('progress').textContent = this.shown + ' / ' + this.events.length + ' events'
      + (this.outcome ? '' : ' (run in progress)');
    this.renderFrames();
    this.renderRegisters(shownEvents);
    this.renderSequence();
  }

  // telegrams on the air now: between the event that sent them and the one that shows arrival
  renderFrames() {
    const g = $('map-frames');
    if (!g) return;
    g.replaceChildren();
    for (const f of this.frames) {
      if (f.start >= this.shown) continue;
      const t0 = this.events[f.start].simNs;
      const arrived = f.arrival !== null && f.arrival < this.shown;
      if (arrived) continue;
      const x1 = this.x(f.from, 900, 110); const x2 = this.x(f.to, 900, 110);
      let p = 0.5;
      if (f.arrival !== null) {
        const t1 = this.events[f.arrival].simNs;
        p = t1 > t0 ? Math.max(0, Math.min(1, (this.t - t0) / (t1 - t0))) : 1;
      } else if (this.outcome === null) {
        continue; // not yet known whether it arrives
      }
      const lost = f.arrival === null;
      if (lost && this.t - t0 > LOST_SHOWN_NS) continue;
      const y = 90 + (f.kind === 'send' || f.kind === 'repeat' ? -8 : 8);
      const x = x1 + (x2 - x1) * p;
      const tg = svg('g', { class: 'telegram kind-' + f.kind + (lost ? ' lost' : ''), tabindex: '0', role: 'button',
        'aria-label': KIND[f.kind] + ' ' + f.from + ' to ' + f.to + (lost ? ' (lost)' : '') });
      tg.append(svg('rect', { x: x - 16, y: y - 9, width: 32, height: 18, rx: 3 }));
      tg.append(svg('text', { x, y: y + 5, 'text-anchor': 'middle' },
        lost ? '✗' : f.kind === 'request' ? '?' : f.kind === 'receipt-sent' ? 'R' : '✉'));
      tg.append(svg('title', {}, (lost ? 'lost: ' : '') + this.events[f.start].detail));
      tg.addEventListener('click', () => this.onTelegram(f.ref));
      tg.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') this.onTelegram(f.ref); });
      g.append(tg);
    }
  }

  renderRegisters(shownEvents) {
    const box = $('registers');
    const by = new Map();
    for (const e of shownEvents) {
      if (e.event === 'registered' || e.event === 'delivered' || e.event === 'alarm') {
        if (!by.has(e.station)) by.set(e.station, []);
        by.get(e.station).push(e);
      }
    }
    box.replaceChildren(...[...by.entries()].map(([station, list]) => {
      const d = document.createElement('div');
      d.className = 'register';
      d.dataset.station = station;
      const h = document.createElement('h4');
      h.textContent = station;
      d.append(h);
      for (const e of list) {
        const p = document.createElement('p');
        p.className = 'reg-' + e.event;
        p.textContent = (SYMBOL[e.event] || '') + ' ' + e.detail;
        d.append(p);
      }
      return d;
    }));
  }

  renderSequence() {
    const seq = $('seq');
    if (!this.shownView && this.outcome === null) return;
    const n = this.topology.stations.length;
    const width = Math.max(900, 250 * n);
    const end = this.events.length ? this.events[this.events.length - 1].simNs : 1;
    const height = 700;
    const top = 50;
    const y = (ns) => top + (ns / Math.max(1, end)) * (height - top - 20);
    seq.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    seq.replaceChildren();
    for (const s of this.topology.stations) {
      const x = this.x(s.name, width, 80);
      seq.append(svg('line', { class: 'lane', x1: x, y1: top - 10, x2: x, y2: height - 10 }));
      seq.append(svg('text', { class: 'lane-name', x, y: 24, 'text-anchor': 'middle' }, s.name));
    }
    seq.append(svg('line', { class: 'now', x1: 0, x2: width, y1: y(this.t), y2: y(this.t) }));
    for (const f of this.frames) {
      if (f.start >= this.shown) continue;
      const e0 = this.events[f.start];
      const x1 = this.x(f.from, width, 80); const x2 = this.x(f.to, width, 80);
      const y1 = y(e0.simNs);
      const arrived = f.arrival !== null && f.arrival < this.shown;
      const lost = f.arrival === null && this.outcome !== null;
      let x2d = x2; let y2d;
      if (arrived) y2d = y(this.events[f.arrival].simNs);
      else if (f.arrival !== null) {
        const t1 = this.events[f.arrival].simNs;
        const p = t1 > e0.simNs ? Math.max(0, Math.min(1, (this.t - e0.simNs) / (t1 - e0.simNs))) : 1;
        x2d = x1 + (x2 - x1) * p; y2d = y1 + (y(t1) - y1) * p;
      } else { x2d = (x1 + x2) / 2; y2d = y1 + 6; }
      const g = svg('g', { class: 'arrow ' + f.kind + (lost ? ' lost' : ''), 'data-kind': f.kind });
      g.append(svg('line', { x1, y1, x2: x2d, y2: Math.max(y1, y2d) }));
      const label = (lost ? '✗ ' : '') + LABEL[f.kind] + ' ' + number(e0.detail);
      g.append(svg('text', { x: (x1 + x2d) / 2, y: (y1 + Math.max(y1, y2d)) / 2 - 3, 'text-anchor': 'middle' }, label));
      g.append(svg('title', {}, e0.local + ' ' + e0.station + ': ' + e0.detail));
      seq.append(g);
    }
    for (let i = 0; i < this.shown; i++) {
      const e = this.events[i];
      if (!['registered', 'alarm', 'delivered', 'undeliverable'].includes(e.event)) continue;
      const x = this.x(e.station, width, 80);
      const m = svg('g', { class: 'mark ev-' + e.event });
      m.append(svg('text', { x: x + 6, y: y(e.simNs) + 4 }, SYMBOL[e.event] + ' '
        + e.detail.replace(/^No\. \d+ from \S+ /, '') + ' · ' + e.moscow + ' Moscow'));
      seq.append(m);
    }
  }
}
