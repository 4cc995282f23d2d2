"""The program's resources (fonts, the demo meeting, the Garuda emblem, the icon), as a package
so that a wheel carries them; `models/paths.py` finds them."""
