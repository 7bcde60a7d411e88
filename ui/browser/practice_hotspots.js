// The pretend screen of a practice step (ui/practice_hotspots.py): the picture with a
// transparent button over each place it draws; a tap sends that target's id to Python,
// as its big numbered button does. Loaded through ui/browser_modules.py.
//
// data: {url, alt, view: [x, y, w, h], areas: [{id, label, area: [x, y, w, h]}], done}
// Each button is placed in pixels over the picture as it is drawn (whatever the page's
// CSS makes of its size), at least 48 px each way around the middle of its place.
const MIN_PX = 48;
const STYLE_ID = "bdhvs-practice-hotspots-style";
const STYLE = `
.practice-screen { position: relative; margin: 0 auto 0.5rem; max-width: 480px; }
.practice-screen img.lesson-picture { margin: 0 auto; }
.practice-hotspot { position: absolute; padding: 0; margin: 0; border: 0; border-radius: 10px;
  background: transparent; cursor: pointer; -webkit-tap-highlight-color: rgba(11, 83, 148, 0.25); }
.practice-hotspot:active { background: rgba(11, 83, 148, 0.18); }
.practice-hotspot:focus-visible { outline: 4px solid #0b5394; outline-offset: 2px; background: rgba(11, 83, 148, 0.10); }
.practice-screen[data-done="true"] .practice-hotspot { cursor: default; }
`;

function ensureStyle() {
    if (document.getElementById(STYLE_ID)) { return; }
    const style = document.createElement("style");
    style.id = STYLE_ID;
    style.textContent = STYLE;
    document.head.appendChild(style);
}

function place(screen, img, data) {
    const [vx, vy, vw, vh] = data.view;
    const scaleX = img.clientWidth / vw, scaleY = img.clientHeight / vh;
    if (!scaleX || !scaleY) { return; }
    for (const button of screen.querySelectorAll(".practice-hotspot")) {
        const [x, y, w, h] = JSON.parse(button.dataset.area);
        const width = Math.max(w * scaleX, MIN_PX), height = Math.max(h * scaleY, MIN_PX);
        const middleX = img.offsetLeft + (x - vx + w / 2) * scaleX;
        const middleY = img.offsetTop + (y - vy + h / 2) * scaleY;
        Object.assign(button.style, {
            left: `${middleX - width / 2}px`, top: `${middleY - height / 2}px`,
            width: `${width}px`, height: `${height}px`,
        });
    }
}

export default function(component) {
    const { data, parentElement, setTriggerValue } = component;
    if (!data || !data.areas) { return; }
    ensureStyle();
    let screen = parentElement.querySelector(".practice-screen");
    const signature = JSON.stringify(data);
    if (screen && screen.dataset.signature === signature) { return; }
    if (!screen) {
        screen = document.createElement("div");
        screen.className = "practice-screen";
        parentElement.appendChild(screen);
    }
    if (screen.__observer) { screen.__observer.disconnect(); }
    screen.dataset.signature = signature;
    screen.dataset.done = data.done ? "true" : "false";
    const img = document.createElement("img");
    img.className = "lesson-picture";
    img.src = data.url;
    img.alt = data.alt;
    const buttons = data.areas.map((target) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "practice-hotspot";
        button.setAttribute("aria-label", target.label);
        button.dataset.target = target.id;
        button.dataset.area = JSON.stringify(target.area);
        button.onclick = () => { if (!data.done) { setTriggerValue("tap", target.id); } };
        return button;
    });
    screen.replaceChildren(img, ...buttons);
    const update = () => place(screen, img, data);
    img.addEventListener("load", update);
    screen.__observer = new ResizeObserver(update);
    screen.__observer.observe(img);
    update();
}
