"""Narration slice: text normalisation, speech engines behind one interface, the
content-addressed audio cache, recorded voices and lesson pictures. Beside progress,
above content: it may read lessons, quizzes and the catalogue, and never imports
progress, certificates, access, commands or ui."""
