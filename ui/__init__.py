"""Every Streamlit page and widget (learner/, trainer/, class mode, shared components)
and the web server around them; the only package besides app.py that imports
streamlit. On top: it may import every slice, draws what they compute, and nothing
but app.py imports it. It never imports commands."""
