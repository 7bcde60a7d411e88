// "Thử giọng đọc" (ui/voice_check.py): speaks a test sentence through the same chain as
// "Nghe" and says, on screen and aloud, which voice this phone uses.
// Loaded through ui/browser_modules.py; the URL changes with the file, so edit freely.
export default function(component) {
    const { data, parentElement, setTriggerValue } = component;
    const box = parentElement.querySelector(".voice-check");
    if (!box || !data) { return; }
    const key = JSON.stringify(data);
    if (box.__key === key) { return; }  // a rerun with the same data: keep what is shown and playing
    box.__key = key;
    const button = box.querySelector("button");
    const result = box.querySelector(".voice-check-result");
    const install = box.querySelector(".voice-check-install");
    install.querySelector("p").textContent = data.install_title;
    const list = install.querySelector("ul");
    list.replaceChildren(...data.install_steps.map((step) => {
        const item = document.createElement("li");
        item.textContent = step;
        return item;
    }));
    button.textContent = data.label;
    const synth = window.speechSynthesis;
    const viVoice = () => (synth ? (synth.getVoices() || []).find(
        (v) => (v.lang || "").toLowerCase().replace("_", "-").startsWith("vi")) : null);
    // Many phones give an empty voice list at first and announce it with "voiceschanged".
    const voicesLoaded = () => new Promise((resolve) => {
        if (!synth || (synth.getVoices() || []).length || !synth.addEventListener) { resolve(); return; }
        const done = () => {
            clearTimeout(timer);
            if (synth.removeEventListener) { synth.removeEventListener("voiceschanged", done); }
            resolve();
        };
        const timer = setTimeout(done, 2500);  // a browser with no voices at all never says so
        synth.addEventListener("voiceschanged", done);
    });
    let audio = null;
    // One sentence through the chain; resolves when it has been said (or could not be).
    const say = (phrase, voice) => new Promise((resolve) => {
        if (!phrase) { resolve(); return; }
        if (voice && !(phrase.url && phrase.natural)) {
            const utterance = new SpeechSynthesisUtterance(phrase.speech || phrase.text);
            utterance.lang = "vi-VN";
            utterance.voice = voice;
            utterance.rate = 0.9;
            const timer = setTimeout(resolve, 3000 + 150 * (phrase.speech || "").length);  // some never fire "end"
            utterance.onend = utterance.onerror = () => { clearTimeout(timer); resolve(); };
            synth.speak(utterance);
            return;
        }
        if (!phrase.url) { resolve(); return; }
        audio = new Audio(phrase.url);
        audio.onended = audio.onerror = () => resolve();
        audio.play().catch(() => resolve());
    });
    button.onclick = async () => {
        if (audio) { audio.pause(); }
        if (synth) { synth.cancel(); }
        button.disabled = true;
        install.hidden = true;
        result.textContent = data.checking;
        await voicesLoaded();
        const voice = viVoice();
        const test = data.test;
        const mode = test.url && test.natural ? "file" : (voice ? "device" : (test.url ? "machine" : "none"));
        const said = [data.verdicts[mode]];
        if (mode === "file") { said.push(voice ? data.rest.device : data.rest.machine); }
        if (!voice && mode !== "none") { said.push(data.install); }
        result.textContent = said.map((p) => p.text).join(" ");
        install.hidden = Boolean(voice);
        box.dataset.voice = mode;
        box.dataset.phoneVoice = voice ? "yes" : "no";
        if (mode !== "none") {
            for (const phrase of [test, ...said]) { await say(phrase, voice); }
        }
        button.disabled = false;
        if (setTriggerValue) { setTriggerValue("voice", voice ? mode : mode + " (no phone voice)"); }
    };
}
