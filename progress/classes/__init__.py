"""Class mode in the database: a class at the cultural house, its phones, its live
questions, and the record of the class held. Everything several sessions share lives
here (never in one process's memory), so a presenter served by one app process and
phones served by another see the same class.

- ``running``: start a class, move everyone to a slide, reveal, end (also when idle).
- ``state``: one class as every screen reads it, and the per-process cache phones poll.
- ``attendance``: joining (as a learner or a guest), who is with the class now.
- ``live``: the answers to a live question, stored as given and tallied.
- ``records``: the class held, as the trainer and the Youth Union count it.
"""
