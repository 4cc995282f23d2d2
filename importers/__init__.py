"""Minutes typed elsewhere (Word files of years past, text) read into meetings: `source` reads a
file as lines and grids, `minutes` finds the meeting in them."""
