"""Rendering of document content (``core.documents``) to PDF (typst) and, later, DOCX."""
