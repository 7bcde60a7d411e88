"""Module certificates: who finished which module, the PDF, and the signed code its QR carries."""
