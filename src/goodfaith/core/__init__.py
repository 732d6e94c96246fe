"""The legal core: plain Python, never imports Django, never reads a clock."""
