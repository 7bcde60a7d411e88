"""Text normalisation before any voice: part of every audio cache key.

The voices misread what lesson authors write: espeak-ng spells "VNeID" letter by
letter, reads "0123456789" as one huge quantity and drops the slash in "15/8".
``normalise_for_speech`` rewrites such text the way a person reads it aloud:

* numbers (Vietnamese writes "." between thousands and "," before decimals):
  dates "15/8", "1/7/2025", "7/2024"; times "15h30"; money "500.000đ", "1,5 tỷ đồng";
  percentages; small quantities "75 tuổi" become words; phone numbers, hotlines and
  codes ("0339 035 656", "156", a 6-digit OTP) are read digit by digit;
* names, acronyms and web addresses from media/pronunciation.yaml (case-sensitive,
  whole words, the longest written form wins).

Text already in spoken form is left alone, and normalising twice equals once: every
digit becomes words, and no spoken form contains a written one. Changing these rules
or the lexicon changes the audio cache keys of the texts they touch: pre-render again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON_FILE = Path(__file__).with_name("pronunciation.yaml")

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Units after "mươi": hai mươi mốt, hai mươi tư, hai mươi lăm (but mười một, mười bốn).
AFTER_TENS = {1: "mốt", 4: "tư", 5: "lăm"}


def _below_thousand(n: int, full: bool) -> str:
    """0 < n < 1000. ``full``: a higher group came first, so say "không trăm", "linh"."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = [DIGITS[hundreds], "trăm"] if hundreds or full else []
    if tens == 0:
        words += ((["linh"] if words else []) + [DIGITS[units]]) if units else []
    elif tens == 1:
        words += ["mười"] + (["lăm" if units == 5 else DIGITS[units]] if units else [])
    else:
        words += [DIGITS[tens], "mươi"] + ([AFTER_TENS.get(units, DIGITS[units])] if units else [])
    return " ".join(words)


def number_words(n: int) -> str:
    """A whole number as spoken Vietnamese: 2025 -> "hai nghìn không trăm hai mươi lăm"."""
    if n < 0:
        return "âm " + number_words(-n)
    if n == 0:
        return "không"
    billions, rest = divmod(n, 1_000_000_000)
    words = [number_words(billions) + " tỷ"] if billions else []
    for group, name in ((rest // 1_000_000, " triệu"), (rest // 1000 % 1000, " nghìn"), (rest % 1000, "")):
        if group:
            words.append(_below_thousand(group, full=bool(words)) + name)
    return " ".join(words)


def digit_words(digits: str) -> str:
    """Each digit on its own, as phone numbers and codes are read: "156" -> "một năm sáu"."""
    return " ".join(DIGITS[int(d)] for d in digits if d.isdecimal())


def _decimal_words(text: str) -> str:
    """ "1.234,5" (Vietnamese separators) -> "một nghìn hai trăm ba mươi tư phẩy năm"."""
    whole, _, fraction = text.partition(",")
    words = number_words(int(whole.replace(".", "")))
    if fraction:
        short = len(fraction) <= 2 and not fraction.startswith("0")
        words += " phẩy " + (number_words(int(fraction)) if short else digit_words(fraction))
    return words


def _month(n: int) -> str:
    return "tư" if n == 4 else number_words(n)  # tháng tư, not tháng bốn


# Words before or after a number that decide how it is read.
_PREVIOUS = {
    name: re.compile(rf"(?<!\w)(?:{words})\s*$", re.IGNORECASE)
    for name, words in {
        "day": "ngày|mùng|mồng",
        "month": "tháng",
        "year": "năm",
        "ordinal": "thứ",
        "code": "số|gọi|tổng đài|hotline|đầu số|mã|nhắn|soạn|gửi",
        "count": r"(?:nghị định|quyết định|thông tư|công văn|điều|khoản)(?:\s+số)?|khoảng|hơn|gần",
    }.items()
}
COUNTED_NOUNS = frozenset(
    "người hộ xã phường tỉnh thôn làng ngày tuần tháng năm tuổi giờ phút giây lần ký kg km "
    "mét cây con cái chiếc ngân".split()
)
ORDINALS = {1: "nhất", 4: "tư"}  # thứ nhất, thứ tư


def _previous(m: re.Match[str], name: str) -> bool:
    return bool(_PREVIOUS[name].search(m.string, max(0, m.start() - 24), m.start()))


def _next_word(m: re.Match[str]) -> str:
    found = re.match(r"\s*(\w+)", m.string[m.end():m.end() + 24])
    return found.group(1).lower() if found else ""


def _integer(m: re.Match[str], text: str) -> str:
    """A bare run of digits: a quantity, a year, a month, or a code read digit by digit."""
    n = int(text)
    if len(text) > 1 and text.startswith("0"):
        return digit_words(text)
    if len(text) <= 2:
        if _previous(m, "ordinal"):
            return ORDINALS.get(n, number_words(n))
        return _month(n) if _previous(m, "month") and 1 <= n <= 12 else number_words(n)
    if _previous(m, "year") and len(text) <= 4:
        return number_words(n)
    if _previous(m, "count"):
        return number_words(n)
    if _previous(m, "code"):
        return digit_words(text)
    if _next_word(m) in COUNTED_NOUNS:
        return number_words(n)
    if len(text) == 4 and 1900 <= n <= 2099:  # a year on its own: "Từ 2024, ..."
        return number_words(n)
    return digit_words(text)  # hotlines, codes: 156, 5656, 123456


_NUMBER = (
    r"(?P<num>\d+(?:\.\d{3})+(?!\d)(?:,\d+)?|\d+(?:\.\d+)+|\d+(?:,\d+)?)"
    r"(?P<k>k(?!\w))?(?:\s?(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))?"
    r"(?:\s?(?P<cur>đồng|đ|VNĐ|VND|vnđ)(?!\w))?(?P<pct>\s?%)?"
)
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def _number(m: re.Match[str], quantity: bool = False) -> str:
    """Any other number, with what follows it: "500.000đ", "1,5 tỷ", "80%", "50k"."""
    text = m["num"]
    if not _THOUSANDS.fullmatch(text):  # "1.2", "4.2.1": section numbers
        return " chấm ".join(_integer(m, part) for part in text.split("."))
    if not (quantity or m["k"] or m["mag"] or m["cur"] or m["pct"] or "," in text or "." in text):
        return _integer(m, text)
    whole, _, fraction = text.partition(",")
    if m["mag"] and fraction == "5" and whole != "0":  # 1,5 tỷ -> một tỷ rưỡi
        words = f"{number_words(int(whole.replace('.', '')))} {m['mag']} rưỡi"
    else:
        words = _decimal_words(text) + (" nghìn" if m["k"] else "") + (f" {m['mag']}" if m["mag"] else "")
    return words + (" đồng" if m["cur"] else "") + (" phần trăm" if m["pct"] else "")


def _date(m: re.Match[str], day: str, month: str, year: str | None) -> str:
    d, mo = int(day), int(month)
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return " trên ".join(number_words(int(p)) for p in (day, month, year) if p)
    if year is None and (d, mo) == (24, 7) and not _previous(m, "day"):
        return "hai mươi tư trên bảy"  # "hỗ trợ 24/7": round the clock
    words = ("" if _previous(m, "day") else "ngày ") + f"{number_words(d)} tháng {_month(mo)}"
    return words + (f" năm {number_words(int(year))}" if year else "")


def _slash(m: re.Match[str]) -> str:
    first, second = m["a"], m["b"]
    if len(second) == 4 and 1 <= int(first) <= 12:  # 7/2024: month and year
        return ("" if _previous(m, "month") else "tháng ") + f"{_month(int(first))} năm {number_words(int(second))}"
    return _date(m, first, second, None)


def _time(m: re.Match[str]) -> str:
    minutes = int(m["min"] or m["min2"] or 0)
    return f"{number_words(int(m['hour']))} giờ" + (f" {number_words(minutes)} phút" if minutes else "")


def _phone(m: re.Match[str]) -> str:
    """Groups as the author wrote them, with a pause between: "0339 035 656"."""
    words = ", ".join(digit_words(group) for group in re.split(r"[ .-]", m.group()))
    return ("cộng " if m.group().startswith("+") else "") + words


def _range(m: re.Match[str]) -> str:
    """ "8-20 ký tự", "20.000-30.000 đồng": both ends are quantities."""
    return f"{_decimal_words(m['low'])} đến {_number(m, quantity=True)}"


_NUMBER_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"(?<![\d/.,])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d/-])"),
     lambda m: _date(m, m["d"], m["mo"], m["y"])),
    (re.compile(r"(?<![\d/.,])(?P<d>\d{1,2})/(?P<mo>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
     lambda m: _date(m, m["d"], m["mo"], m["y"])),
    (re.compile(r"(?<![\d/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2}|\d{4})(?![\d/])"), _slash),
    (re.compile(r"(?<![\d.,:])(?P<hour>[01]?\d|2[0-4])(?:h(?P<min>[0-5]\d)?(?!\w)|:(?P<min2>[0-5]\d)(?![\d:]))"),
     _time),
    (re.compile(r"(?<![\d.,])(?:(?:\+\d+|0\d+)(?:[ .-]\d{2,})*|\d{3,}(?: \d{2,})+)(?!\d|[.,]\d)"), _phone),
    (re.compile(r"(?<![\d.,])(?P<low>[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d{0,3}(?:,\d+)?)\s?[-–]\s?(?=[1-9])"
                + _NUMBER + r"(?![\d/])"), _range),
    (re.compile(r"(?<!\d)" + _NUMBER), _number),
]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], re.Pattern[str]]:
    """media/pronunciation.yaml, read once, as a dict and one regex, longest form first."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(LEXICON_FILE.read_text(encoding="utf-8"), Loader=loader) or {}
    lexicon = {}
    for written, spoken in raw.items():
        if not (isinstance(written, str) and written and isinstance(spoken, str)):
            raise ValueError(f"{LEXICON_FILE.name}: quote {written!r}: {spoken!r} (both must be text)")
        lexicon[unicodedata.normalize("NFC", written)] = " ".join(unicodedata.normalize("NFC", spoken).split())
    alternatives = [
        ("(?<!\\w)" if written[0].isalnum() else "") + re.escape(written) + ("(?!\\w)" if written[-1].isalnum() else "")
        for written in sorted(lexicon, key=lambda w: (-len(w), w))
    ]
    # A dot inside a web address, before another part and a dot: dichvucong.bvgov.com
    alternatives.append(r"(?<=[a-z0-9])\.(?=[a-z0-9-]+\.[a-z])")
    return lexicon, re.compile("|".join(alternatives))


def _substitute(pattern: re.Pattern[str], spoken: Callable[[re.Match[str]], str], text: str) -> str:
    """Replace every match, keeping a space between the spoken words and any letter."""
    def replace(m: re.Match[str]) -> str:
        words = spoken(m)
        if m.start() > 0 and m.string[m.start() - 1].isalnum():
            words = " " + words
        if m.end() < len(m.string) and m.string[m.end()].isalnum():
            words += " "
        return words
    return pattern.sub(replace, text)


@lru_cache(maxsize=8192)
def normalise_for_speech(text: str) -> str:
    """Text as a voice should read it: NFC, single spaces, numbers and acronyms in words.

    Equal texts share one audio file, so this is part of the audio cache key. Every
    "Nghe" button on every rerun asks for it (three times per text: two cache keys and
    the clip), so results are kept: the same text always gives the same answer, and the
    catalogue plus the UI phrases are about 2,000 texts.
    """
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if any(c.isdigit() for c in text):
        for pattern, spoken in _NUMBER_RULES:
            text = _substitute(pattern, spoken, text)
    lexicon, pattern = _lexicon()
    text = _substitute(pattern, lambda m: "chấm" if m.group() == "." else lexicon[m.group()], text)
    return " ".join(text.split())
