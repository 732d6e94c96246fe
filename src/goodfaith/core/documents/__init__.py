"""Document content from the case file (no rendering): what each notice or certificate says."""
