// Two rising notes when right, one low note when wrong, made with Web Audio (ui/feedback_sound.py).
// Loaded through ui/browser_modules.py; the URL changes with the file, so edit freely.
export default function(component) {
    const { data } = component;
    if (!data || !data.id) { return; }
    window.__bdhvsChimes = window.__bdhvsChimes || {};
    if (window.__bdhvsChimes[data.id]) { return; }   // once per answer, not on every redraw
    window.__bdhvsChimes[data.id] = true;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    const context = new Context();
    const notes = data.correct ? [[660, 0], [880, 0.15]] : [[220, 0]];
    for (const [frequency, start] of notes) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = "sine";
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.25, context.currentTime + start);
        gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + start + 0.35);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(context.currentTime + start);
        oscillator.stop(context.currentTime + start + 0.4);
    }
}
