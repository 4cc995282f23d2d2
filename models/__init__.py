"""The domain, Qt-free: meetings, Thai text rules, storage, meeting files and checks.

Importing the package keeps PyThaiNLP inside the program: its data folder in the program's own
data folder (it would make `~/pythainlp-data` in the clerk's home) and offline (nothing is ever
downloaded while the program runs). It runs before any module of the package imports PyThaiNLP.
"""

from models.paths import keep_pythainlp_inside

keep_pythainlp_inside()
