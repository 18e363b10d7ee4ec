// The office view: one stage of the walkthrough at a time, laid out from the lesson model's
// values (text, groups, table, fields, morse). Nothing here is computed: it is all in the JSON.

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

export class Office {
  constructor({ marks }) {
    this.marks = marks;
    this.walkthrough = null;
    this.index = 0;
    this.stopAudio = null;
    this.sound = null;
    $('next').addEventListener('click', () => this.next());
    $('back').addEventListener('click', () => this.back());
  }

  legend(marks) {
    const parts = marks.filter((m) => m.id !== 'plain')
      .map((m) => m.symbol + ' ' + m.id);
    $('legend').textContent = 'Marks: ' + parts.join(' · ');
  }

  // where the server's keyed sound of the Morse stage is: {url, lines}
  audio(m) { this.sound = m; }

  load(w) {
    // a run of the same system (or lesson) stays on the stage shown; another starts at its first
    const kind = (x) => x.lesson || x.system;
    if (this.walkthrough && kind(this.walkthrough) !== kind(w)) this.index = 0;
    this.walkthrough = w;
    const list = $('stage-list');
    list.replaceChildren();
    w.stages.forEach((s, i) => {
      const b = el('button', { 'data-stage': s.id, title: s.title, text: String(s.number) });
      b.addEventListener('click', () => this.show(i));
      list.append(el('li', {}, b));
    });
    this.show(Math.min(this.index, w.stages.length - 1));
  }

  next() { if (this.walkthrough) this.show(Math.min(this.index + 1, this.walkthrough.stages.length - 1)); }

  back() { if (this.walkthrough) this.show(Math.max(this.index - 1, 0)); }

  showStage(id) {
    if (!this.walkthrough) return;
    const i = this.walkthrough.stages.findIndex((s) => s.id === id);
    if (i >= 0) this.show(i);
  }

  show(i) {
    if (this.stopAudio) { this.stopAudio(); this.stopAudio = null; }
    this.index = i;
    const w = this.walkthrough;
    const s = w.stages[i];
    $('stage').dataset.stageId = s.id;
    $('stage-counter').textContent = 'Stage ' + s.number + ' of ' + w.stages.length;
    $('stage-title').textContent = s.number + '. ' + s.title;
    $('stage-explanation').textContent = s.explanation;
    // the explanation ends with its sources; say here only whether part of it is inferred
    $('stage-sources').textContent = s.inferred ? 'Partly inferred: the sources do not settle every detail.' : '';
    $('back').disabled = i === 0;
    $('next').disabled = i === w.stages.length - 1;
    for (const b of $('stage-list').querySelectorAll('button')) {
      b.setAttribute('aria-current', String(b.dataset.stage === s.id));
    }
    const marked = { input: new Map(), output: new Map() };
    for (const h of s.highlights) {
      const m = marked[h.side];
      if (!m.has(h.value)) m.set(h.value, new Map());
      m.get(h.value).set(h.item, h.note);
    }
    $('stage-input').replaceChildren(...s.input.map((v, k) => this.value(v, marked.input.get(k))));
    $('stage-output').replaceChildren(...s.output.map((v, k) => this.value(v, marked.output.get(k))));
    $('highlights').replaceChildren(...s.highlights.map((h) => {
      const v = s[h.side][h.value];
      return el('li', { text: '★ ' + h.note + ' (' + v.label + ', item ' + (h.item + 1) + ')' });
    }));
    $('group-word').textContent = 'Point at a group (or focus it with Tab) to see what it stands for.';
  }

  value(v, notes = new Map()) {
    const box = el('figure', { class: 'value kind-' + v.kind });
    box.append(el('figcaption', { text: v.label }));
    if (v.kind === 'text') box.append(this.text(v.text, notes));
    else if (v.kind === 'groups') box.append(this.groups(v.groups, notes));
    else if (v.kind === 'table') box.append(this.table(v, notes));
    else if (v.kind === 'fields') box.append(this.fields(v.fields, notes));
    else if (v.kind === 'morse') box.append(this.morse(v));
    return box;
  }

  text(text, notes) {
    const pre = el('pre', { class: 'text' });
    if (notes.size === 0) { pre.textContent = text; return pre; }
    // a text's highlight points at a word: number the words as the model does (split on blanks)
    let word = 0;
    for (const piece of text.split(/(\s+)/)) {
      if (piece === '' ) continue;
      if (/^\s+$/.test(piece)) { pre.append(piece); continue; }
      if (notes.has(word)) pre.append(el('mark', { class: 'hl', title: notes.get(word), text: piece + '★' }));
      else pre.append(piece);
      word++;
    }
    return pre;
  }

  groups(groups, notes) {
    // one tab stop per row of groups; inside it the arrow keys, Home and End move between groups
    const ol = el('ol', { class: 'groups', 'aria-label': 'groups: arrow keys move between them' });
    ol.addEventListener('keydown', (ev) => {
      const items = [...ol.children];
      const at = items.indexOf(document.activeElement);
      if (at < 0) return;
      const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: items.length - 1 }[ev.key];
      if (to === undefined) return;
      ev.preventDefault();
      ev.stopPropagation();
      const next = items[Math.max(0, Math.min(items.length - 1, to))];
      items[at].tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    });
    const symbols = this.marks();
    groups.forEach((g, i) => {
      const sym = symbols[g.mark] && g.mark !== 'plain' ? symbols[g.mark] : '';
      const li = el('li', { class: 'group mark-' + g.mark + (notes.has(i) ? ' hl' : ''),
        tabindex: i === 0 ? '0' : '-1', 'data-digits': g.digits, 'data-mark': g.mark });
      li.append(el('span', { class: 'digits', text: g.digits }));
      if (sym) li.append(el('span', { class: 'sym', 'aria-hidden': 'true', text: sym }));
      if (notes.has(i)) li.append(el('span', { class: 'star', 'aria-hidden': 'true', text: '★' }));
      const say = 'group ' + (i + 1) + ': ' + g.digits + (g.meaning ? ' = ' + g.meaning : '')
        + (g.mark !== 'plain' ? ' (' + g.mark + ')' : '') + (notes.has(i) ? ' ★ ' + notes.get(i) : '');
      li.title = say;
      li.setAttribute('aria-label', say);
      if (g.meaning !== null) li.dataset.meaning = g.meaning;
      const showWord = () => { $('group-word').textContent = say; };
      li.addEventListener('mouseenter', showWord);
      li.addEventListener('focus', showWord);
      ol.append(li);
    });
    return ol;
  }

  table(v, notes) {
    const t = el('table', { class: 'table' });
    const worked = v.columns.length > 2 && v.rows.some((r) => r[0] === 'worked');
    t.append(el('thead', {}, el('tr', {}, ...v.columns.map((c) => el('th', { scope: 'col', text: c })))));
    const body = el('tbody');
    v.rows.forEach((r, i) => {
      const tr = el('tr', { class: notes.has(i) ? 'hl' : '' });
      r.forEach((c, k) => tr.append(el(k === 0 ? 'th' : 'td', { text: c, 'data-col': String(k) })));
      if (notes.has(i)) tr.title = notes.get(i);
      body.append(tr);
    });
    t.append(body);
    if (!worked) return t;
    // the additive worked column by column: reveal one digit at a time
    const wrap = el('div', { class: 'digit-by-digit' });
    const button = el('button', { type: 'button', class: 'next-digit', text: 'Work it digit by digit' });
    let shown = v.columns.length - 1;
    const reveal = () => {
      for (const cell of t.querySelectorAll('td')) {
        cell.classList.toggle('pending', Number(cell.dataset.col) > shown);
      }
      button.textContent = shown >= v.columns.length - 1 ? 'Work it digit by digit'
        : 'Next digit (' + (shown + 1) + ' of ' + (v.columns.length - 1) + ')';
    };
    button.addEventListener('click', () => {
      shown = shown >= v.columns.length - 1 ? 1 : shown + 1;
      reveal();
    });
    wrap.append(t, button);
    return wrap;
  }

  fields(fields, notes) {
    const dl = el('dl', { class: 'fields' });
    fields.forEach((f, i) => {
      const dt = el('dt', { class: notes.has(i) ? 'hl' : '', text: f.name + (notes.has(i) ? ' ★' : '') });
      if (notes.has(i)) dt.title = notes.get(i);
      dl.append(dt, el('dd', {}, el('span', { class: 'field-value', text: f.value }),
        el('span', { class: 'field-meaning', text: f.meaning })));
    });
    return dl;
  }

  morse(v) {
    const box = el('div', { class: 'morse' });
    const play = el('button', { type: 'button', class: 'play-morse', text: '▶ Play the keying' });
    const note = el('span', { class: 'morse-note', text: v.wpm + ' WPM, ' + Math.round(v.seconds) + ' s in all' });
    play.disabled = this.sound === null;
    play.addEventListener('click', () => {
      if (this.stopAudio) { this.stopAudio(); return; }
      // the server keyed the Morse with the library's tone keyer: play its WAV line by line
      const sound = this.sound;
      const audio = new Audio();
      let line = 0;
      const done = () => { audio.pause(); this.stopAudio = null; play.textContent = '▶ Play the keying'; };
      audio.addEventListener('ended', () => {
        if (++line < sound.lines) { audio.src = sound.url + line + '.wav'; audio.play(); } else done();
      });
      audio.addEventListener('error', done);
      audio.src = sound.url + '0.wav';
      audio.play().catch(done);
      this.stopAudio = done;
      play.textContent = '■ Stop';
    });
    box.append(el('div', { class: 'morse-bar' }, play, note),
      el('pre', { class: 'text', text: v.text }), el('pre', { class: 'dots', text: v.morse }));
    return box;
  }
}
