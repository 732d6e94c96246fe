"""The public portal (no login): verification, guides, the lists' public pages."""
