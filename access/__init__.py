"""Access slice: sign-in tokens, QR card links, the laptop's Wi-Fi addresses, and the
HTTP routes mounted next to Streamlit (cookie, cards, certificate check), which take
their long-lived objects from app_services.py. It never imports media, commands or ui
(and no Streamlit)."""
