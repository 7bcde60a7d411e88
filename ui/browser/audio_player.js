// The "Nghe" button (ui/audio_player.py): plays the file, or the phone's Vietnamese voice
// when there is no natural recording, and downloads nothing until tapped.
// Loaded through ui/browser_modules.py; the URL changes with the file, so edit freely.
const AUTOPLAY_AGAIN_AFTER_MS = 20000;  // the same text plays by itself again only after this

export default function(component) {
    const { data, parentElement } = component;
    const box = parentElement.querySelector(".nghe-box");
    const button = parentElement.querySelector("button");
    const meta = parentElement.querySelector(".nghe-meta");
    if (!box || !data) { return; }
    if (box.__stop) { box.__stop(); }
    const synth = window.speechSynthesis;
    const viVoice = () => (synth ? synth.getVoices().find((v) => (v.lang || "").toLowerCase().startsWith("vi")) : null);
    const label = "🔊 " + (data.label || "Nghe");
    let audio = null;
    // the voice built into this device: a phone's, or the laptop's on the class projector
    const deviceVoice = navigator.maxTouchPoints > 0 ? "giọng của điện thoại" : "giọng của máy tính";
    const mode = () => {
        if (data.url && data.natural) { return "file"; }
        if (viVoice()) { return "device"; }
        return data.url ? "file" : "none";
    };
    const render = () => {
        const m = mode();
        box.dataset.mode = m;
        button.hidden = m === "none";
        button.textContent = label;
        meta.textContent = m === "none" ? "Chưa có tiếng đọc cho phần này." : (m === "device" ? deviceVoice : data.meta);
    };
    button.onclick = () => {
        const m = mode();
        if (m === "device") {
            synth.cancel();
            // the text as the audio files say it ("VNeID" -> "vê en e ai đi"), not as shown
            const utterance = new SpeechSynthesisUtterance(data.speech || data.text);
            utterance.lang = "vi-VN";
            utterance.voice = viVoice();
            utterance.rate = 0.9;
            synth.speak(utterance);
            return;
        }
        if (!audio) {
            audio = new Audio(data.url);
            audio.preload = "none";
            audio.onended = () => { button.textContent = label; };
        }
        if (!audio.paused) { audio.pause(); audio.currentTime = 0; button.textContent = label; return; }
        audio.play().then(() => { button.textContent = "⏹️ Dừng"; }).catch(() => { button.textContent = label; });
    };
    box.__stop = () => { if (audio) { audio.pause(); } if (synth) { synth.cancel(); } };
    render();
    // once per text, not on every redraw; nor when a busy page draws the player anew
    // (a tap above it, e.g. a practice hint): the page remembers what it just played by itself
    const played = (window.__bdhvsAutoplayed = window.__bdhvsAutoplayed || new Map());
    const which = `${data.slot || ""}|${data.text}`;  // a new slot (the same hint after a new mistake) plays
    const recently = Date.now() - (played.get(which) || 0) < AUTOPLAY_AGAIN_AFTER_MS;
    if (data.autoplay && mode() !== "none" && box.dataset.played !== data.text && !recently) {
        box.dataset.played = data.text;
        played.set(which, Date.now());
        button.click();
    }
    if (synth && !(data.url && data.natural)) { synth.addEventListener("voiceschanged", render); }
}
