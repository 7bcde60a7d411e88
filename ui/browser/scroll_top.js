// Scrolls to the top when data.view changes (ui/scroll_top.py).
// Loaded through ui/browser_modules.py; the URL changes with the file, so edit freely.
export default function(component) {
    const { data } = component;
    if (!data || data.view === undefined) { return; }
    const targets = [document.scrollingElement,
        ...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"], section.main')];
    for (const el of targets) { if (el && el.scrollTop > 0) { el.scrollTop = 0; } }
}
