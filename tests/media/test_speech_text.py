"""Text normalisation for the Vietnamese voices: numbers, dates, money, phone numbers,
acronyms; idempotent, and text already in spoken form is left alone."""

import unicodedata

import pytest

from media.speech_text import _lexicon, digit_words, normalise_for_speech, number_words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (55, "năm mươi lăm"),
        (75, "bảy mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (124, "một trăm hai mươi tư"),
        (176, "một trăm bảy mươi sáu"),
        (1000, "một nghìn"),
        (1001, "một nghìn không trăm linh một"),
        (1005, "một nghìn không trăm linh năm"),
        (1010, "một nghìn không trăm mười"),
        (1015, "một nghìn không trăm mười lăm"),
        (1100, "một nghìn một trăm"),
        (1430, "một nghìn bốn trăm ba mươi"),
        (2000, "hai nghìn"),
        (2014, "hai nghìn không trăm mười bốn"),
        (2021, "hai nghìn không trăm hai mươi mốt"),
        (2024, "hai nghìn không trăm hai mươi tư"),
        (2025, "hai nghìn không trăm hai mươi lăm"),
        (10_000, "mười nghìn"),
        (18_900, "mười tám nghìn chín trăm"),
        (22_000, "hai mươi hai nghìn"),
        (100_000, "một trăm nghìn"),
        (100_005, "một trăm nghìn không trăm linh năm"),
        (135_000, "một trăm ba mươi lăm nghìn"),
        (500_000, "năm trăm nghìn"),
        (1_000_000, "một triệu"),
        (1_000_005, "một triệu không trăm linh năm"),
        (1_005_000, "một triệu không trăm linh năm nghìn"),
        (1_050_000, "một triệu không trăm năm mươi nghìn"),
        (10_000_000, "mười triệu"),
        (116_000_000, "một trăm mười sáu triệu"),
        (999_999_999, "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
        (1_000_000_000, "một tỷ"),
        (1_000_000_005, "một tỷ không trăm linh năm"),
        (2_500_000_000, "hai tỷ năm trăm triệu"),
        (18_900_000_000_000, "mười tám nghìn chín trăm tỷ"),
    ],
)
def test_number_words(n, words):
    assert number_words(n) == words


def test_digit_words():
    assert digit_words("0123456789") == "không một hai ba bốn năm sáu bảy tám chín"
    assert digit_words("156") == "một năm sáu"


LEXICON_CASES = [
    ("Mở VNeID.", "Mở vê en e ai đi."),
    ("Nhập mã OTP.", "Nhập mã ô tê pê."),
    ("Mở VssID.", "Mở vê ét ét ai đi."),
    ("Gửi qua Zalo, Facebook.", "Gửi qua Da lô, Phây búc."),
    ("Mở CH Play hoặc App Store.", "Mở xê hát pờ lây hoặc áp xờ tô."),
    ("Quét mã QR.", "Quét mã quy a."),
    ("VietQR là mã chung.", "Việt quy a là mã chung."),
    ("Thẻ BHYT, sổ BHXH, thẻ CCCD.", "Thẻ bảo hiểm y tế, sổ bảo hiểm xã hội, thẻ căn cước công dân."),
    ("Nộp ở UBND xã.", "Nộp ở ủy ban nhân dân xã."),
    ("Bật Wi-Fi hay Wifi.", "Bật oai phai hay oai phai."),
    ("Gửi SMS.", "Gửi tin nhắn."),
    ("Đuôi .gov.vn là nhà nước.", "Đuôi chấm gốp chấm vê en là nhà nước."),
    ("Đuôi .com hay .vn.", "Đuôi chấm com hay chấm vê en."),
    ("Nhập mã PIN.", "Nhập mã pin."),
    ("Máy cần có NFC.", "Máy cần có en ép xê."),
    ("Số ID của bác.", "Số ai đi của bác."),
]


@pytest.mark.parametrize(("text", "spoken"), LEXICON_CASES)
def test_lexicon_entries(text, spoken):
    assert normalise_for_speech(text) == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("dichvucong.gov.vn", "dịch vụ công chấm gốp chấm vê en"),  # .gov.vn before .vn
        ("Đuôi .com.vn", "Đuôi chấm com chấm vê en"),
        ("mã VietQR và mã QR", "mã Việt quy a và mã quy a"),  # VietQR before QR
        ("tin nhắn SMS", "tin nhắn"),  # not "tin nhắn tin nhắn"
        ("Zalo OA", "Da lô ô a"),
        ("dichvucong.bvgov.com", "dịch vụ công chấm bvgov chấm com"),  # a dot inside an address
    ],
)
def test_longest_written_form_wins(text, spoken):
    assert normalise_for_speech(text) == spoken


@pytest.mark.parametrize(
    "text",
    [
        "pin điện thoại yếu",  # "PIN" is matched case-sensitively
        "VIDEO ngắn",  # "ID" only as a word of its own
        "Zalopay",
        "giá vê en đê",
        "v.v.",
        "TP.HCM",
    ],
)
def test_lexicon_matches_whole_words_and_case(text):
    assert normalise_for_speech(text) == text


def test_every_spoken_form_is_left_alone():
    lexicon, _ = _lexicon()
    assert len(lexicon) >= 20
    for written, spoken in lexicon.items():
        assert normalise_for_speech(spoken) == spoken, f"{written}: {spoken}"
        assert normalise_for_speech(written) == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Gọi tổng đài 156.", "Gọi tổng đài một năm sáu."),
        ("Nhắn tin đến 156 hoặc 5656.", "Nhắn tin đến một năm sáu hoặc năm sáu năm sáu."),
        ("Số 0123 là số giả.", "Số không một hai ba là số giả."),
        ("Số lạ 0123456789 gọi.", "Số lạ không một hai ba bốn năm sáu bảy tám chín gọi."),
        ("Số 012345678901 là số giả.", "Số không một hai ba bốn năm sáu bảy tám chín không một là số giả."),
        ("Mã OTP 123456 dùng một lần.", "Mã ô tê pê một hai ba bốn năm sáu dùng một lần."),
        ("Gọi 0339 035 656.", "Gọi không ba ba chín, không ba năm, sáu năm sáu."),
        ("Gọi 0339.035.656.", "Gọi không ba ba chín, không ba năm, sáu năm sáu."),
        ("Tài khoản 0000 1111 2222.", "Tài khoản không không không không, một một một một, hai hai hai hai."),
        ("Gọi 1900 1234.", "Gọi một chín không không, một hai ba bốn."),
        ("Gọi +84 339 035 656.", "Gọi cộng tám bốn, ba ba chín, không ba năm, sáu năm sáu."),
    ],
)
def test_phone_numbers_and_codes_digit_by_digit(text, spoken):
    assert normalise_for_speech(text) == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("500.000 đồng", "năm trăm nghìn đồng"),
        ("500.000đ", "năm trăm nghìn đồng"),
        ("500.000 đ.", "năm trăm nghìn đồng."),
        ("500.000 VND", "năm trăm nghìn đồng"),
        ("500.000 VNĐ", "năm trăm nghìn đồng"),
        ("phí 22.000 đồng", "phí hai mươi hai nghìn đồng"),
        ("135.000 đồng", "một trăm ba mươi lăm nghìn đồng"),
        ("1.430 đồng một ký", "một nghìn bốn trăm ba mươi đồng một ký"),
        ("mất gần 1,5 tỷ đồng", "mất gần một tỷ rưỡi đồng"),
        ("hơn 5,2 triệu hộ", "hơn năm phẩy hai triệu hộ"),
        ("0,5 triệu", "không phẩy năm triệu"),
        ("10 triệu", "mười triệu"),
        ("trên 20 triệu đồng", "trên hai mươi triệu đồng"),
        ("18.900 tỷ đồng", "mười tám nghìn chín trăm tỷ đồng"),
        ("116 triệu tin", "một trăm mười sáu triệu tin"),
        ("500 đồng", "năm trăm đồng"),
        ("50k", "năm mươi nghìn"),
        ("20.000-30.000 đồng", "hai mươi nghìn đến ba mươi nghìn đồng"),
        ("1.000.000", "một triệu"),
    ],
)
def test_money_and_large_quantities(text, spoken):
    assert normalise_for_speech(text) == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("15/8", "ngày mười lăm tháng tám"),
        ("dịp 2/9", "dịp ngày hai tháng chín"),
        ("Từ ngày 15/8, ...", "Từ ngày mười lăm tháng tám, ..."),  # no "ngày ngày"
        ("1/7/2025", "ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
        ("Từ 1/7/2024, chỉ", "Từ ngày một tháng bảy năm hai nghìn không trăm hai mươi tư, chỉ"),
        ("Từ ngày 1/7/2024, chỉ", "Từ ngày một tháng bảy năm hai nghìn không trăm hai mươi tư, chỉ"),
        ("năm 2025", "năm hai nghìn không trăm hai mươi lăm"),
        ("Năm 2017, nhà máy", "Năm hai nghìn không trăm mười bảy, nhà máy"),
        ("7/2024", "tháng bảy năm hai nghìn không trăm hai mươi tư"),
        ("(8/2025)", "(tháng tám năm hai nghìn không trăm hai mươi lăm)"),
        ("tháng 7/2024", "tháng bảy năm hai nghìn không trăm hai mươi tư"),
        ("4/2025", "tháng tư năm hai nghìn không trăm hai mươi lăm"),
        ("Tháng 8 năm 2025", "Tháng tám năm hai nghìn không trăm hai mươi lăm"),
        ("tháng 4", "tháng tư"),
        ("ngày 24/7", "ngày hai mươi tư tháng bảy"),
        ("hỗ trợ 24/7", "hỗ trợ hai mươi tư trên bảy"),
        ("2026-11-29", "ngày hai mươi chín tháng mười một năm hai nghìn không trăm hai mươi sáu"),
        ("Từ 2024, ba chiêu", "Từ hai nghìn không trăm hai mươi tư, ba chiêu"),
        ("Nghị định 176 năm 2025", "Nghị định một trăm bảy mươi sáu năm hai nghìn không trăm hai mươi lăm"),
        ("2024-2025", "hai nghìn không trăm hai mươi tư đến hai nghìn không trăm hai mươi lăm"),
    ],
)
def test_dates_and_years(text, spoken):
    assert normalise_for_speech(text) == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("passcode 6 số", "pát cốt sáu số"),
        ("12 số trên thẻ", "mười hai số trên thẻ"),
        ("người từ 75 tuổi", "người từ bảy mươi lăm tuổi"),
        ("khoảng 3 phút", "khoảng ba phút"),
        ("trong 60 ngày", "trong sáu mươi ngày"),
        ("mức 2", "mức hai"),
        ("0 đồng", "không đồng"),
        ("80%", "tám mươi phần trăm"),
        ("1,5 %", "một phẩy năm phần trăm"),
        ("100 người", "một trăm người"),
        ("thứ 4 và thứ 1", "thứ tư và thứ nhất"),
        ("từ 8-20 ký tự", "từ tám đến hai mươi ký tự"),
        ("Nộp sau 15h30", "Nộp sau mười lăm giờ ba mươi phút"),
        ("lúc 8:05", "lúc tám giờ năm phút"),
        ("24h", "hai mươi tư giờ"),
        ("mục 1.2", "mục một chấm hai"),
    ],
)
def test_small_quantities_percentages_and_times(text, spoken):
    assert normalise_for_speech(text) == spoken


@pytest.mark.parametrize(
    "text",
    [
        "Xin chào",
        "Bước một.",
        "Bước hai.",
        "Xin chào bà con.",
        "Bác bấm nút Đăng nhập.",
        "Mục tin tức trong vê en e ai đi từng đăng hướng dẫn kiểm tra trang lừa đảo.",
        "Nhắn tin báo đến số một năm sáu hoặc năm sáu năm sáu là miễn phí.",
        "Trang của nhà nước có đuôi chấm gốp chấm vê en.",
        "Từ ngày một tháng bảy năm hai nghìn không trăm hai mươi tư, chuyển trên mười triệu đồng.",
        "Có người đã mất gần một tỷ rưỡi đồng.",
        "Chỉ cài từ xê hát pờ lây hoặc áp xờ tô, không qua Da lô hay Phây búc.",
        "Năm nay bác năm mươi lăm tuổi.",
    ],
)
def test_vietnamese_and_already_spoken_text_is_unchanged(text):
    assert normalise_for_speech(text) == text


IDEMPOTENCE_CASES = [
    "Từ ngày 1/7/2024, chỉ dùng tài khoản VNeID mức 2.",
    "Gọi 0339 035 656 hoặc 156; mã OTP 123456 hết hạn sau 3 phút.",
    "Phí 500.000đ, 1,5 tỷ đồng, 80%, 50k, 20.000-30.000 đồng.",
    "Trang dichvucong.baohiemxahoi.gov.vn, không phải dichvucong.bvgov.com.",
    "Zalo2 và VNeID3, mã QR12, email abc@gmail.com",
    "(7/2024) 15/8 24/7 2026-11-29 15h30 8:05 4.2.1 +84 912 345 678",
    "CH Play, App Store, Wi-Fi, SMS, tin nhắn SMS, BHYT, CCCD, UBND, NFC, PIN, ID.",
    "Quyết định 757/QĐ-BKHCN, Thông tư 09/2026/TT-BTC.",
]


@pytest.mark.parametrize("text", IDEMPOTENCE_CASES + [spoken for _, spoken in LEXICON_CASES])
def test_idempotent(text):
    once = normalise_for_speech(text)
    assert normalise_for_speech(once) == once
    assert not any(c.isdigit() for c in once)


def test_nfd_input_gives_the_nfc_result():
    text = "Từ ngày 1/7/2024, mở  VNeID   và quét mã QR. "
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    result = normalise_for_speech(nfd)
    assert result == normalise_for_speech(text)
    assert result == unicodedata.normalize("NFC", result)
    assert result == "Từ ngày một tháng bảy năm hai nghìn không trăm hai mươi tư, mở vê en e ai đi và quét mã quy a."


def test_whitespace_is_folded_and_stripped():
    assert normalise_for_speech("  Xin \n chào\tbà   con ") == "Xin chào bà con"
    assert normalise_for_speech("") == ""
