// Streamlit's own words in Vietnamese (ui/streamlit_words.py). Its frontend hard-codes some
// English a learner can see or hear: "Skip to main content", the "Page not found" and
// "Connection error" boxes, the status in the top bar ("Running...", "Stop", "Connecting"),
// labels read aloud by a screen reader ("Open", "Close", "Link to heading"). One
// MutationObserver per page puts the Vietnamese in, in text and in those attributes.
// Loaded through ui/browser_modules.py; the URL changes with the file, so edit freely.
const WORDS = new Map([
    ["Skip to main content", "Đến phần chính"],
    ["Page not found", "Không có trang này"],
    ["Connection error", "Mất kết nối"],
    ["Bad message format", "Lỗi kết nối"],
    ["Connecting", "Đang kết nối"],
    ["Connecting to Streamlit server", "Đang kết nối với máy chủ"],
    ["Connecting to static app", "Đang kết nối với máy chủ"],
    ["Unable to connect to Streamlit server", "Chưa kết nối được với máy chủ"],
    ["Error", "Lỗi"],
    ["Please wait...", "Bác chờ một chút…"],
    ["Running...", "Đang chạy…"],
    ["Stop", "Dừng"],
    ["Stopping...", "Đang dừng…"],
    ["Stop script", "Dừng"],
    ["Rerun", "Chạy lại"],
    ["Always rerun", "Luôn chạy lại"],
    ["File change.", "Có thay đổi."],
    ["Choose an option", "Chọn một mục"],
    ["No results", "Không có mục nào"],
    ["Open", "Mở"],
    ["Close", "Đóng"],
    ["Dismiss", "Đóng"],
    ["Clear value", "Xoá"],
    ["Clear all", "Xoá hết"],
    ["Select all", "Chọn tất cả"],
    ["Drag and drop a file here", "Kéo thả tệp vào đây"],
    ["Drag and drop files here", "Kéo thả các tệp vào đây"],
    ["Upload", "Chọn tệp"],
    ["Show password", "Hiện mật khẩu"],
    ["Hide password", "Ẩn mật khẩu"],
    ["Choose options", "Chọn các mục"],
    ["Main menu", "Trình đơn"],
    ["Link to heading", "Liên kết đến tiêu đề"],
    ["progress", "Tiến độ"],
    ["Notifications", "Thông báo"],
]);
// Long messages, known by how they start; the whole paragraph is replaced (other text
// pieces in it, such as a `streamlit run` command, are emptied).
const MESSAGES = [
    ["The page that you have requested", "Bác được đưa về trang chính."],
    ["Is Streamlit still running", "Mất kết nối với máy chủ. Bác chờ một chút, hoặc nhờ tập huấn viên."],
    ["Streamlit server is not responding", "Mất kết nối với máy chủ. Bác chờ một chút, hoặc nhờ tập huấn viên."],
    ["Connection failed", "Mất kết nối với máy chủ. Bác chờ một chút, hoặc nhờ tập huấn viên."],
    ["Connection timed out", "Mất kết nối với máy chủ. Bác chờ một chút, hoặc nhờ tập huấn viên."],
    ["Connection lost", "Mất kết nối với máy chủ. Bác chờ một chút rồi thử lại."],
];
// Texts with a number in them: "1MB per file • CSV, XLSX" under a file uploader.
const PATTERNS = [
    [/^(\S+) per file(.*)$/, "Tối đa $1 mỗi tệp$2"],
];
const ATTRIBUTES = ["aria-label", "title", "placeholder", "alt"];

function translateText(node) {
    const text = node.data.trim();
    if (!text) { return; }
    const word = WORDS.get(text);
    if (word !== undefined) { node.data = node.data.replace(text, word); return; }
    const pattern = PATTERNS.find(([re]) => re.test(text));
    if (pattern) { node.data = node.data.replace(text, text.replace(pattern[0], pattern[1])); return; }
    const message = MESSAGES.find(([start]) => text.startsWith(start));
    if (!message) { return; }
    const block = node.parentElement && node.parentElement.closest("p, div");
    if (block) {  // the rest of the paragraph (e.g. a command in <code>) goes too
        const rest = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let other = rest.nextNode(); other; other = rest.nextNode()) {
            if (other !== node) { other.data = ""; }
        }
    }
    node.data = message[1];
}

function translateAttributes(el) {
    for (const name of ATTRIBUTES) {
        const value = el.getAttribute(name);
        if (value === null) { continue; }
        const word = WORDS.get(value.trim());
        if (word !== undefined) { el.setAttribute(name, word); }
    }
}

function translate(root) {
    if (root.nodeType === Node.TEXT_NODE) { translateText(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) { return; }
    translateAttributes(root);
    root.querySelectorAll("[aria-label], [title], [placeholder], [alt]").forEach(translateAttributes);
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) { translateText(node); }
}

export default function() {
    if (window.bdhvsStreamlitWords) { return; }  // one observer per page, however often Streamlit reruns
    window.bdhvsStreamlitWords = true;
    translate(document.body);
    new MutationObserver((records) => {
        for (const record of records) {
            if (record.type === "childList") { record.addedNodes.forEach(translate); }
            else if (record.type === "characterData") { translateText(record.target); }
            else if (record.type === "attributes") { translateAttributes(record.target); }
        }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true,
                                attributeFilter: ATTRIBUTES });
    if (document.title === "Streamlit") { document.title = "Bình dân học vụ số"; }
}
