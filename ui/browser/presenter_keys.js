// The projector's keys and full screen (ui/trainer/presenter_keys.py).
// ArrowRight / PageDown / Space (and a presentation clicker, which sends those) click the
// bar's ➡️, ArrowLeft / PageUp its ⬅️; F toggles full screen. The listener does nothing
// on other pages (no bar), in text and number boxes, or with Ctrl / Alt / ⌘ held.
// Loaded through ui/browser_modules.py; the URL changes with the file, so edit freely.
const NEXT = new Set(["ArrowRight", "PageDown", " ", "Spacebar"]);
const BACK = new Set(["ArrowLeft", "PageUp"]);

function toggleFullscreen() {
    const root = document.documentElement;
    if (document.fullscreenElement) {
        document.exitFullscreen().catch(() => {});
    } else if (root.requestFullscreen) {
        root.requestFullscreen().catch(() => {});
    }
}

function clickBar(key) {
    const button = document.querySelector(`.st-key-${key} button`);
    if (!button || button.disabled) { return false; }
    button.click();
    return true;
}

function onKey(event) {
    if (!document.querySelector(".st-key-present_bar")) { return; }
    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) { return; }
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest("input, textarea, select, [contenteditable='true'], [role='listbox']")) { return; }
    let done = false;
    if (NEXT.has(event.key)) { done = clickBar("present_next"); }
    else if (BACK.has(event.key)) { done = clickBar("present_back"); }
    else if (event.key === "f" || event.key === "F") { toggleFullscreen(); done = true; }
    if (done) { event.preventDefault(); }
}

export default function(component) {
    const { parentElement } = component;
    const button = parentElement.querySelector(".present-fullscreen");
    const label = () => {
        if (button) { button.textContent = document.fullscreenElement ? "↩️ Thoát toàn màn hình" : "🖥️ Toàn màn hình"; }
    };
    if (button) {
        button.hidden = !document.documentElement.requestFullscreen;
        button.onclick = toggleFullscreen;  // a click is the gesture the browser asks for
    }
    label();
    // one listener per page, replaced when the module reloads
    if (window.__bdhvsPresenterKeys) { document.removeEventListener("keydown", window.__bdhvsPresenterKeys); }
    if (window.__bdhvsFullscreenLabel) {
        document.removeEventListener("fullscreenchange", window.__bdhvsFullscreenLabel);
    }
    window.__bdhvsPresenterKeys = onKey;
    window.__bdhvsFullscreenLabel = label;
    document.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", label);
}
