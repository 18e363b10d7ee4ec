// The controls: seed, the system (or the VENONA lesson), per-link sliders, a message of one's own and the reuse switch. They only
// gather settings into a "run" command; the server validates them and runs the chain.
const $ = (id) => document.getElementById(id);

export class Controls {
  constructor({ onRun }) {
    this.onRun = onRun;
    this.limits = null;
    $('run-form').addEventListener('submit', (ev) => { ev.preventDefault(); this.submit(); });
    $('message').addEventListener('input', () => this.count());
    // a slider, the seed or the switch, once changed, runs the chain again with the new settings
    // (the message waits for its button: it is typed over many keystrokes)
    this.timer = null;
    const soon = () => { clearTimeout(this.timer); this.timer = setTimeout(() => this.submit(), 300); };
    $('links').addEventListener('change', soon);
    $('seed').addEventListener('change', soon);
    $('reuse').addEventListener('change', soon);
    $('system').addEventListener('change', soon);
  }

  init(hello) {
    this.limits = hello.limits;
    $('seed').value = String(hello.seed);
    $('seed').max = String(hello.limits.maxSeed);
    const box = $('links');
    box.querySelectorAll('.link-row').forEach((r) => r.remove());
    for (const l of hello.topology.links) {
      const row = document.createElement('div');
      row.className = 'link-row';
      row.dataset.a = l.a;
      row.dataset.b = l.b;
      const title = document.createElement('p');
      title.className = 'link-name';
      title.textContent = l.a + ' ↔ ' + l.b + ' (' + l.wpm + ' WPM)';
      row.append(title);
      row.append(this.slider(l, 'loss', 'loss', 0, 0.5, 0.01, l.loss, (v) => Math.round(v * 100) + ' %'));
      row.append(this.slider(l, 'garble', 'garble', 0, 0.05, 0.001, l.garble, (v) => (v * 100).toFixed(1) + ' %'));
      row.append(this.slider(l, 'delayMs', 'delay', 0, 5000, 10, l.delayMs, (v) => v + ' ms'));
      box.append(row);
    }
    this.count();
  }

  slider(link, param, name, min, max, step, value, show) {
    const id = 'link-' + link.a + '-' + link.b + '-' + param;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.className = 'slider';
    const text = document.createElement('span');
    text.textContent = name;
    const input = document.createElement('input');
    Object.assign(input, { type: 'range', id, min: String(min), max: String(max), step: String(step) });
    input.value = String(value);
    input.dataset.param = param;
    const out = document.createElement('output');
    out.htmlFor = id;
    const update = () => { out.textContent = show(Number(input.value)); input.setAttribute('aria-valuetext', out.textContent); };
    input.addEventListener('input', update);
    update();
    label.append(text, input, out);
    return label;
  }

  count() {
    const bytes = new TextEncoder().encode($('message').value).length;
    const limit = this.limits ? this.limits.messageBytes : 10240;
    $('message-count').textContent = '(' + bytes + ' of ' + limit + ' bytes)';
    $('message-count').classList.toggle('over', bytes > limit);
  }

  submit() {
    clearTimeout(this.timer);
    const links = [...document.querySelectorAll('.link-row')].map((row) => {
      const v = (p) => Number(row.querySelector('[data-param="' + p + '"]').value);
      return { a: row.dataset.a, b: row.dataset.b, loss: v('loss'), garble: v('garble'), delayMs: v('delayMs') };
    });
    const text = $('message').value;
    const seed = $('seed').value.trim();
    // the VENONA choice is a lesson, not a system: the office walks it instead
    const lesson = $('system').selectedOptions[0].dataset.lesson || null;
    this.onRun({
      type: 'run',
      seed: seed === '' ? null : Number(seed),
      message: text.trim() === '' ? null : text,
      links,
      reusePad: $('reuse').checked,
      system: lesson ? null : $('system').value,
      lesson,
    });
  }

  outcome(o) {
    const box = $('delivery');
    box.replaceChildren();
    for (const m of o.messages) {
      const d = document.createElement('div');
      d.className = 'delivered-' + m.delivered;
      const h = document.createElement('h3');
      h.textContent = (m.delivered ? '✓ Delivered to ' : '✗ Not delivered to ') + m.to
        + (m.reference ? ' (' + m.reference + ')' : '')
        + (m.registryNumbers.length ? ', registered ' + m.registryNumbers.join(', ') : '');
      d.append(h);
      if (m.problem) {
        const p = document.createElement('p');
        p.className = 'problem';
        p.textContent = '✗ ' + m.problem;
        d.append(p);
      }
      const pre = document.createElement('pre');
      pre.className = 'delivered-text';
      pre.textContent = m.deliveredText || '(nothing reached ' + m.to + ')';
      d.append(pre);
      box.append(d);
    }
    for (const a of o.alarms) {
      const p = document.createElement('p');
      p.className = 'alarm-line';
      p.textContent = '⚠ ' + a;
      box.append(p);
    }
  }
}
