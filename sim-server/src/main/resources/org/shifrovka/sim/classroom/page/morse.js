// Plays the dots and dashes the server keyed (the walkthrough's Morse value) as a tone with
// WebAudio: a dot is one unit, a dash three, one unit between elements, three between letters
// ("space"), seven between words ("/"); the unit is 1.2 / WPM seconds (PARIS).
export function playMorse(morse, wpm, onEnd) {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) { onEnd(); return () => {}; }
  const ctx = new Ctx();
  const unit = 1.2 / wpm;
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = 700;
  gain.gain.value = 0;
  osc.connect(gain).connect(ctx.destination);
  let t = ctx.currentTime + 0.1;
  const on = (units) => {
    gain.gain.setTargetAtTime(0.4, t, 0.004);
    t += units * unit;
    gain.gain.setTargetAtTime(0, t, 0.004);
    t += unit;
  };
  for (const c of morse) {
    if (c === '.') on(1);
    else if (c === '-') on(3);
    else if (c === ' ') t += 2 * unit;
    else if (c === '/') t += 4 * unit;
    else if (c === '\n') t += 6 * unit;
  }
  osc.start();
  osc.stop(t);
  let done = false;
  const stop = () => {
    if (done) return;
    done = true;
    try { osc.stop(); } catch (e) { /* already stopped */ }
    ctx.close();
  };
  osc.addEventListener('ended', () => { stop(); onEnd(); });
  return stop;
}
