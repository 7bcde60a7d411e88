"""Module certificates: the PDF and the signed code its QR carries, and checking that
code (which modules a learner finished is a report: progress/reports/module_progress.py).
It reads content and progress and never imports media, access, commands or ui."""
